"""The meeting screen's first frame, timed inside one process with the imports already done.

    PYTHONPATH=$PWD python benchmarks/bench_first_frame.py [--starts 13] [--rounds 3]
        [--baseline-tree DIR] [--theme NAME]

What ``bench_launch.py`` measures is mostly imports and the interpreter, and on a shared
machine its runs differ by more than a change to the screen is worth. This one leaves both
out: a child process imports the app, then starts it ``--starts`` times on a copy of the
sample session (``App.run_test`` at 100x30) and times each start from ``run_test`` to the
meeting screen's first drawn frame. The first two starts (warming caches) are dropped. With
``--baseline-tree`` (a ``git archive`` of another commit) the two trees' children alternate,
``--rounds`` times each, and each round's fastest start is reported for both: the fastest is
the steadiest figure of a start on a busy machine. ``--theme`` starts with that theme
remembered in the config file, as a user who chose it has.

Each round also starts bench_launch.py's bare app (a Header, one Static and a Footer) the
same way, as a yardstick: what is left of a launch once imports are done.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, SAMPLE, child_env, machine, median

WARM_UP = 2


def bare_app():  # type: ignore[no-untyped-def]
    """The launch benchmark's bare app: a Header, one Static and a Footer."""
    from textual.app import App
    from textual.widgets import Footer, Header, Static

    class BareStatic(App):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Header()
            yield Static("A bare Textual app: a header, this text and a footer.")
            yield Footer()

    return BareStatic()


def child(starts: int, bare: bool) -> None:
    """In the child: start the app (or the bare app) ``starts`` times; print the times in
    ms as JSON."""
    import asyncio
    import gc
    import shutil
    import time

    from textual.screen import Screen

    from postmortem_tui.ui.app import make_app
    from postmortem_tui.ui.meeting_screen import MeetingScreen

    timed_screen = Screen if bare else MeetingScreen

    folder = Path(tempfile.mkdtemp())
    session = folder / "session.toml"
    times: list[float] = []

    async def one() -> float:
        shutil.copyfile(SAMPLE, session)
        drawn: list[float] = []
        draw = timed_screen._compositor_refresh

        def timed(screen: Screen) -> None:
            draw(screen)
            if not drawn:
                drawn.append(time.perf_counter())

        timed_screen._compositor_refresh = timed  # type: ignore[method-assign]
        try:
            app = bare_app() if bare else make_app(session)
            start = time.perf_counter()
            async with app.run_test(size=(100, 30)):
                while not drawn:
                    await asyncio.sleep(0)
        finally:
            timed_screen._compositor_refresh = draw  # type: ignore[method-assign]
        return (drawn[0] - start) * 1000

    async def run() -> None:
        for _ in range(starts):
            gc.collect()
            gc.disable()
            times.append(await one())
            gc.enable()

    asyncio.run(run())
    print(json.dumps(times[WARM_UP:]))


def run_child(tree: Path, starts: int, home: Path, bare: bool = False) -> list[float]:
    env = child_env(home, tree)
    env["PYTHONPATH"] = os.pathsep.join((str(tree), str(Path(__file__).resolve().parent)))
    done = subprocess.run(
        [sys.executable, __file__, "--child", "--starts", str(starts), *(["--bare"] if bare else [])],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=13 + WARM_UP, help="starts per child")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--baseline-tree", type=Path, help="another source tree to alternate with")
    parser.add_argument("--theme", help="a theme remembered in the config file")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.starts, args.bare)
        return 0
    home = Path(tempfile.mkdtemp())
    if args.theme:
        config = home / "config" / "postmortem-tui" / "config.toml"
        config.parent.mkdir(parents=True)
        config.write_text(f'theme = "{args.theme}"\n')
    trees = {"this tree": ROOT, "bare app": ROOT}
    if args.baseline_tree:
        trees["baseline"] = args.baseline_tree.resolve()
    print(machine())
    print(
        f"meeting screen's first frame, in-process, 100x30, sample session, "
        f"{args.starts - WARM_UP} starts a round, {args.rounds} rounds"
        + (f", theme {args.theme} remembered" if args.theme else "")
    )
    fastest: dict[str, list[float]] = {name: [] for name in trees}
    every: dict[str, list[float]] = {name: [] for name in trees}
    for round_number in range(1, args.rounds + 1):
        line = [f"round {round_number}:"]
        for name, tree in trees.items():
            times = run_child(tree, args.starts, home, bare=name == "bare app")
            fastest[name].append(min(times))
            every[name].extend(times)
            line.append(f"{name} fastest {min(times):.1f} ms, median {median(times):.1f}")
        print("  ".join(line))
    for name in trees:
        low = fastest[name]
        print(
            f"{name:10} fastest of each round {', '.join(f'{t:.1f}' for t in low)} ms; "
            f"median of all starts {median(every[name]):.1f} ms"
        )
    ours = median(fastest["this tree"])
    print(f"this tree / bare app, median of the rounds' fastest: {ours / median(fastest['bare app']):.2f}x")
    if args.baseline_tree:
        print(f"this tree / baseline, median of the rounds' fastest: {ours / median(fastest['baseline']):.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
