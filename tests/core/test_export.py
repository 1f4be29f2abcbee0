"""The exported Markdown document: every section, the durations, and text that stays text."""

from __future__ import annotations

import html as htmllib
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from postmortem_tui.durations import key_durations
from postmortem_tui.export import render
from postmortem_tui.model import (
    ActionItem,
    Note,
    Session,
    TimelineEntry,
    WhyChain,
    WhyStep,
)
from postmortem_tui.persistence import load
from tests.conftest import ROOT
from tests.strategies import NASTY

SECTIONS = [
    "## Summary",
    "## Impact",
    "## Trigger, detection and resolution",
    "## Timeline",
    "### Key durations",
    "## Root cause analysis",
    "### 5 Whys",
    "### Contributing factors",
    "### Root cause",
    "## What went well",
    "## What could be improved",
    "## Where we got lucky",
    "## Action items",
    "## Participants",
    "## Agenda",
    "## Distribution",
]


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _tables(document: str) -> list[list[list[str]]]:
    """Each table as rows of cell texts, as a Markdown renderer sees them."""
    tables: list[list[list[str]]] = []
    row: list[str] | None = None
    tokens = _md().parse(document)
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
            tables[-1].append(row)
        elif token.type in ("th_open", "td_open"):
            inline_token = tokens[index + 1]
            assert row is not None
            row.append(inline_token.content if inline_token.type == "inline" else "")
    return tables


def _table_after(document: str, heading: str) -> str:
    start = document.index(heading)
    rest = document[start:]
    return rest[: rest.index("\n\n", rest.index("|"))]


def test_sample_document_has_every_section(sample_path: Path) -> None:
    document = render(load(sample_path))
    assert document.startswith("# Post-mortem: Checkout outage")
    positions = [document.index(section + "\n") for section in SECTIONS]
    assert positions == sorted(positions)


def test_sample_timeline_and_actions(sample_path: Path) -> None:
    document = render(load(sample_path))
    tables = _tables(document)
    timeline = next(t for t in tables if t[0] == ["Time", "Event", "Kind", "Source"])
    times = [row[0] for row in timeline[1:]]
    for moment in ("14:12", "14:17", "14:23", "14:31"):
        assert moment in times
    actions = next(t for t in tables if t[0][0] == "#" and "Owner" in t[0])
    assert len(actions) == 1 + 6
    owner, deadline = actions[0].index("Owner"), actions[0].index("Deadline")
    for row in actions[1:]:
        assert row[owner].strip() and " and " not in row[owner]
        assert date.fromisoformat(row[deadline])


def test_sample_durations(sample_path: Path) -> None:
    session = load(sample_path)
    found = {d.name: d.value.total_seconds() / 60 for d in key_durations(session)}
    assert found["Time to detect"] == 5
    assert found["Time to acknowledge"] == 6
    document = render(session)
    assert "| Time to detect | 5 min | impact started (14:12) | the first alert (14:17) |" in document
    assert "| Time to acknowledge | 6 min |" in document


def test_a_duration_with_a_missing_event_is_left_out() -> None:
    session = Session(
        timeline=[
            TimelineEntry(time="10:00", text="deploy", kind="trigger"),
            TimelineEntry(time="10:07", text="alert", kind="alert"),
        ]
    )
    names = [d.name for d in key_durations(session)]
    assert names == ["Time to detect"]  # no acknowledgement, mitigation or resolution yet
    document = render(session)
    assert "Time to acknowledge" not in document


def test_durations_across_midnight_use_dates() -> None:
    session = Session(
        timeline=[
            TimelineEntry(time="23:50", date=date(2026, 1, 1), text="impact", kind="impact"),
            TimelineEntry(time="00:20", date=date(2026, 1, 2), text="alert", kind="alert"),
        ]
    )
    assert [d.value.total_seconds() for d in key_durations(session)] == [30 * 60]


def test_empty_sections_say_so() -> None:
    document = render(Session())
    for section in SECTIONS:
        assert section in document
    assert document.count("Nothing recorded.") >= 8
    assert "### Key durations\n\nNothing recorded.\n" in document


