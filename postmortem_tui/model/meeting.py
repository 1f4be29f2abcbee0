"""The meeting itself: when, how long, and where its document goes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, get_args

from pydantic import Field

from .base import Model, Text, UtcTimestamp, empty_list

DocumentStatus = Literal["draft", "in review", "published"]
DOCUMENT_STATUSES: tuple[DocumentStatus, ...] = get_args(DocumentStatus)


class Meeting(Model):
    scheduled: datetime | None = None
    planned_minutes: int | None = Field(default=None, ge=1, le=600)
    """The meeting's booked length; ``None`` means the agenda's total."""
    status: DocumentStatus = "draft"
    publish_to: Text = ""
    """Where the finished document will be published (a wiki page, a repository path)."""
    reviewers: list[Text] = Field(default_factory=empty_list)
    updated: UtcTimestamp | None = None
    """When this section was last changed; two instances merge it by this (later wins)."""
