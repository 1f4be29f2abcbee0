"""The wrap-up checklist: what must be true before the document goes out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .checks.actions import owner_hints
from .checks.hint import one_line
from .checks.review import CATEGORY_TITLES, session_findings, summarise
from .config import Config
from .durations import key_durations
from .export import sorted_actions
from .model import Session


@dataclass(frozen=True)
class CheckItem:
    label: str
    ok: bool
    detail: str = ""


def _joined(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def wrap_up_checklist(session: Session) -> list[CheckItem]:
    # Numbered as the document and the Actions panel list them (by priority), and named: a
    # facilitator confirming owners must not go after the wrong action.
    actions = sorted_actions(session.action_items)
    no_owner = [i for i, a in enumerate(actions) if not a.owner.strip()]
    shared = [
        i
        for i, a in enumerate(actions)
        if a.owner.strip() and any(not hint.soft for hint in owner_hints(a.owner))
    ]
    no_deadline = [i for i, a in enumerate(actions) if a.deadline is None]
    scheduled = session.meeting.scheduled
    # A deadline before the meeting was set is a slip of the keyboard (2025 for 2026), not a
    # plan; one that has passed since is the follow-up's business, not the document's.
    early = [
        i
        for i, a in enumerate(actions)
        if scheduled is not None and a.deadline is not None and a.deadline < scheduled.date()
    ]

    def listed(label: str, items: list[int]) -> str:
        named = [f"#{i + 1} {one_line(actions[i].what, 32) or '(no words)'}" for i in items]
        return f"{label}: {', '.join(named)}" if items else ""

    owner_detail = _joined(listed("no owner", no_owner), listed("not one named person", shared))
    deadline_detail = _joined(
        listed("no deadline", no_deadline), listed("before the meeting's date", early)
    )
    meeting = session.meeting
    roles = session.role_warnings()
    return [
        CheckItem(
            "Action items recorded",
            bool(actions),
            f"{len(actions)} action items" if actions else "no action items yet",
        ),
        # With no action items these are not met: there is nothing to check yet (said
        # once, above: three "no action items yet" in a row read as a stutter).
        CheckItem(
            "Every action item has exactly one owner",
            bool(actions) and not owner_detail,
            owner_detail if actions else "",
        ),
        CheckItem(
            "Every action item has a deadline",
            bool(actions) and not deadline_detail,
            deadline_detail if actions else "",
        ),
        CheckItem(
            "Where the document will be published",
            bool(meeting.publish_to.strip()),
            meeting.publish_to.strip() or "not decided: press d to fill it in",
        ),
        CheckItem(
            "Who reviews the document",
            bool(meeting.reviewers),
            ", ".join(meeting.reviewers) or "no reviewers named: press d to add them",
        ),
        CheckItem(
            "Root-cause statement written",
            bool(session.root_cause.statement.strip()),
            "" if session.root_cause.statement.strip() else "press r to write it",
        ),
        CheckItem(
            "Key durations can be computed from the timeline",
            bool(key_durations(session)),
            ""
            if key_durations(session)
            else "mark timeline entries with their kind (k)"
            if session.timeline
            else "no timeline yet: add its entries (t), then mark their kinds (k)",
        ),
        CheckItem("A facilitator and a note-taker", not roles, "; ".join(roles)),
    ]


def checklist_lines(session: Session, today: date, config: Config | None = None) -> list[str]:
    """The checklist and the count of guidance hints, as lines for a screen."""
    lines = []
    for item in wrap_up_checklist(session):
        lines.append(("\u2713 " if item.ok else "\u2717 ") + item.label)
        if item.detail and not item.ok:
            lines.append("    " + item.detail)
    findings = session_findings(session, today, config)
    summary = summarise(findings)
    mark = "\u2713" if summary.total == 0 else "\u2691"
    lines.append(f"{mark} Guidance hints: {summary.total}")
    if not summary.total:  # by category; with none, five lines of "none" said nothing more
        return lines
    numbers = {id(a): n for n, a in enumerate(sorted_actions(session.action_items), start=1)}
    for category, line in zip(CATEGORY_TITLES, summary.lines()):
        found = [finding for finding in findings if finding.hint.category == category]
        if not found:  # "Roles: none" under a count of hints said nothing
            continue
        lines.append("    " + line)
        for finding in found[:HINTS_SHOWN]:  # which entries, so they can be found and fixed
            where = _where(session, finding.path, numbers)
            quote = finding.quote(40)
            lines.append(
                f"      {where + ': ' if where else ''}{quote + ': ' if quote else ''}"
                f"{finding.hint.message}"
            )
        if len(found) > HINTS_SHOWN:
            lines.append(f"      \u2026 {len(found) - HINTS_SHOWN} more (postmortem lint FILE lists them all)")
    return lines


_LIST_NAMES = {
    "incident": "details",
    "timeline": "timeline",
    "root_cause": "root cause",
    "went_well": "went well",
    "could_improve": "could improve",
    "got_lucky": "got lucky",
}


def _where(session: Session, path: str, numbers: dict[int, int]) -> str:
    """Where a hint is, in the words of the screen: ``action #6``, ``went well``."""
    head, _, rest = path.partition("[")
    if head == "action_items" and rest:
        index = int(rest.partition("]")[0])
        if 0 <= index < len(session.action_items):
            return f"action #{numbers[id(session.action_items[index])]}"
    return _LIST_NAMES.get(head.partition(".")[0], "")


HINTS_SHOWN = 3
"""Hints listed under each category of the checklist; ``postmortem lint`` lists every one."""
