"""Editing a note (went well, could improve, got lucky)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ...model import IMPROVEMENT_TAGS, Improvement, Note
from .fields import Field, choice, text_input
from .form import FormError, FormScreen


class NoteForm(FormScreen[Note | Improvement]):
    TITLE_TEXT = "Edit note"
    HINTED = ("text",)

    def __init__(self, note: Note | Improvement, now: datetime, participants: Sequence[str] = ()) -> None:
        super().__init__()
        self.participants = participants
        self.note = note
        self.now = now

    def fields(self) -> list[Field]:
        fields = [Field("text", "Note", text_input(self.note.text))]
        if isinstance(self.note, Improvement):
            tags = [(tag, tag) for tag in IMPROVEMENT_TAGS]
            fields.append(Field("tag", "Area (optional)", choice(tags, self.note.tag, allow_blank=True)))
        return fields

    def build(self, values: dict[str, Any]) -> Note | Improvement:
        if not values["text"].strip():
            raise FormError({"text": "type the note, or press Delete on the row to remove it"})
        changes: dict[str, Any] = {"text": values["text"].strip(), "updated": self.now}
        if "tag" in values:
            changes["tag"] = values["tag"]
        return self.note.with_changes(**changes)
