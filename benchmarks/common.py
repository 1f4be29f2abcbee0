"""Shared pieces of the benchmarks: generated sessions, statistics, the machine line.

Imported by the ``bench_*.py`` scripts only (never by the app runners, whose import time is
part of what they measure).
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_sessions" / "checkout-outage.toml"
HERE = Path(__file__).resolve().parent

WORDS = (
    "checkout orders replica lag lock migration deploy rollback pager alert p99 latency "
    "queue retries 5xx pool exhausted vacuum index customers support status page "
    "Zoë Åsa naïve café — “quoted” [brackets] `ticks` | pipes"
).split()
KINDS = ("impact", "trigger", "alert", "acknowledged", "declared", "mitigated", "resolved")
SOURCES = ("manual", "alert", "chat", "log", "deploy", "metric", "ticket", "other")
OWNERS = ("Dana Whitfield", "Marcus Okafor", "Priya Raman", "Tomás Ferreira", "Lena Vogel")


def make_session(entries: int, actions: int | None = None, seed: int = 1):
    """The sample session with ``entries`` generated timeline entries and ``actions`` action
    items (default: one for every ten entries, as the issue scales them).

    Entries are realistic in size and variety: times with seconds spread over the incident's
    four hours (and later days once a day is full), every source, one in a hundred with a
    kind, one in five with a link, some non-ASCII text and characters TOML must escape.
    """
    from postmortem_tui.model import ActionItem, TimelineEntry
    from postmortem_tui.persistence import load

    rng = random.Random(seed)
    actions = entries // 10 if actions is None else actions
    session = load(SAMPLE)
    start = datetime(2026, 11, 24, 14, 12)
    created = datetime(2026, 11, 25, 15, 0, tzinfo=timezone.utc)
    timeline = []
    step = max(1, int(4 * 3600 / max(entries, 1)))
    for n in range(entries):
        moment = start + timedelta(seconds=n * step)
        text = " ".join(rng.choices(WORDS, k=rng.randint(6, 16)))
        timeline.append(
            TimelineEntry(
                time=f"{moment:%H:%M:%S}",
                date=moment.date() if moment.date() != start.date() else None,
                text=f"{text} (event {n})",
                source=rng.choice(SOURCES),
                kind=rng.choice(KINDS) if n % 100 == 0 else "other",
                link=f"https://grafana.example.com/d/abc?from={n}" if n % 5 == 0 else "",
                created=created + timedelta(seconds=n),
            )
        )
    items = []
    for n in range(actions):
        items.append(
            ActionItem(
                what=f"Add a guard that {' '.join(rng.choices(WORDS, k=8))} (action {n})",
                owner=rng.choice(OWNERS),
                deadline=date(2026, 12, 11) + timedelta(days=n % 30),
                impact=rng.choice(("high", "medium", "low")),
                effort=rng.choice(("high", "medium", "low")),
                type=rng.choice(("mitigate", "prevent", "detect", "process")),
                status=rng.choice(("open", "in progress", "done")),
                link=f"https://tracker.example.com/OPS-{1000 + n}" if n % 2 else "",
                created=created + timedelta(seconds=n),
            )
        )
    session.timeline = timeline
    session.action_items = items
    return session


def write_session(path: Path, entries: int, actions: int | None = None) -> Path:
    from postmortem_tui.persistence import save

    save(make_session(entries, actions), path)
    return path


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 40 values is the 38th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-int(fraction * 100) * len(ordered) // 100))
    return ordered[min(rank, len(ordered)) - 1]


def spread(values: list[float]) -> str:
    """Interquartile range as ``p25-p75``: how much runs of the same thing differ."""
    q1, _, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else (values * 3)
    return f"{q1 * 1000:.0f}-{q3 * 1000:.0f}"


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return (
        f"{os.cpu_count()} CPUs ({cpu}), Python {sys.version.split()[0]}, "
        f"Textual {textual.__version__}, {platform.system()} {platform.release()}, "
        f"load average {load:.2f} at start"
    )
