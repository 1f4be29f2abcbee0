"""Adding or editing a participant: name, roles, email."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from textual.widgets import SelectionList

from ...model import ROLE_TITLES, ROLES, Participant
from .fields import Field, text_input
from .form import FormError, FormScreen


class ParticipantForm(FormScreen[Participant]):
    TITLE_TEXT = "Participant"

    def __init__(self, person: Participant | None, now: datetime) -> None:
        super().__init__()
        self.person = person
        self.now = now

    def fields(self) -> list[Field]:
        person = self.person
        roles = person.roles if person else []
        return [
            Field("name", "Name", text_input(person.name if person else "")),
            Field(
                "roles",
                "Roles (space to tick)",
                lambda: SelectionList[str](*((ROLE_TITLES[r], r, r in roles) for r in ROLES)),
            ),
            Field("email", "Email (for the calendar invitation; optional)", text_input(person.email if person else "")),
        ]

    def build(self, values: dict[str, Any]) -> Participant:
        errors = {}
        if not values["name"].strip():
            errors["name"] = "a name is needed"
        email = values["email"].strip()
        if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
            errors["email"] = "an address like sam@example.com, or leave it empty"
        if errors:
            raise FormError(errors)
        changes = {"name": values["name"].strip(), "roles": values["roles"], "email": email, "updated": self.now}
        if self.person is None:
            return Participant(**changes, created=self.now)
        return self.person.with_changes(**changes)
