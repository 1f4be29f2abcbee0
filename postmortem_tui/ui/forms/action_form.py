"""The action item form: what, one owner, a deadline, impact and effort, type."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ...checks import action_hints, hints_for_text
from ...checks.actions import owner_hints
from ...model import (
    ACTION_STATUSES,
    ACTION_TYPES,
    LEVELS,
    PRIORITIES,
    ActionItem,
    Participant,
)
from ...timeparse import parse_deadline
from .fields import Field, choice, format_field_hints, text_input, value_input
from .form import FormError, FormScreen


class ActionForm(FormScreen[ActionItem]):
    TITLE_TEXT = "Action item"

    def __init__(
        self,
        item: ActionItem | None,
        base: date,
        default_deadline: date,
        now: datetime,
        participants: list[Participant] | None = None,
        improvement: str | None = None,
    ) -> None:
        """``improvement``: a new action's words start from what could be improved."""
        super().__init__()
        self.participants = participants or []
        self.item = item
        self.base = base
        self.default_deadline = default_deadline
        self.now = now
        self.improvement = improvement
        self.TITLE_TEXT = (
            "Edit action item"
            if item
            else "New action item, from what could be improved"
            if improvement
            else "New action item"
        )

    def fields(self) -> list[Field]:
        item = self.item or ActionItem(what=self.improvement or "", deadline=self.default_deadline)
        deadline = item.deadline.isoformat() if item.deadline else ""
        levels = [(level, level) for level in LEVELS]
        return [
            Field("what", "What (specific and measurable)", text_input(item.what, "add an alert when a lock is held over 30 s")),
            Field(
                "owner",
                "Owner (exactly one person)",
                text_input(item.owner, "a name (\u2192 completes one of the participants)", [p.name for p in self.participants]),
            ),
            Field("deadline", "Deadline", value_input(deadline), hint="2026-12-10, +14d or +2w (from the meeting date)"),
            Field("impact", "Impact", choice(levels, item.impact)),
            Field("effort", "Effort", choice(levels, item.effort), beside=True),
            Field("type", "Type", choice([(t, t) for t in ACTION_TYPES], item.type), beside=True),
            Field("priority", "Priority", choice([(p, p) for p in PRIORITIES], item.priority_override, allow_blank=True, blank="from impact and effort")),
            Field("status", "Status", choice([(s, s) for s in ACTION_STATUSES], item.status), beside=True),
            Field("link", "Tracker link (optional)", text_input(item.link, "https://...")),
        ]

    def live_hints(self, values: dict[str, Any]) -> dict[str, str]:
        try:
            deadline = parse_deadline(values["deadline"], self.base)
        except ValueError:
            deadline = None
        draft = ActionItem(what=values["what"], owner=values["owner"], deadline=deadline)
        hints = action_hints(draft, self.participants, self.base)
        typed = values["owner"].strip().casefold()
        if typed and any(p.name.casefold().startswith(typed) for p in self.participants):
            # Being typed, with a participant's name offered to complete it: not yet absent.
            hints["owner"] = [h for h in hints.get("owner", []) if h.rule != "action.owner-absent"]
        hints["what"] = hints["what"] + hints_for_text(values["what"], self.participants)
        if deadline is None:
            hints["deadline"] = []  # the error under the field says it when saving
        if not values["what"].strip():
            hints["what"] = []
        return {key: format_field_hints(found) for key, found in hints.items() if found}

    def build(self, values: dict[str, Any]) -> ActionItem:
        errors = {}
        if not values["what"].strip():
            errors["what"] = "say what will be done, so that anyone can tell when it is done"
        blocking = [h for h in owner_hints(values["owner"], self.participants) if not h.soft]
        if blocking:
            errors["owner"] = f"{blocking[0].message}: {blocking[0].question}"
        try:
            deadline = parse_deadline(values["deadline"], self.base)
        except ValueError as error:
            errors["deadline"] = str(error)
        if errors:
            raise FormError(errors)
        changes = {
            "what": values["what"].strip(),
            "owner": values["owner"].strip(),
            "deadline": deadline,
            "impact": values["impact"],
            "effort": values["effort"],
            "type": values["type"],
            "priority_override": values["priority"],
            "status": values["status"],
            "link": values["link"].strip(),
            "updated": self.now,
        }
        if self.item is None:
            return ActionItem(**changes, created=self.now)
        return self.item.with_changes(**changes)
