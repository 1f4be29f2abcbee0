"""How long an import takes and how much memory it needs, on generated files.

Run by hand (not part of the test suite):

    PYTHONPATH=$PWD python benchmarks/bench_import.py

Two cases, each read, previewed (window, duplicates) and applied to a session whose incident
covers every generated entry:

- a 10,000-line log: syslog and PostgreSQL lines, one in ten with a tab-indented continuation;
- a Slack channel of 10,000 messages over five day files, with users.json, mentions, links
  and some bot messages.

Time is the best of several runs; peak memory is measured in a separate run under
tracemalloc (which slows Python down, so it is not timed). Target: under one second each.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from postmortem_tui.importers import apply_rows, preview, read_import
from postmortem_tui.model import Incident, Session

ZONE = ZoneInfo("America/New_York")
START = datetime(2026, 11, 24, 9, 0, tzinfo=ZONE)
LINES = 10_000


def _session(hours: float) -> Session:
    return Session(
        incident=Incident(
            title="benchmark",
            start=START,
            end=START + timedelta(hours=hours),
            timezone="America/New_York",
        )
    )


def make_log(folder: Path, lines: int = LINES) -> Path:
    """``lines`` lines in all; about one entry in ten has a continuation line."""
    rng = random.Random(1)
    out = []
    moment = START.astimezone(timezone.utc)
    while len(out) < lines:
        moment += timedelta(seconds=rng.randint(0, 3))
        if rng.random() < 0.5:
            local = moment.astimezone(ZONE)
            out.append(
                f"{local:%b} {local.day:2d} {local:%H:%M:%S} db-{rng.randint(1, 4)} "
                f"postgres[{rng.randint(1000, 9999)}]: LOG:  duration: {rng.random() * 900:.3f} ms"
                f"  statement: UPDATE orders SET status = 'paid' WHERE id = {len(out)}"
            )
        else:
            millis, pid = rng.randint(0, 999), rng.randint(1000, 9999)
            out.append(
                f"{moment:%Y-%m-%d %H:%M:%S}.{millis:03d} UTC [{pid}]"
                f" ERROR:  canceling statement due to lock timeout (request {len(out)})"
            )
        if rng.random() < 0.1 and len(out) < lines:
            out.append(f"\tSTATEMENT:  INSERT INTO orders (id) VALUES ({len(out)})")
    path = folder / "bench.log"
    path.write_text("\n".join(out[:lines]) + "\n")
    return path


def make_slack(folder: Path, messages: int = LINES, days: int = 5) -> Path:
    rng = random.Random(2)
    export = folder / "slack"
    channel = export / "inc-bench"
    channel.mkdir(parents=True)
    users = [
        {"id": f"U{n:08d}", "name": f"user{n}", "real_name": f"Person {n}", "profile": {}}
        for n in range(40)
    ]
    (export / "users.json").write_text(json.dumps(users))
    per_day = messages // days
    seconds = int(timedelta(days=1).total_seconds()) // per_day
    for day in range(days):
        base = int((START + timedelta(days=day)).timestamp())
        listed = []
        for n in range(per_day):
            ts = f"{base + n * seconds}.{n:06d}"
            if n % 10 == 0:
                listed.append(
                    {
                        "type": "message",
                        "subtype": "bot_message",
                        "text": "",
                        "bot_id": "B1",
                        "username": "PagerDuty",
                        "attachments": [
                            {"fallback": f"Triggered #{n}: <https://pd.example/i/{n}|View>"}
                        ],
                        "ts": ts,
                    }
                )
            else:
                who, other = rng.sample(users, 2)
                listed.append(
                    {
                        "type": "message",
                        "user": who["id"],
                        "text": f"<@{other['id']}> checking <https://grafana.example/d/{n}|board> "
                        f"&amp; logs for request {n}",
                        "ts": ts,
                    }
                )
        date = (START + timedelta(days=day)).date()
        (channel / f"{date.isoformat()}.json").write_text(json.dumps(listed, indent=4))
    return channel


def run(path: Path, hours: float) -> int:
    session = _session(hours)
    result = read_import(path, session)
    added = apply_rows(session, preview(result, session).rows)
    return len(added)


def best_time(work: Callable[[], int], repeat: int) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        count = work()
        best = min(best, time.perf_counter() - started)
    return best, count


def peak_memory(work: Callable[[], int]) -> int:
    tracemalloc.start()
    work()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (best kept)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases = [
            ("10,000-line log", make_log(folder), 24.0),
            ("Slack channel, 10,000 messages", make_slack(folder), 24.0 * 5),
        ]
        print(f"Python {sys.version.split()[0]}, best of {args.repeat} runs")
        print(f"{'case':<32} {'entries':>8} {'time':>9} {'peak memory':>12}  target")
        failed = False
        for name, path, hours in cases:
            seconds, count = best_time(lambda p=path, h=hours: run(p, h), args.repeat)
            peak = peak_memory(lambda p=path, h=hours: run(p, h))
            ok = seconds < 1.0
            failed |= not ok
            print(
                f"{name:<32} {count:>8,} {seconds * 1000:>7.0f} ms {peak / 2**20:>9.1f} MiB"
                f"  {'< 1 s ok' if ok else 'OVER 1 s'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
