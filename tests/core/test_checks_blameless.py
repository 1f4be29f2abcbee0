"""Blameless-language hints: every corpus label, the subject rule, and real post-mortems."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from postmortem_tui.checks.blameless import blameless_findings, hints_for_text
from postmortem_tui.checks.blameless_words import RULES
from postmortem_tui.persistence import load
from tests.conftest import REALDATA, ROOT

CORPUS = tomllib.loads((ROOT / "tests" / "data" / "blameless_corpus.toml").read_text("utf-8"))
PEOPLE = CORPUS["participants"]
SENTENCES = CORPUS["sentence"]


def test_the_corpus_is_big_enough_and_balanced() -> None:
    blameful = sum(s["blameful"] for s in SENTENCES)
    assert len(SENTENCES) >= 80
    assert blameful == len(SENTENCES) - blameful


@pytest.mark.parametrize("sentence", SENTENCES, ids=lambda s: s["text"][:50])
def test_every_corpus_label(sentence: dict) -> None:
    hints = hints_for_text(sentence["text"], PEOPLE)
    if sentence["blameful"]:
        assert hints, "a blameful sentence got no hint"
        assert f"blameless.{sentence['rule']}" in [h.rule for h in hints]
    else:
        assert hints == [], [(h.rule, sentence["text"][h.start : h.end]) for h in hints]


@pytest.mark.parametrize(
    "text",
    [
        "We added fault injection to the staging suite.",
        "The queue is fault-tolerant.",
        "Fault tolerance depends on a second region.",
        "This is a blameless review.",
        "The default timeout is 30 seconds.",
        "The deploy failed to start.",
        "The job should have retried.",
        "We should have alerting on config load failures.",
        "Lazy loading kept the first page fast.",
    ],
)
def test_no_false_alarm_on_engineering_words(text: str) -> None:
    assert hints_for_text(text, PEOPLE) == []


@pytest.mark.parametrize(
    ("text", "rule", "flagged"),
    [
        ("It was human error.", "human-error", "human error"),
        ("She shouldn't have merged it.", "counterfactual", "She shouldn't have merged"),
        ("That was sloppy.", "judgement", "sloppy"),
        ("It was their fault.", "blame", "their fault"),
        ("The reviewer forgot to check the lock type.", "person-failure", "reviewer forgot"),
        ("Everyone must be more careful.", "be-careful", "be more careful"),
        ("Who did this?", "who-question", "Who did"),
        ("Obviously the index was missing.", "condescension", "Obviously"),
        ("Checkout broke because Sam deployed.", "named-cause", "because Sam"),
    ],
)
def test_each_kind_of_hint_points_at_its_words(text: str, rule: str, flagged: str) -> None:
    [hint] = hints_for_text(text, PEOPLE)
    assert hint.rule == f"blameless.{rule}"
    assert text[hint.start : hint.end] == flagged
    assert hint.message and hint.question.endswith("?")


def test_the_subject_decides_for_failure_verbs() -> None:
    assert hints_for_text("The deploy failed to start the pods.", PEOPLE) == []
    assert hints_for_text("The engineer failed to start the pods.", PEOPLE)
    assert hints_for_text("The client ignored the retry header.", PEOPLE) == []
    assert hints_for_text("We ignored the retry header.", PEOPLE)
    # A name is a person only when it is a participant's.
    assert hints_for_text("Priya broke checkout.", []) == []
    assert hints_for_text("priya broke checkout.", ["Priya Raman"])
    # A person in the object position is not the subject.
    assert hints_for_text("The alert paged Sam and failed to reach anyone else.", PEOPLE) == []


def test_a_left_out_subject_is_taken_from_the_clause_before() -> None:
    assert hints_for_text("Sam ran the migration and then failed to re-enable the alert.", PEOPLE)
    assert hints_for_text("The job ran and then failed to exit.", PEOPLE) == []


def test_they_after_a_thing_is_the_thing() -> None:
    assert hints_for_text("The pods restarted, but they failed to pull the image.", PEOPLE) == []
    assert hints_for_text("They failed to pull the image.", PEOPLE)


def test_a_name_that_is_also_a_word_needs_its_capital() -> None:
    people = ["Grant Page"]
    assert hints_for_text("The page failed to load the fixture.", people) == []
    assert hints_for_text("The grant failed to cover the cost.", people) == []
    assert hints_for_text("Then Grant failed to hand over the pager.", people)


def test_negated_blame_is_the_blameless_norm() -> None:
    for text in ("Nobody is to blame.", "We don't blame people here.", "A no-blame review."):
        assert hints_for_text(text, PEOPLE) == []
    assert hints_for_text("Someone is to blame.", PEOPLE)


def test_every_rule_has_words_and_a_question() -> None:
    for rule in RULES.values():
        assert rule.message and rule.question.endswith("?")


def test_the_sample_session_is_blameless(sample_path: Path) -> None:
    assert blameless_findings(load(sample_path)) == []


def test_findings_name_the_entry(sample_path: Path) -> None:
    session = load(sample_path)
    session.action_items[2].what = "Tell reviewers to be more careful"
    session.root_cause.chains[0].steps[1].because = "Sam forgot to check the table size."
    found = {(f.path, f.hint.rule) for f in blameless_findings(session)}
    assert found == {
        ("action_items[2].what", "blameless.be-careful"),
        ("root_cause.chains[0].steps[1].because", "blameless.person-failure"),
    }


POSTMORTEMS = REALDATA / "postmortems"


def _sentences(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text("utf-8"), flags=re.S)
    out = []
    for paragraph in re.split(r"\n\s*\n", text):
        out += re.split(r"(?<=[.!?])\s+", " ".join(paragraph.split()))
    return out


@pytest.mark.skipif(not POSTMORTEMS.is_dir(), reason="shared real data is not here")
def test_real_postmortems_get_hints_only_where_a_person_is_judged() -> None:
    """Three published post-mortems, written by others: the only hints are the author
    calling their own act "laziness" and "lazy", a self-judgement a facilitator would reframe."""
    flagged = []
    for path in sorted(POSTMORTEMS.glob("*.md")):
        for sentence in _sentences(path):
            for hint in hints_for_text(sentence, ["Ee Durbin", "Benjamin Elder"]):
                flagged.append((hint.rule, sentence[hint.start : hint.end]))
    assert flagged == [("blameless.judgement", "laziness"), ("blameless.judgement", "lazy")]
