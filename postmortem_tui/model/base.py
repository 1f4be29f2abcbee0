"""Shared pieces of the session model: ids, timestamps, text and the list entry base."""

from __future__ import annotations

import secrets
from datetime import datetime, timezone
from typing import Annotated, Any, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def new_id() -> str:
    """A short random id, unique enough for two processes to merge lists by it."""
    return secrets.token_hex(8)


def empty_list() -> list[Any]:
    """The default of a list field. Not ``default_factory=list``: pydantic reads each
    factory's signature, and a builtin's is parsed from its text with the tokenizer, whose
    first use compiles its patterns (about 5 ms of the launch)."""
    return []


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _normalise_newlines(value: str) -> str:
    # A TOML multi-line string cannot keep "\r\n" apart from "\n"; the model keeps one form.
    return value.replace("\r\n", "\n")


Text = Annotated[str, AfterValidator(_normalise_newlines)]
"""Free text typed by a person: kept as typed, except that CRLF line ends become LF."""


def _aware_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("needs a time zone offset, like 2026-11-26T14:00:00+00:00")
    return value.astimezone(timezone.utc)


UtcTimestamp = Annotated[datetime, AfterValidator(_aware_utc)]


class Model(BaseModel):
    """Base for every part of a session: unknown keys are refused.

    Models are validated when built or loaded; code that changes one from user input goes
    through :meth:`with_changes` so the change is validated too.
    """

    model_config = ConfigDict(extra="forbid")

    def with_changes(self, **changes: object) -> Self:
        """A validated copy with ``changes`` applied."""
        return type(self).model_validate({**self.model_dump(), **changes})


class Entry(Model):
    """A list entry with a stable id and the times it was made and last changed."""

    id: str = Field(default_factory=new_id, min_length=1)
    created: UtcTimestamp = Field(default_factory=utcnow)
    updated: UtcTimestamp = Field(default_factory=lambda data: data.get("created") or utcnow())

    def touch(self, when: datetime | None = None) -> None:
        self.updated = when or utcnow()
