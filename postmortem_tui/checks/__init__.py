"""Facilitation guidance: gentle checks a meeting screen can run on every keystroke.

Pure core: nothing here imports Textual or Rich. Checks return :class:`Hint`s (for one
text) or :class:`Finding`s (hints located in a session by key path). The functions a screen
is expected to call are re-exported here; see docs/guidance.md.

Each is loaded from its module when first asked for: importing one check (the meeting
screen needs the schedule's at start) does not compile every other check's patterns, which
took ~30 ms of the app's launch.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .actions import (
        action_findings,
        action_hints,
        deadline_hints,
        owner_hints,
        wording_hints,
    )
    from .backlog import load_backlog, related_open_actions
    from .blameless import blameless_findings, hints_for_text
    from .criteria import suggest_criteria
    from .grid import impact_effort_grid
    from .hint import Finding, Hint, one_line
    from .invite import InviteError, build_invite
    from .pace import apply_rebalance, plan_rebalance, rebalance_for
    from .review import session_findings, wrap_up_summary
    from .schedule import meeting_note, next_slot, standing

_MODULES = {
    "actions": ("action_findings", "action_hints", "deadline_hints", "owner_hints", "wording_hints"),
    "backlog": ("load_backlog", "related_open_actions"),
    "blameless": ("blameless_findings", "hints_for_text"),
    "criteria": ("suggest_criteria",),
    "grid": ("impact_effort_grid",),
    "hint": ("Finding", "Hint", "one_line"),
    # The invitation needs the icalendar library (a tenth of a second to import).
    "invite": ("InviteError", "build_invite"),
    "pace": ("apply_rebalance", "plan_rebalance", "rebalance_for"),
    "review": ("session_findings", "wrap_up_summary"),
    "schedule": ("meeting_note", "next_slot", "standing"),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
