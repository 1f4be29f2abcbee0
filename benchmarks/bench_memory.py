"""Peak memory (maxrss) of the app process, with the sample session and with 10,000 entries.

Run by hand (not part of the test suite), from the project root (needs tmux):

    PYTHONPATH=$PWD python benchmarks/bench_memory.py [--runs 2] [--entries 10000]

Each case is a fresh process (app_runner.py) in a tmux window of 100x30. After launch it is
used the way a meeting uses it, so every panel has been drawn at least once: the keys 1 to
8 bring each panel forward in turn, ``t`` opens the Timeline input, one entry is typed and
saved with Enter, and ctrl+q saves and quits. The figure is the process's peak resident set
size (``ru_maxrss``), interpreter and libraries included. The bare Textual apps of the other
benchmarks are measured the same way (they only get ctrl+q) for scale.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_keys import Tmux, wait_for  # noqa: E402
from common import HERE, SAMPLE, child_env, machine, write_session  # noqa: E402

PANEL_KEYS = [str(number) for number in range(1, 9)]


def peak(kind: str, session: Path | None, home: Path, size: str) -> int:
    import json

    report, ready = home / "report.json", home / "ready"
    typing = ready.with_suffix(".typing")
    for path in (report, ready, typing):
        path.unlink(missing_ok=True)
    app = "real" if session is not None else kind
    command = [sys.executable, str(HERE / "app_runner.py"), app, "--mode", "keys",
               "--report", str(report), "--ready", str(ready), "--settle", "0.5"]  # fmt: skip
    if session is not None:
        command += ["--session", str(session)]
    tmux = Tmux(command, child_env(home), size)
    try:
        wait_for(ready, f"{kind}: the app did not become ready")
        if session is not None:
            for key in PANEL_KEYS:
                tmux.send(key)
                time.sleep(0.6)
            tmux.send("t")
            wait_for(typing, f"{kind}: the Timeline input did not open")
            for key in "14:20 memory benchmark entry":
                tmux.send(key)
                time.sleep(0.03)
            tmux.send("Enter")
            time.sleep(1.5)
        tmux.send("C-q")
        wait_for(report, f"{kind}: the app did not quit")
        time.sleep(0.1)
        return json.loads(report.read_text())["maxrss"]
    finally:
        tmux.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args(argv)
    print(machine())
    print(f"peak RSS (ru_maxrss) of the whole process, {args.size}, {args.runs} runs each\n")
    with tempfile.TemporaryDirectory(prefix="pm-memory-") as tmp:
        home = Path(tmp)
        big = write_session(home / "big.toml", args.entries)
        cases = [
            ("bare-static", None, None),
            ("bare-input", None, None),
            ("sample", SAMPLE, home / "sample.toml"),
            (f"{args.entries:,} entries", big, home / "large.toml"),
        ]
        for name, source, session in cases:
            figures = []
            for _ in range(args.runs):
                if source is not None:
                    shutil.copyfile(source, session)
                figures.append(peak(name, session, home, args.size) / 2**20)
            listed = ", ".join(f"{figure:.0f}" for figure in figures)
            print(f"{name:<16} peak RSS {max(figures):6.0f} MiB   (runs: {listed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
