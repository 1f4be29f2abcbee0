"""Should this incident get a post-mortem? Suggests the review criteria the session's own
facts support, each with the evidence, for the room to confirm (never applied by itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from ..durations import entry_datetime, format_duration, key_durations
from ..model import Session, TimelineEntry
from ..model.criteria import CriterionKey

IMPACT_MINUTES = 30
RESOLVE_MINUTES = 60


@dataclass(frozen=True)
class Suggestion:
    key: CriterionKey
    evidence: str
    """What in the session supports it: ``impact lasted 4 h 4 min (30 min or more)``."""


_DATA_LOSS = re.compile(
    r"\bdata\s+loss\b|\blost\s+(?:\w+\s+)?(?:data|records|writes|rows|messages|events|files|"
    r"uploads|transactions)\b|\bcorrupt(?:ed|ion)\b|\bunrecoverable\b|\bpermanently\s+deleted\b",
    re.I,
)
_NO_DATA_LOSS = re.compile(
    r"\b(?:no|without|zero)\s+(?:\w+\s+)?(?:data\s+loss|data\s+(?:was\s+)?lost)", re.I
)
_INTERVENTION = re.compile(
    r"\broll(?:ed|ing)?[\s-]?back\b|\brollbacks?\b|\brevert(?:ed|ing)?\b|\bfail(?:ed|ing)?[\s-]?over\b|"
    r"\bre-?rout(?:e|ed|ing)\b|\bdrain(?:ed|ing)?\b|\bhot-?fix(?:ed)?\b|\brestart(?:ed|ing)?\b|"
    r"\bscaled?\s+(?:up|out)\b|\breplay(?:ed|ing)?\b|\bkill(?:ed|ing)?\b|\bflag\s+(?:turned\s+)?off\b",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:considered|estimated|proposed|discussed|would\s+have|could\s+have)\b", re.I
)
_PEOPLE_NOTICED = re.compile(
    r"\b(?:report(?:ed|s)?|notic(?:ed|es|ing)|complain(?:ed|ts?)|ticket|tweet(?:ed|s)?|"
    r"escalated\s+by\s+(?:support|customer))\b",
    re.I,
)
_DETECTED_BY_PEOPLE = re.compile(
    r"\b(?:customers?|users?|support|someone|people|members|engineers?|team)\s+(?:\w+\s+){0,2}"
    r"(?:reported|noticed|noticing|complained|flagged|found)\b",
    re.I,
)


def _impact_minutes(session: Session) -> tuple[float, str] | None:
    if session.incident.impact.duration_minutes is not None:
        return session.incident.impact.duration_minutes, "recorded impact"
    for duration in key_durations(session):
        if duration.name == "Total impact":
            return duration.value.total_seconds() / 60, "impact on the timeline"
    return None


def _resolve_minutes(session: Session) -> tuple[float, str] | None:
    incident = session.incident
    start, end = incident.start, incident.end
    if start and end and (start.tzinfo is None) == (end.tzinfo is None):
        return (end - start).total_seconds() / 60, "incident start to end"
    for duration in key_durations(session):
        if duration.name == "Time to resolve":
            return duration.value.total_seconds() / 60, "first alert to resolution"
    return None


def _quote(entry: TimelineEntry) -> str:
    text = " ".join(entry.text.split())
    return f"{entry.time} {text if len(text) <= 60 else text[:59].rstrip() + '…'}"


def _texts(session: Session) -> list[str]:
    incident = session.incident
    return [
        incident.summary, incident.impact.description, incident.resolution,
        *(entry.text for entry in session.timeline),
    ]


def suggest_criteria(
    session: Session,
    impact_minutes: int = IMPACT_MINUTES,
    resolve_minutes: int = RESOLVE_MINUTES,
) -> list[Suggestion]:
    """The criteria the session's facts point to, in :data:`CRITERIA` order (never "other")."""
    found: list[Suggestion] = []
    impact = _impact_minutes(session)
    figures = session.incident.impact
    if impact and impact[0] >= impact_minutes:
        found.append(Suggestion(
            "user_impact",
            f"{impact[1]} lasted {format_duration(timedelta(minutes=impact[0]))} "
            f"({impact_minutes} min or more)",
        ))
    elif impact is None and (figures.customers_affected or figures.orders_affected):
        count = figures.customers_affected or figures.orders_affected
        what = "customers" if figures.customers_affected else "orders"
        found.append(Suggestion("user_impact", f"{count:,} {what} affected"))
    for text in _texts(session):
        match = _DATA_LOSS.search(text)
        if match and not _NO_DATA_LOSS.search(text):
            found.append(Suggestion("data_loss", f"mentions {match.group()!r}"))
            break
    day = session.reference_date
    entries = sorted(session.timeline, key=lambda e: e.sort_key(day))
    acting = [e for e in entries if _INTERVENTION.search(e.text) and not _HYPOTHETICAL.search(e.text)]
    if acting:
        found.append(Suggestion("intervention", f"timeline: {_quote(acting[0])}"))
    elif _INTERVENTION.search(session.incident.resolution):
        match = _INTERVENTION.search(session.incident.resolution)
        assert match is not None
        found.append(Suggestion("intervention", f"resolution mentions {match.group()!r}"))
    resolve = _resolve_minutes(session)
    if resolve and resolve[0] >= resolve_minutes:
        found.append(Suggestion(
            "long_resolution",
            f"{resolve[1]}: {format_duration(timedelta(minutes=resolve[0]))} "
            f"({resolve_minutes} min or more)",
        ))
    monitoring = _monitoring_failure(session, entries)
    if monitoring:
        found.append(Suggestion("monitoring_failure", monitoring))
    return found


def _monitoring_failure(session: Session, entries: list[TimelineEntry]) -> str | None:
    day = session.reference_date
    alerts = [e for e in entries if e.kind == "alert" or e.source == "alert"]
    first_alert = entry_datetime(alerts[0], day) if alerts else None
    for entry in entries:
        if entry.kind == "alert" or entry.source in ("alert", "deploy", "metric", "log"):
            continue
        if _PEOPLE_NOTICED.search(entry.text):
            if first_alert is None or entry_datetime(entry, day) < first_alert:
                when = "before the first alert" if first_alert else "and no alert is on the timeline"
                return f"people noticed {when}: {_quote(entry)}"
    match = _DETECTED_BY_PEOPLE.search(session.incident.detection)
    if match:
        return f"detection: {match.group()!r}"
    return None
