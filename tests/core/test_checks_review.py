"""postmortem lint and the wrap-up counts: every hint with its entry, corpus-seeded sessions."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest

from postmortem_tui.checks.review import session_findings, wrap_up_summary
from postmortem_tui.cli import main
from postmortem_tui.model import (
    ActionItem,
    Factor,
    Improvement,
    Note,
    Participant,
    Session,
    TimelineEntry,
    WhyChain,
    WhyStep,
)
from postmortem_tui.persistence import load, save
from tests.conftest import ROOT

MEETING_DAY = date(2026, 11, 27)


def _lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["lint", *args])
    return code, capsys.readouterr().out


def test_help_lists_the_new_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("lint", "invite", "actions"):
        assert f"    {command}" in out


def test_the_sample_has_no_hints_on_its_meeting_day(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    code, out = _lint(capsys, str(sample_path), "--strict", "--today", "2026-11-27")
    assert (code, out) == (0, f"{sample_path}: no hints\n")
    summary = wrap_up_summary(load(sample_path), MEETING_DAY)
    assert summary.total == 0
    assert summary.lines() == [
        "Blameless language: none",
        "Action items: none",
        "Roles: none",
        "Scheduling: none",
        "Review criteria: none",
    ]


def test_lint_names_the_entry_its_line_and_the_words(
    capsys: pytest.CaptureFixture[str], sample_path: Path
) -> None:
    session = load(sample_path)
    session.action_items[2].owner = "the team"
    session.could_improve[1].text = "Sam forgot to unmute the alert channel"
    session.participants = [p for p in session.participants if "note-taker" not in p.roles]
    save(session, sample_path)
    code, out = _lint(capsys, str(sample_path), "--today", "2026-11-27")
    assert code == 0
    lines = out.splitlines()
    source = sample_path.read_text().splitlines()
    heads = [line for line in lines if not line.startswith("    ")]
    assert len(heads) == 4 and heads[-1] == f"{sample_path}: 3 hints"
    improve = next(line for line in heads if "could_improve[1].text" in line)
    number = int(improve.split(":")[1])
    assert source[number - 1].startswith("text = \"Sam forgot")
    assert "[blameless.person-failure]" in improve
    assert lines[lines.index(improve) + 1].startswith('    "«Sam forgot» to unmute the alert" -> What made')
    assert any("action_items[2].owner" in line and "[action.owner-group]" in line for line in heads)
    assert any(line.endswith("[roles.missing]") and "no note-taker" in line for line in heads)
    assert _lint(capsys, str(sample_path), "--strict", "--today", "2026-11-27")[0] == 1


def test_wrap_up_counts_by_category(sample_path: Path) -> None:
    session = load(sample_path)
    session.action_items[0].owner = "Alex Kim"  # soft: not a participant
    session.action_items[1].deadline = None
    session.timeline[0].text = "Obviously the migration was deployed"
    session.criteria.met = []
    summary = wrap_up_summary(session, MEETING_DAY)
    assert summary.counts == {
        "blameless": 1, "action": 2, "roles": 0, "schedule": 0, "criteria": 1
    }
    assert summary.lines() == [
        "Blameless language: 1 hint",
        "Action items: 2 hints (1 soft)",
        "Roles: none",
        "Scheduling: none",
        "Review criteria: 1 hint (1 soft)",
    ]


def test_a_late_meeting_is_a_scheduling_hint(sample_path: Path) -> None:
    session = load(sample_path)
    session.meeting.scheduled = session.meeting.scheduled.replace(day=10, month=12)  # type: ignore[union-attr]
    [finding] = [f for f in session_findings(session, MEETING_DAY) if f.hint.category == "schedule"]
    assert finding.path == "meeting.scheduled" and finding.hint.rule == "schedule.late"


# The corpus, seeded into one session as a note-taker would have typed it.

CORPUS = tomllib.loads((ROOT / "tests" / "data" / "blameless_corpus.toml").read_text("utf-8"))


def _seeded() -> tuple[Session, dict[str, list[tuple[dict, int, int]]]]:
    """A session holding every corpus sentence; and where each went (path -> sentence spans)."""
    session = Session(participants=[Participant(name=name) for name in CORPUS["participants"]])
    chain = WhyChain(title="From the corpus")
    session.root_cause.chains.append(chain)
    places: dict[str, list[tuple[dict, int, int]]] = {}
    joined = {"summary": [], "statement": []}  # single fields: sentences one per paragraph
    for sentence in CORPUS["sentence"]:
        text, field = sentence["text"], sentence["field"]
        if field in joined:
            joined[field].append(sentence)
            continue
        if field == "timeline":
            session.timeline.append(TimelineEntry(time="10:00", text=text))
            path = f"timeline[{len(session.timeline) - 1}].text"
        elif field in ("why", "because"):
            chain.steps.append(WhyStep(**{field: text}))
            path = f"root_cause.chains[0].steps[{len(chain.steps) - 1}].{field}"
        elif field == "factor":
            session.root_cause.factors.append(Factor(text=text))
            path = f"root_cause.factors[{len(session.root_cause.factors) - 1}].text"
        elif field == "could_improve":
            session.could_improve.append(Improvement(text=text))
            path = f"could_improve[{len(session.could_improve) - 1}].text"
        elif field == "went_well":
            session.went_well.append(Note(text=text))
            path = f"went_well[{len(session.went_well) - 1}].text"
        else:
            assert field == "action", field
            session.action_items.append(ActionItem(what=text, owner="Sam Chen", deadline=MEETING_DAY))
            path = f"action_items[{len(session.action_items) - 1}].what"
        places[path] = [(sentence, 0, len(text))]
    for field, sentences in joined.items():
        path = "incident.summary" if field == "summary" else "root_cause.statement"
        spans, position = [], 0
        for sentence in sentences:
            spans.append((sentence, position, position + len(sentence["text"])))
            position += len(sentence["text"]) + 2
        text = "\n\n".join(s["text"] for s in sentences)
        if field == "summary":
            session.incident.summary = text
        else:
            session.root_cause.statement = text
        places[path] = spans
    return session, places


_HEAD = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<path>\S+): .* \[(?P<rule>[\w.-]+)\]$")


def test_lint_on_the_corpus_flags_the_blameful_sentences_and_not_the_fine_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    session, places = _seeded()
    path = tmp_path / "corpus.toml"
    save(session, path)
    code, out = _lint(capsys, str(path), "--today", "2026-11-27")
    assert code == 0
    printed = [m for m in map(_HEAD.match, out.splitlines()) if m and m["rule"].startswith("blameless.")]
    # What lint printed is what the checks found; attribute each hint to its sentence by span.
    findings = [f for f in session_findings(load(path), MEETING_DAY) if f.hint.category == "blameless"]
    assert [(m["path"], m["rule"]) for m in printed] == [(f.path, f.hint.rule) for f in findings]
    flagged = set()
    for finding in findings:
        for sentence, start, end in places[finding.path]:
            if start <= finding.hint.start < end:
                flagged.add(sentence["text"])
    blameful = {s["text"] for s in CORPUS["sentence"] if s["blameful"]}
    true_positives = len(flagged & blameful)
    precision = true_positives / len(flagged)
    recall = true_positives / len(blameful)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
