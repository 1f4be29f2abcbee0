"""Enter on a large session, in-process: how long a timeline entry takes to commit and show,
with the autosave off and on (the save competes for the interpreter lock).

Run by hand from the project root:

    PYTHONPATH=$PWD python benchmarks/bench_enter.py [--entries 10000] [--enters 6]

Each side opens the app headless (Textual's ``run_test``, 100x30) on a generated session,
opens the Timeline input and commits ``--enters`` entries, 1.5 s apart so each save ends
before the next Enter. The time is from the Enter to the app being idle again, as Pilot
sees it (its own pauses are in both sides alike): compare the two sides, not the absolute
figures with the terminal benchmarks. ``--profile`` prints where the app's own code spent
one Enter (cProfile, limited to postmortem_tui).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import machine, make_session  # noqa: E402


async def enters(path: Path, autosave: bool, count: int, profile: bool) -> list[float]:
    from postmortem_tui.ui.app import make_app

    app = make_app(path, autosave=autosave)
    times = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        await pilot.pause(2)
        for index in range(count):
            app.screen.focused.value = f"14:{10 + index:02d} entry number {index}"
            start = time.perf_counter()
            await pilot.press("enter")
            await pilot.pause()
            times.append(time.perf_counter() - start)
            await pilot.pause(1.5)
        if profile:
            app.screen.focused.value = "14:59 the profiled entry"
            profiler = cProfile.Profile()
            profiler.enable()
            await pilot.press("enter")
            await pilot.pause()
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumtime").print_stats("postmortem_tui", 15)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--enters", type=int, default=6)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    from postmortem_tui.persistence import save

    print(machine())
    session = make_session(args.entries)
    with tempfile.TemporaryDirectory() as folder:
        for autosave in (False, True):
            path = Path(folder) / f"autosave-{autosave}.toml"
            save(session, path)
            times = asyncio.run(enters(path, autosave, args.enters, args.profile and autosave))
            print(
                f"autosave {'on ' if autosave else 'off'}: Enter median "
                f"{statistics.median(times) * 1000:.0f} ms "
                f"(each: {', '.join(f'{t * 1000:.0f}' for t in times)})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
