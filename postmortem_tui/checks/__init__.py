"""Facilitation guidance: gentle checks a meeting screen can run on every keystroke.

Pure core: nothing here imports Textual or Rich. Checks return :class:`Hint`s (for one
text) or :class:`Finding`s (hints located in a session by key path). The functions a screen
is expected to call are re-exported here; see docs/guidance.md.
"""

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
from .pace import apply_rebalance, plan_rebalance, rebalance_for
from .review import session_findings, wrap_up_summary
from .schedule import meeting_note, next_slot, standing

__all__ = [
    "Finding",
    "Hint",
    "InviteError",
    "action_findings",
    "action_hints",
    "apply_rebalance",
    "blameless_findings",
    "build_invite",
    "deadline_hints",
    "hints_for_text",
    "impact_effort_grid",
    "load_backlog",
    "meeting_note",
    "next_slot",
    "one_line",
    "owner_hints",
    "plan_rebalance",
    "rebalance_for",
    "related_open_actions",
    "session_findings",
    "standing",
    "suggest_criteria",
    "wording_hints",
    "wrap_up_summary",
]


def __getattr__(name: str) -> object:
    # The invitation needs the icalendar library (a tenth of a second to import): load it
    # only when an invitation is made, not when the meeting screen starts.
    if name in ("InviteError", "build_invite"):
        from . import invite

        return getattr(invite, name)
    raise AttributeError(name)
