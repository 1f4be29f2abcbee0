"""Every check over a whole session, and the counts the wrap-up checklist shows.

``postmortem lint`` prints :func:`session_findings`; the wrap-up step shows
:func:`wrap_up_summary`. Both take ``today`` and the settings, so they are pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..config import Config
from ..model import Session
from .actions import action_findings
from .blameless import blameless_findings
from .hint import Finding, Hint
from .schedule import standing

CATEGORY_TITLES = {
    "blameless": "Blameless language",
    "action": "Action items",
    "roles": "Roles",
    "schedule": "Scheduling",
    "criteria": "Review criteria",
}


def role_findings(session: Session) -> list[Finding]:
    return [
        Finding(
            "participants",
            "",
            Hint(
                "roles.missing" if warning.startswith("no ") else "roles.several",
                warning,
                "Who will take this role for the meeting?",
            ),
        )
        for warning in session.role_warnings()
    ]


def schedule_findings(session: Session, holidays: Iterable[date] = ()) -> list[Finding]:
    fit = standing(session, frozenset(holidays))
    if fit.state not in ("too early", "late") and not fit.off_day:
        return []
    rule = "schedule.off-day" if fit.state == "on time" else f"schedule.{fit.state.replace(' ', '-')}"
    hint = Hint(
        rule,
        f"the meeting is {fit.message}",
        "Can it move into the window, while memories and chat logs are fresh?",
        soft=fit.state == "on time",
    )
    scheduled = session.meeting.scheduled
    return [Finding("meeting.scheduled", scheduled.isoformat() if scheduled else "", hint)]


def criteria_findings(session: Session) -> list[Finding]:
    if session.criteria.met:
        return []
    hint = Hint(
        "criteria.missing",
        "no review criteria recorded",
        "Why does this incident get a post-mortem: impact, data loss, an intervention, "
        "a long resolution, or monitoring that missed it?",
        soft=True,
    )
    return [Finding("criteria", "", hint)]


def session_findings(session: Session, today: date, config: Config | None = None) -> list[Finding]:
    """All hints in the session: blameless language, action items, roles, scheduling and the
    review criteria, in that order."""
    config = config or Config()
    return [
        *blameless_findings(session),
        *action_findings(session, today, config.deadline_max_days),
        *role_findings(session),
        *schedule_findings(session, config.holidays),
        *criteria_findings(session),
    ]


@dataclass(frozen=True)
class WrapUp:
    counts: dict[str, int]
    """Hints per category (every category present, zero included), in display order."""
    soft: dict[str, int]
    """How many of those are soft notes."""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """``Blameless language: 2 hints``, ``Action items: none``... for the checklist."""
        out = []
        for category, count in self.counts.items():
            title = CATEGORY_TITLES[category]
            if not count:
                out.append(f"{title}: none")
                continue
            text = f"{title}: {count} hint{'s' * (count != 1)}"
            if self.soft[category]:
                text += f" ({self.soft[category]} soft)"
            out.append(text)
        return out


def summarise(findings: Iterable[Finding]) -> WrapUp:
    counts = dict.fromkeys(CATEGORY_TITLES, 0)
    soft = dict.fromkeys(CATEGORY_TITLES, 0)
    for finding in findings:
        category = finding.hint.category
        counts[category] = counts.get(category, 0) + 1
        soft[category] = soft.get(category, 0) + finding.hint.soft
    return WrapUp(counts, soft)


def wrap_up_summary(session: Session, today: date, config: Config | None = None) -> WrapUp:
    """The hint counts per category for the wrap-up checklist."""
    return summarise(session_findings(session, today, config))
