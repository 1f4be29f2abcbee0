"""The garbage collector's schedule: paused for launch, on again after, full passes rare."""

from __future__ import annotations

import gc

from postmortem_tui.collector import (
    FULL_COLLECTION_EVERY,
    pause_for_launch,
    settle_after_launch,
    spread_full_collections,
)


def test_after_a_paused_launch_the_collector_is_on_and_skips_what_launch_built() -> None:
    before = gc.get_threshold()
    try:
        pause_for_launch()
        assert not gc.isenabled()
        built = [[index] for index in range(1000)]  # objects launch made and keeps
        settle_after_launch()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(built)
    finally:
        gc.unfreeze()
        gc.enable()
        gc.set_threshold(*before)


def test_an_app_not_launched_from_the_command_line_freezes_nothing() -> None:
    frozen = gc.get_freeze_count()
    settle_after_launch()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_full_collections_are_rarer() -> None:
    before = gc.get_threshold()
    try:
        spread_full_collections()
        assert gc.get_threshold() == (before[0], before[1], FULL_COLLECTION_EVERY)
    finally:
        gc.set_threshold(*before)
