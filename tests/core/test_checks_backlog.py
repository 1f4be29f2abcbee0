"""The action-item backlog: ordering, overdue marks, the three formats, related actions."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from postmortem_tui.checks.backlog import (
    CSV_COLUMNS,
    load_backlog,
    related_open_actions,
    same_service,
    to_table,
)
from postmortem_tui.cli import main
from postmortem_tui.model import ActionItem, Incident, Session
from postmortem_tui.persistence import save
from tests.conftest import SAMPLE


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The sample and an older session with one done, one overdue and one open action."""
    shutil.copyfile(SAMPLE, tmp_path / "checkout-outage.toml")
    older = Session(
        incident=Incident(title="Search latency", services=["search", "Orders database"]),
        action_items=[
            ActionItem(what="Shard the search index", owner="Kim", deadline=date(2026, 10, 1),
                       status="done"),
            ActionItem(what="Alert on orders lock waits", owner="Kim", deadline=date(2026, 11, 1)),
            ActionItem(what="Document the search failover", owner="Lee", deadline=None),
            ActionItem(what="Tune the cache TTLs", owner="Lee", deadline=date(2026, 10, 15)),
        ],
    )
    save(older, tmp_path / "search-latency.toml")
    (tmp_path / "broken.toml").write_text("schema_version = 1\n[incident\n")
    return tmp_path


def test_open_first_overdue_marked(folder: Path) -> None:
    items, problems = load_backlog(folder, date(2026, 11, 27))
    assert len(problems) == 1 and "broken.toml" in problems[0]
    assert [(i.path.name, i.action.what[:20], i.overdue) for i in items][:3] == [
        ("search-latency.toml", "Tune the cache TTLs", True),  # overdue, the longest
        ("search-latency.toml", "Alert on orders lock", True),
        ("checkout-outage.toml", "Add a pipeline pre-c", False),  # P1, typed order among equals
    ]
    assert items[-2].action.what == "Document the search failover"  # no deadline: last of open
    assert items[-1].action.status == "done"
    table = to_table(items)
    lines = table.splitlines()
    assert lines[2].startswith("!  2026-11-01  P2   Kim")
    assert lines[-1].startswith("✓  2026-10-01")


def test_the_sample_six_actions_in_all_three_formats(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copyfile(SAMPLE, tmp_path / "checkout-outage.toml")
    folder = str(tmp_path)
    assert main(["actions", folder, "--today", "2026-11-27"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["DEADLINE", "PRI", "OWNER", "ACTION", "SESSION"]
    assert len(out) == 1 + 6 + 1 and out[-1] == "6 actions, 6 open, 0 overdue ('!')"

    assert main(["actions", folder, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 6 and tuple(rows[0]) == CSV_COLUMNS
    assert {row["Assignee"] for row in rows} == {
        "Priya Raman", "Tomás Álvarez", "Marcus Okafor", "Aisha Bello", "Sam Chen"
    }
    assert {row["Due date"] for row in rows} == {"2026-12-11"}
    assert {row["Priority"] for row in rows} <= {"Highest", "High", "Medium", "Low"}
    assert all("checkout-outage.toml" in row["Description"] for row in rows)
    assert all(row["Labels"].split()[0] == "postmortem" for row in rows)

    assert main(["actions", folder, "--format", "json", "--today", "2026-12-12"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 6 and all(item["overdue"] for item in data)
    assert data[0]["services"] == ["checkout", "orders database (PostgreSQL)"]


def test_an_empty_or_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["actions", str(tmp_path)]) == 0
    assert "No action items" in capsys.readouterr().out
    assert main(["actions", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a folder of sessions" in err


def test_typed_control_characters_cannot_reach_the_terminal(tmp_path: Path) -> None:
    save(Session(action_items=[ActionItem(what="\x1b[31mred\x1b[0m", owner="A\nB")]), tmp_path / "s.toml")
    items, _ = load_backlog(tmp_path, date(2026, 11, 27))
    assert "\x1b" not in to_table(items) and "A B" in to_table(items)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("orders database (PostgreSQL)", "Orders database", True),
        ("checkout", "checkout api", True),
        ("checkout", "search", False),
        ("", "checkout", False),
    ],
)
def test_same_service(a: str, b: str, same: bool) -> None:
    assert same_service(a, b) is same


def test_related_open_actions_for_the_backlog_check(folder: Path) -> None:
    items, _ = load_backlog(folder, date(2026, 11, 27))
    sample = folder / "checkout-outage.toml"
    from postmortem_tui.persistence import load

    related = related_open_actions(load(sample), items, exclude=sample)
    # The open actions of the search incident (it touched the orders database too); the one
    # that names the shared service first. Done actions and the session's own are left out.
    assert [item.action.what for item in related] == [
        "Alert on orders lock waits",
        "Tune the cache TTLs",
        "Document the search failover",
    ]
    assert related_open_actions(load(sample), items) != []  # without exclude: its own too
