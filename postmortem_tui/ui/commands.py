"""Every meeting-screen action, for the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from .panels.catalog import PANELS

if TYPE_CHECKING:
    from .meeting_screen import MeetingScreen


def meeting_commands(screen: MeetingScreen) -> Iterator[SystemCommand]:
    yield SystemCommand("Start or pause the clock", "space", screen.action_toggle_clock)
    yield SystemCommand("Next step", "n (twice if the step still has time)", screen.action_next_step)
    yield SystemCommand("Previous step", "p", screen.action_previous_step)
    yield SystemCommand("Add a minute to this step", "+", lambda: screen.action_extend(1))
    yield SystemCommand("Take a minute off this step", "-", lambda: screen.action_extend(-1))
    yield SystemCommand("Add a timeline entry", "t", lambda: screen.action_add("timeline"))
    yield SystemCommand("Add what went well", "w", lambda: screen.action_add("went_well"))
    yield SystemCommand("Add what could be improved", "i", lambda: screen.action_add("could_improve"))
    yield SystemCommand("Add where we got lucky", "g", lambda: screen.action_add("got_lucky"))
    yield SystemCommand("Add an action item", "a", screen.action_add_action)
    yield SystemCommand("Add to the root cause analysis", "r", screen.action_add_root_cause)
    yield SystemCommand("Add a participant", "P", screen.action_add_participant)
    yield SystemCommand("Edit the selected entry", "e or Enter", screen.action_edit)
    yield SystemCommand("Set the kind of the selected timeline entry", "k", screen.action_set_kind)
    yield SystemCommand("Delete the selected entry", "Delete", screen.action_delete)
    yield SystemCommand("Undo the last deletion", "ctrl+z", screen.action_undo)
    yield SystemCommand("Edit incident and meeting details", "d", screen.action_details)
    yield SystemCommand("Wrap-up: checklist, preview and export", "x", screen.action_wrap_up)
    yield SystemCommand("Presenter view for the screen share", "F5", screen.action_present)
    yield SystemCommand("Import timeline entries from a log, chat or alert file", "m", screen.action_import)
    yield SystemCommand("Rebalance the rest of the agenda", "b", screen.action_rebalance)
    yield SystemCommand("Impact x effort grid of the action items", "v", screen.action_toggle_grid)
    yield SystemCommand("Backlog check: open actions from earlier post-mortems", "o", screen.action_backlog)
    yield SystemCommand("Review criteria: why this incident gets a post-mortem", "c", screen.action_criteria)
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
        yield SystemCommand(
            f"Open panel: {title}", str(number), lambda panel=panel: screen.action_show_panel(panel)
        )
