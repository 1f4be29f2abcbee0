"""What went well, what could be improved, and where we got lucky."""

from __future__ import annotations

from typing import Literal, get_args

from .base import Entry, Text

ImprovementTag = Literal[
    "monitoring", "alerting", "documentation", "communication", "response", "other"
]
IMPROVEMENT_TAGS: tuple[ImprovementTag, ...] = get_args(ImprovementTag)


class Note(Entry):
    text: Text = ""


class Improvement(Entry):
    text: Text = ""
    tag: ImprovementTag | None = None
