"""What happened: the incident the post-mortem is about."""

from __future__ import annotations

from datetime import datetime, tzinfo
from datetime import timezone as offset_zone  # not "timezone": a field has that name
from typing import Literal, get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator

from .base import Model, Text, UtcTimestamp, empty_list

Severity = Literal["SEV1", "SEV2", "SEV3", "SEV4"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


class Impact(Model):
    description: Text = ""
    customers_affected: int | None = Field(default=None, ge=0)
    orders_affected: int | None = Field(default=None, ge=0)
    revenue_lost: int | float | None = Field(default=None, ge=0)
    currency: str = Field(default="", pattern=r"^([A-Z]{3})?$")
    duration_minutes: int | None = Field(default=None, ge=0)


class Incident(Model):
    title: Text = ""
    severity: Severity | None = None
    summary: Text = ""
    start: datetime | None = None
    end: datetime | None = None
    timezone: str = ""
    """IANA zone name (``America/New_York``) that times in the timeline are read in."""
    services: list[Text] = Field(default_factory=empty_list)
    impact: Impact = Field(default_factory=Impact)
    trigger: Text = ""
    detection: Text = ""
    resolution: Text = ""
    updated: UtcTimestamp | None = None
    """When this section was last changed; two instances merge it by this (later wins)."""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        if value:
            try:
                ZoneInfo(value)
            except (ZoneInfoNotFoundError, ValueError):
                raise ValueError(
                    f"unknown time zone {value!r}; use an IANA name such as UTC or Europe/Berlin"
                ) from None
        return value

    @model_validator(mode="after")
    def _end_after_start(self) -> Incident:
        start, end = self.start, self.end
        if start and end and (start.tzinfo is None) == (end.tzinfo is None) and end < start:
            raise ValueError("incident end is before its start")
        return self

    def zone(self) -> ZoneInfo | None:
        return ZoneInfo(self.timezone) if self.timezone else None

    def timeline_zone(self) -> tzinfo | None:
        """The zone the timeline's times are in: the named zone, else the start's own offset
        (``--start 11:10-04:00``), else None (times in no stated zone)."""
        zone = self.zone()
        if zone is not None:
            return zone
        offset = self.start.utcoffset() if self.start is not None else None
        return offset_zone(offset) if offset is not None else None
