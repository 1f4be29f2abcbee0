"""Every meeting-screen action, for the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.app import SystemCommand

from .panels.catalog import PANELS

if TYPE_CHECKING:
    from .meeting_screen import MeetingScreen


def _keyed(title: str, key: str, callback: Callable[[], Any]) -> SystemCommand:
    """A command whose help line names its key, so that the palette teaches the keys."""
    return SystemCommand(title, f"key: {key}", callback)


def meeting_commands(screen: MeetingScreen) -> Iterator[SystemCommand]:
    yield _keyed("Start or pause the clock", "space", screen.action_toggle_clock)
    yield _keyed("Next step", "n (twice if the step still has time)", screen.action_next_step)
    yield _keyed("Previous step", "p", screen.action_previous_step)
    yield _keyed("Add a minute to this step", "+", lambda: screen.action_extend(1))
    yield _keyed("Take a minute off this step", "-", lambda: screen.action_extend(-1))
    yield _keyed("Add a timeline entry", "t", lambda: screen.action_add("timeline"))
    yield _keyed("Add what went well", "w", lambda: screen.action_add("went_well"))
    yield _keyed("Add what could be improved", "i", lambda: screen.action_add("could_improve"))
    yield _keyed("Add where we got lucky", "g", lambda: screen.action_add("got_lucky"))
    yield _keyed("Add an action item", "a", screen.action_add_action)
    yield _keyed("Add to the root cause analysis", "r", screen.action_add_root_cause)
    yield _keyed("Add a participant", "P", screen.action_add_participant)
    yield _keyed("Edit the selected entry", "e or Enter", screen.action_edit)
    yield _keyed("Set the kind of the selected timeline entry", "k", screen.action_set_kind)
    yield _keyed("Delete the selected entry", "Delete", screen.action_delete)
    yield _keyed("Undo the last deletion", "ctrl+z", screen.action_undo)
    yield _keyed("Edit incident and meeting details", "d", screen.action_details)
    yield _keyed("Wrap-up: checklist, preview and export", "x", screen.action_wrap_up)
    yield _keyed("Presenter view for the screen share", "F5", screen.action_present)
    yield _keyed("Import timeline entries from a log, chat or alert file", "m", screen.action_import)
    yield _keyed("Rebalance the rest of the agenda", "b", screen.action_rebalance)
    yield _keyed("Impact x effort grid of the action items", "v", screen.action_toggle_grid)
    yield _keyed("Backlog check: open actions from earlier post-mortems", "o", screen.action_backlog)
    yield _keyed("Review criteria: why this incident gets a post-mortem", "c", screen.action_criteria)
    config = screen.live.config
    yield SystemCommand(
        f"Turn the bell {'off' if config.bell else 'on'}",
        "at one minute left and when a step's time is up (for this session; "
        "bell = false in the settings file for good)",
        lambda: screen.toggle_alert("bell"),
    )
    yield SystemCommand(
        f"Turn the time notifications {'off' if config.notify else 'on'}",
        "at one minute left and when a step's time is up",
        lambda: screen.toggle_alert("notify"),
    )
    for number, (panel, title) in enumerate(PANELS, start=1):
        yield _keyed(
            f"Open panel: {title}", str(number), lambda panel=panel: screen.action_show_panel(panel)
        )
