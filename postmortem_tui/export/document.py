"""The post-mortem document: one pure function from a session to publishable Markdown.

Sections follow the Google SRE, PagerDuty and Atlassian templates. Every section is present;
an empty one says so. All typed text goes through :mod:`.markdown_text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, tzinfo

from ..durations import format_duration, shown_durations
from ..incident_window import zone_label
from ..model import (
    FACTOR_CATEGORIES,
    KIND_TITLES,
    ROLE_TITLES,
    ROLES,
    ActionItem,
    Session,
    TimelineEntry,
)
from ..model.actions import PRIORITIES
from .markdown_text import cell, heading_text, inline, item_lines, link, paragraphs, url

NOTHING = "Nothing recorded."


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _bullets(items: Iterable[str]) -> str:
    lines = [f"- {item}" for item in items if item.strip()]
    return "\n".join(lines) if lines else NOTHING


def _when(moment: datetime | None, zone: tzinfo | None = None) -> str:
    """``2026-11-24 14:12 EST`` in the incident's zone when it has one, else with the offset."""
    if moment is None:
        return "not recorded"
    if zone is not None and moment.tzinfo is not None:
        local = moment.astimezone(zone)
        return local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or "")
    text = moment.strftime("%Y-%m-%d %H:%M")
    if moment.tzinfo is not None:
        offset = moment.strftime("%z")
        text += " UTC" if offset == "+0000" else f" (UTC{offset[:3]}:{offset[3:]})"
    return text


def _joined(values: Iterable[str]) -> str:
    """Typed values in a line, leaving out blank ones (possible in a hand-edited file)."""
    return ", ".join(shown for shown in map(inline, values) if shown)


def _linked(text: str, evidence_link: str, label: str = "evidence") -> str:
    """``text (evidence)`` linked; ``label`` names what the link is (an action's tracker)."""
    shown, address, written = inline(text), url(evidence_link), inline(evidence_link)
    if shown and text.strip() == evidence_link.strip():  # a message that is only its link
        return link(text, address) if address else shown
    if address:
        evidence = f"[{label}]({address})"
    elif written:
        evidence = f"{label}: {written}"
    else:
        return shown
    return f"{shown} ({evidence})" if shown else evidence


def _metadata(session: Session) -> str:
    incident, meeting = session.incident, session.meeting
    zone = incident.zone()
    span = _when(incident.start, zone)
    if incident.end is not None:
        span += " to " + _when(incident.end, zone)
    items = [
        f"**Incident:** {span}",
        f"**Severity:** {incident.severity or 'not set'}",
        "**Services affected:** "
        + (_joined(incident.services) or "not recorded"),
        f"**Post-mortem meeting:** {_when(meeting.scheduled, zone)}, "
        f"{session.planned_minutes} minutes planned",
        f"**Document status:** {meeting.status}",
        "**Why a post-mortem:** "
        + ("; ".join(inline(reason) for reason in session.criteria.reasons()) or "not recorded"),
    ]
    timeline_zone = incident.timeline_zone()
    if timeline_zone is not None:
        items.append(f"**Times are in:** {inline(zone_label(timeline_zone))}")
    return _bullets(items)


def _participants(session: Session) -> str:
    if not session.participants:
        return NOTHING
    order = {role: index for index, role in enumerate(ROLES)}
    people = sorted(
        session.participants,
        key=lambda p: min((order[r] for r in p.roles), default=len(ROLES)),
    )
    rows = [
        (cell(p.name), cell(", ".join(ROLE_TITLES[r] for r in p.roles) or "guest"))
        for p in people
    ]
    return _table(["Name", "Role"], rows)


