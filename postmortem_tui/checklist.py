"""The wrap-up checklist: what must be true before the document goes out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .checks.actions import owner_hints
from .checks.review import wrap_up_summary
from .config import Config
from .durations import key_durations
from .model import Session


@dataclass(frozen=True)
class CheckItem:
    label: str
    ok: bool
    detail: str = ""


def wrap_up_checklist(session: Session) -> list[CheckItem]:
    actions = session.action_items
    no_owner = [i + 1 for i, a in enumerate(actions) if not a.owner.strip()]
    shared = [
        i + 1
        for i, a in enumerate(actions)
        if a.owner.strip() and any(not hint.soft for hint in owner_hints(a.owner))
    ]
    no_deadline = [i + 1 for i, a in enumerate(actions) if a.deadline is None]

    def numbers(items: list[int]) -> str:
        return ", ".join(f"#{n}" for n in items)

    owner_detail = "; ".join(
        part
        for part in (
            f"no owner: {numbers(no_owner)}" if no_owner else "",
            f"not one named person: {numbers(shared)}" if shared else "",
        )
        if part
    )
    meeting = session.meeting
    roles = session.role_warnings()
    return [
        CheckItem(
            "Action items recorded",
            bool(actions),
            f"{len(actions)} action items" if actions else "no action items yet",
        ),
        CheckItem("Every action item has exactly one owner", not owner_detail, owner_detail),
        CheckItem(
            "Every action item has a deadline",
            not no_deadline,
            f"no deadline: {numbers(no_deadline)}" if no_deadline else "",
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
            "" if key_durations(session) else "mark timeline entries with their kind (k)",
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
    summary = wrap_up_summary(session, today, config)
    mark = "\u2713" if summary.total == 0 else "\u2691"
    lines.append(f"{mark} Guidance hints: {summary.total}")
    lines += ["    " + line for line in summary.lines()]
    return lines
