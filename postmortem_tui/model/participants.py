"""Who takes part in the post-mortem and in which roles (BRIEF.md)."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, field_validator

from .base import Entry, Text, empty_list

Role = Literal[
    "facilitator",
    "incident commander",
    "engineer",
    "on-call",
    "product",
    "note-taker",
]
ROLES: tuple[Role, ...] = get_args(Role)
ROLE_TITLES: dict[Role, str] = {
    "facilitator": "Facilitator",
    "incident commander": "Incident Commander",
    "engineer": "Engineer involved in resolution",
    "on-call": "On-call responder",
    "product": "Product / customer-facing representative",
    "note-taker": "Note-taker",
}


class Participant(Entry):
    name: Text = Field(min_length=1)
    roles: list[Role] = Field(default_factory=empty_list)
    email: str = Field(default="", pattern=r"^([^@\s]+@[^@\s]+\.[^@\s]+)?$")

    @field_validator("roles")
    @classmethod
    def _unique_roles(cls, roles: list[Role]) -> list[Role]:
        return list(dict.fromkeys(roles))