def _impact(session: Session) -> str:
    impact = session.incident.impact
    parts = []
    if impact.description.strip():
        parts.append(paragraphs(impact.description))
    figures = []
    if impact.customers_affected is not None:
        figures.append(f"Customers affected: {impact.customers_affected:,}")
    if impact.orders_affected is not None:
        figures.append(f"Orders affected: {impact.orders_affected:,}")
    if impact.revenue_lost is not None:
        amount = f"{impact.revenue_lost:,.2f}".removesuffix(".00")
        figures.append(f"Revenue lost: {amount} {impact.currency}".rstrip())
    if impact.duration_minutes is not None:
        figures.append(f"Duration: {format_duration(timedelta(minutes=impact.duration_minutes))}")
    if figures:
        parts.append(_bullets(figures))
    return "\n\n".join(parts) if parts else NOTHING


def _text_or_nothing(text: str) -> str:
    return paragraphs(text) if text.strip() else NOTHING


def _entry_time(entry: TimelineEntry, marks: bool = True) -> str:
    shown = f"{entry.date.isoformat()} {entry.time}" if entry.date else entry.time
    if marks and entry.marks:
        shown += " (" + ", ".join(entry.marks) + ")"
    return shown


MARK_MEANINGS = {
    "stamped": "no time was given; it is when the entry was noted in the meeting",
    "zone assumed": "the source gave no time zone; the time is read in the incident's",
    "date inferred": "the source gave no date; it is taken from a date above it or the incident's start",
}
"""What a mark on a timeline time tells a reader, said under the table for the marks used."""


def _marks_legend(entries: Iterable[TimelineEntry]) -> str:
    used = {mark for entry in entries for mark in entry.marks}
    return "\n".join(
        f"- *{mark}*: {meaning}" for mark, meaning in MARK_MEANINGS.items() if mark in used
    )


def _timeline(session: Session) -> str:
    if not session.timeline:
        return NOTHING
    day = session.reference_date
    entries = sorted(session.timeline, key=lambda e: e.sort_key(day))
    rows = [
        (
            _entry_time(entry),
            _linked(entry.text, entry.link) or "—",
            KIND_TITLES[entry.kind] if entry.kind != "other" else "—",
            entry.source,
        )
        for entry in entries
    ]
    table = _table(["Time", "Event", "Kind", "Source"], rows)
    legend = _marks_legend(entries)
    return f"{table}\n\nMarks on the times:\n\n{legend}" if legend else table


def _durations(session: Session) -> str:
    durations = shown_durations(session)
    if not durations:
        return NOTHING  # like every empty section; how to mark kinds is the app's to say
    rows = [
        (
            d.name,
            format_duration(d.value),
            f"{d.start_label} ({_entry_time(d.start, marks=False)})",  # marked in the timeline
            f"{d.end_label} ({_entry_time(d.end, marks=False)})",
        )
        for d in durations
    ]
    return _table(["Measure", "Duration", "Measured from", "To"], rows)


def _root_cause(session: Session) -> str:
    rca = session.root_cause
    out = ["### 5 Whys"]
    chains = [chain for chain in rca.chains if chain.steps or chain.title.strip()]
    if not chains:
        out.append(NOTHING)
    for number, chain in enumerate(chains, start=1):
        out.append(f"#### Chain {number}")
        if chain.title.strip():
            out.append(paragraphs(chain.title))
        rows = [
            (str(index), cell(step.why), cell(step.because))
            for index, step in enumerate(chain.steps, start=1)
        ]
        out.append(_table(["#", "Why?", "Because"], rows) if rows else NOTHING)
    out.append("### Contributing factors")
    if not rca.factors:
        out.append(NOTHING)
    for category in FACTOR_CATEGORIES:
        factors = [f for f in rca.factors if f.category == category]
        if factors:
            out.append(f"#### {category.capitalize()}")
            out.append(_bullets(inline(f.text) for f in factors))
    out.append("### Root cause")
    out.append(_text_or_nothing(rca.statement))
    return "\n\n".join(out)


def _improvement(tag: str | None, text: str) -> str:
    if not tag:
        return text
    return f"**{tag}:** {text}" if text else f"**{tag}**"


