"""When Python's garbage collector runs: paused during launch, rarely in full afterwards.

An open session is a few hundred thousand objects that live as long as the app. The
collector's passes walk them again and again without ever freeing one, and a pass that
lands on a key or an Enter holds it up. No Textual here; the command line and the app call
these.
"""

from __future__ import annotations

import gc

FULL_COLLECTION_EVERY = 100
"""Collections of the middle generation before a full one is considered (Python's default: 10)."""


def pause_for_launch() -> None:
    """Collect nothing while the app imports and builds its screen (~60 ms of a 0.65 s
    launch went to passes over objects that were all still in use)."""
    gc.disable()


def settle_after_launch() -> None:
    """Once the first frame is shown: keep everything launch built out of later passes
    (``gc.freeze``) and turn the collector on again, if :func:`pause_for_launch` paused it.

    Without the freeze, the first pass after the pause walked all of launch's objects at
    once (~75 ms, delaying the complete frame). What launch left unreachable in cycles
    (~9,000 small objects) is kept rather than collected, once.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def spread_full_collections() -> None:
    """Make full collections ten times rarer.

    A full collection walks every live object: at 10,000 entries each took about 120 ms,
    came every few Enters (each change makes a new copy of the session, and the copies
    flow through the young generations) and froze whatever key was being typed. Rarer
    full collections cut Enter at 10,000 entries from ~460 to ~240 ms and the 95th
    percentile of a typed key from ~200 to ~60 ms (benchmarks/bench_keys.py). Unreachable
    cycles wait longer to be freed; the session's own objects are freed as soon as they
    are dropped, by reference counting.
    """
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
