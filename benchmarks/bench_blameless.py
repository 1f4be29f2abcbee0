"""Precision and recall of the blameless-language hints, and their cost per keystroke.

Run from the repository root:  python benchmarks/bench_blameless.py

A sentence counts as flagged when it gets at least one hint. The corpus is what the rules
were written against; the held-out set was written afterwards and never used to tune them.
"""

from __future__ import annotations

import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from postmortem_tui.checks.blameless import hints_for_text  # noqa: E402


def score(name: str) -> None:
    data = tomllib.loads((ROOT / "tests" / "data" / name).read_text("utf-8"))
    tp = fp = fn = tn = 0
    misses = []
    for sentence in data["sentence"]:
        flagged = bool(hints_for_text(sentence["text"], data["participants"]))
        if sentence["blameful"]:
            tp, fn = tp + flagged, fn + (not flagged)
        else:
            fp, tn = fp + flagged, tn + (not flagged)
        if flagged != sentence["blameful"]:
            misses.append(("false alarm" if flagged else "missed") + ": " + sentence["text"])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"{name}: {tp + fn} blameful, {fp + tn} fine; "
        f"precision {precision:.3f}, recall {recall:.3f}"
    )
    for miss in misses:
        print("   ", miss)


def speed() -> None:
    people = ["Dana Whitfield", "Marcus Okafor", "Priya Raman", "Sam Chen", "Jordan Ellis"]
    entry = (
        "The migration took an exclusive lock on the orders table because nothing in review "
        "checks table size, and the on-call engineer should have escalated sooner."
    )
    rounds = 2000
    started = time.perf_counter()
    for _ in range(rounds):
        hints_for_text(entry, people)
    per_call = (time.perf_counter() - started) / rounds
    print(f"one {len(entry)}-character entry: {per_call * 1e6:.0f} microseconds per check")
    line = "14:12:03 ERROR the job failed to take the lock; we ignored it, as it should have retried\n"
    for copies in (100, 1000):
        pasted = line * copies
        started = time.perf_counter()
        hints = hints_for_text(pasted, people)
        took = time.perf_counter() - started
        print(f"a pasted {len(pasted):,}-character log ({len(hints)} hints): {took * 1e3:.0f} ms")


def session_speed() -> None:
    from datetime import date

    from postmortem_tui.checks.review import session_findings
    from postmortem_tui.persistence import load

    session = load(ROOT / "sample_sessions" / "checkout-outage.toml")
    rounds = 50
    started = time.perf_counter()
    for _ in range(rounds):
        session_findings(session, date(2026, 11, 27))
    per_run = (time.perf_counter() - started) / rounds
    print(f"every check over the sample session: {per_run * 1e3:.1f} ms")


if __name__ == "__main__":
    score("blameless_corpus.toml")
    score("blameless_holdout.toml")
    speed()
    session_speed()