def _improvements(session: Session) -> str:
    return _bullets(
        _improvement(note.tag, item_lines(note.text)) for note in session.could_improve
    )


def sorted_actions(actions: Iterable[ActionItem]) -> list[ActionItem]:
    """By priority, then deadline (none last), keeping the typed order among equals."""
    rank = {priority: index for index, priority in enumerate(PRIORITIES)}
    return sorted(
        actions,
        key=lambda a: (rank[a.priority], a.deadline is None, a.deadline or datetime.max.date()),
    )


def _actions(session: Session) -> str:
    if not session.action_items:
        return NOTHING
    rows = [
        (
            str(number),
            _linked(action.what, action.link, "tracker") or "—",
            action.type,
            cell(action.owner) if action.owner.strip() else "**no owner**",
            action.deadline.isoformat() if action.deadline else "**no deadline**",
            action.priority,
            action.status,
        )
        for number, action in enumerate(sorted_actions(session.action_items), start=1)
    ]
    return _table(["#", "Action", "Type", "Owner", "Deadline", "Priority", "Status"], rows)


def _minutes(seconds: float) -> str:
    return f"{round(seconds / 60)} min"


def _agenda(session: Session, now: datetime | None) -> str:
    steps = session.agenda.steps
    adjusted = any(step.allotted_minutes is not None for step in steps)
    changed = "Rebalanced" if session.agenda.rebalanced_at is not None else "Adjusted"
    headers = ["#", "Step", "Planned"] + ([changed] if adjusted else []) + ["Actual"]
    rows = []
    for number, step in enumerate(steps, start=1):
        spent = step.spent_seconds
        if step.running_since is not None and now is not None:
            spent += max((now - step.running_since).total_seconds(), 0.0)
        actual = _minutes(spent) if step.state != "upcoming" else "not reached"
        over = spent - step.minutes * 60
        if step.state != "upcoming" and round(over / 60) >= 1:  # never "over by 0 min"
            actual += f" (over by {_minutes(over)})"
        row = [str(number), step.title, f"{step.planned_minutes} min"]
        if adjusted:
            row.append(f"{step.minutes} min")
        rows.append(row + [actual])
    return _table(headers, rows)


def _distribution(session: Session) -> str:
    meeting = session.meeting
    return _bullets(
        [
            "**Published at:** "
            + (inline(meeting.publish_to) if meeting.publish_to.strip() else "not decided yet"),
            "**Reviewers:** "
            + (_joined(meeting.reviewers) or "none named yet"),
        ]
    )


def render(session: Session, now: datetime | None = None) -> str:
    """The whole document, ending in one newline.

    ``now`` counts a step that is still running up to that moment (default: the last save).
    """
    incident = session.incident
    title = heading_text(incident.title)
    sections = [
        f"# Post-mortem: {title}" if title else "# Post-mortem",
        _metadata(session),
        "## Summary",
        _text_or_nothing(incident.summary),
        "## Impact",
        _impact(session),
        "## Trigger, detection and resolution",
        "### Trigger",
        _text_or_nothing(incident.trigger),
        "### Detection",
        _text_or_nothing(incident.detection),
        "### Resolution",
        _text_or_nothing(incident.resolution),
        "## Timeline",
        _timeline(session),
        "### Key durations",
        _durations(session),
        "## Root cause analysis",
        _root_cause(session),
        "## What went well",
        _bullets(item_lines(note.text) for note in session.went_well),
        "## What could be improved",
        _improvements(session),
        "## Where we got lucky",
        _bullets(item_lines(note.text) for note in session.got_lucky),
        "## Action items",
        _actions(session),
        # The meeting's own record after the incident's: a reader comes for the summary.
        "## Participants",
        _participants(session),
        "## Agenda",
        _agenda(session, now or session.saved_at),
        "## Distribution",
        _distribution(session),
    ]
    return "\n\n".join(sections) + "\n"
