"""The side panels: their ids and tab titles, the panel each agenda step brings forward, and
how each is made."""

from __future__ import annotations

from textual.widget import Widget

PANELS = [
    ("timeline", "Timeline"),
    ("root_cause", "Causes"),
    ("went_well", "Well"),
    ("could_improve", "Improve"),
    ("got_lucky", "Lucky"),
    ("action_items", "Actions"),
    ("participants", "People"),
    ("wrap_up", "Wrap-up"),
]
STEP_PANELS = {
    "tone": "participants",
    "timeline": "timeline",
    "root_cause": "root_cause",
    "went_well": "went_well",
    "improve": "could_improve",
    "actions": "action_items",
    "wrap_up": "wrap_up",
}


def make_panel(panel: str) -> Widget:
    """The panel, its module imported only now: each brings its own imports (the actions
    panel the export's sorting, for one), and at launch only one panel is made."""
    if panel == "timeline":
        from .timeline_panel import TimelinePanel

        return TimelinePanel(id="panel-timeline")
    if panel == "root_cause":
        from .root_cause_panel import RootCausePanel

        return RootCausePanel(id="panel-root_cause")
    if panel in ("went_well", "got_lucky"):
        from .notes_panel import NotesPanel

        if panel == "went_well":
            return NotesPanel("went_well", "what went well", "Nothing yet: press w.", id="panel-went_well")
        return NotesPanel("got_lucky", "where we got lucky", "Nothing yet: press g.", id="panel-got_lucky")
    if panel == "could_improve":
        from .notes_panel import ImprovementsPanel

        return ImprovementsPanel(
            "could_improve",
            "what could be improved   (alerting: ... to tag it)",
            "Nothing yet: press i.",
            id="panel-could_improve",
        )
    if panel == "action_items":
        from .actions_panel import ActionsPanel

        return ActionsPanel(id="panel-action_items")
    if panel == "participants":
        from .participants_panel import ParticipantsPanel

        return ParticipantsPanel(id="panel-participants")
    from .wrap_up_panel import WrapUpPanel

    return WrapUpPanel(id="panel-wrap_up")