def test_actions_are_ordered_by_priority() -> None:
    session = Session(
        action_items=[
            ActionItem(what="low", owner="A", impact="low", effort="high"),
            ActionItem(what="top", owner="B", impact="high", effort="low"),
            ActionItem(what="forced", owner="C", impact="low", effort="high", priority_override="P1"),
        ]
    )
    rows = next(t for t in _tables(render(session)) if "Owner" in t[0])[1:]
    assert [row[1] for row in rows] == ["top", "forced", "low"]
    assert [row[5] for row in rows] == ["P1", "P1", "P4"]


def _adversarial(text: str) -> Session:
    return Session(
        timeline=[TimelineEntry(time="14:12", text=text, link="https://x.example/a|b")],
        went_well=[Note(text=text)],
        action_items=[ActionItem(what=text, owner=text, deadline=date(2026, 12, 10))],
        root_cause={"chains": [WhyChain(steps=[WhyStep(why=text, because=text)])]},
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.sampled_from(NASTY), st.text(max_size=60)))
def test_typed_text_cannot_change_the_document_structure(text: str) -> None:
    document = render(_adversarial(text))
    tables = _tables(document)
    widths = {tuple(t[0]): {len(row) for row in t} for t in tables}
    for header, counts in widths.items():
        assert counts == {len(header)}, header
    timeline = next(t for t in tables if t[0][0] == "Time")
    actions = next(t for t in tables if "Owner" in t[0])
    why = next(t for t in tables if t[0] == ["#", "Why?", "Because"])
    assert (len(timeline), len(actions), len(why)) == (2, 2, 2)
    headings = [t.content for t in _md().parse(document) if t.type == "inline" and t.map]
    tokens = _md().parse(document)
    heading_count = sum(1 for t in tokens if t.type == "heading_open")
    assert heading_count == render(_adversarial("plain")).count("\n#") + 1
    assert not any(t.type in ("html_block", "html_inline", "code_block", "fence") for t in tokens)
    assert headings


def _as_shown(text: str) -> str:
    """What a reader should see: the text as typed, line by line, controls made visible."""
    shown = "".join(
        " " if c == "\t" else chr(0x2400 + ord(c)) if ord(c) < 0x20 and c != "\n" else
        "\u2421" if c == "\x7f" else c
        for c in text.replace("\r\n", "\n")
    )
    return "\n".join(line.strip() for line in shown.split("\n") if line.strip())


@pytest.mark.parametrize("text", [*NASTY, "see https://example.com/a_b?c=d and sam@example.com"])
def test_typed_text_renders_literally(text: str) -> None:
    document = render(Session(went_well=[Note(text=text)]))
    html = _md().render(document)
    section = html[html.index("What went well") : html.index("What could be improved")]
    item = re.search(r"<li>(.*?)</li>", section, re.S)
    assert item is not None
    seen = htmllib.unescape(re.sub(r"<[^>]+>", "", item.group(1)))
    assert seen == _as_shown(text)


def _markdownlint() -> str | None:
    local = ROOT / "node_modules" / ".bin" / "markdownlint"
    if local.exists():
        return str(local)
    return shutil.which("markdownlint")


@pytest.mark.skipif(
    _markdownlint() is None and not os.environ.get("POSTMORTEM_REQUIRE_MARKDOWNLINT"),
    reason="markdownlint-cli is not installed (npm ci installs it; CI requires it)",
)
@pytest.mark.parametrize("which", ["sample", "empty", "hostile"])
def test_document_passes_markdownlint(which: str, sample_path: Path, tmp_path: Path) -> None:
    tool = _markdownlint()
    assert tool, "POSTMORTEM_REQUIRE_MARKDOWNLINT is set but markdownlint-cli is missing"
    session = {
        "sample": lambda: load(sample_path),
        "empty": Session,
        "hostile": lambda: _adversarial("\n".join(NASTY) + " see https://example.com/x_y and sam@example.com"),
    }[which]()
    out = tmp_path / "doc.md"
    out.write_text(render(session))
    result = subprocess.run(
        [tool, "--config", str(ROOT / "tests" / "markdownlint.json"), str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("spent", "actual"),
    [(80, "1 min |"), (100, "2 min (over by 1 min) |"), (60 * 9, "9 min (over by 8 min) |")],
)
def test_the_agenda_table_says_over_only_by_a_whole_minute(spent: int, actual: str) -> None:
    session = Session()
    step = session.agenda.steps[5]
    session.agenda.steps[5] = step.with_changes(allotted_minutes=1, state="done", spent_seconds=spent)
    row = next(line for line in render(session).splitlines() if "| Action items |" in line)
    assert row.endswith(actual)
