"""The action-item backlog across post-mortems: what is still open, what is overdue, and
which open actions from earlier reviews touch the same services as this one.

:func:`load_backlog` reads a folder (call it off the UI thread); everything else is pure.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..model import ActionItem, Session
from ..model.actions import PRIORITIES
from ..persistence import SUFFIX, SessionFileError, load
from .hint import one_line

CSV_COLUMNS = ("Summary", "Assignee", "Due date", "Priority", "Description", "Labels")
"""The columns issue-tracker CSV imports map by default (Jira, Linear, YouTrack, GitHub via
scripts): one row per action."""
TRACKER_PRIORITY = {"P1": "Highest", "P2": "High", "P3": "Medium", "P4": "Low"}
_STATUS_ORDER = {"open": 0, "in progress": 0, "done": 1}

C1_CONTROLS = re.compile("[\x7f-\x9f]")


@dataclass(frozen=True)
class BacklogItem:
    path: Path
    session_title: str
    index: int
    """The action's place in its session's ``action_items``."""
    action: ActionItem
    services: tuple[str, ...]
    overdue: bool

    @property
    def is_open(self) -> bool:
        return self.action.status != "done"


def items_of(session: Session, path: Path, today: date) -> list[BacklogItem]:
    title = " ".join(session.incident.title.split()) or path.stem
    return [
        BacklogItem(
            path,
            title,
            index,
            action,
            tuple(session.incident.services),
            action.status != "done" and action.deadline is not None and action.deadline < today,
        )
        for index, action in enumerate(session.action_items)
    ]


def load_backlog(folder: Path, today: date) -> tuple[list[BacklogItem], list[str]]:
    """Every action of every readable session in ``folder``, sorted; and one line per file
    that could not be read (it is reported, not fatal)."""
    items: list[BacklogItem] = []
    problems: list[str] = []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            items += items_of(load(path), path, today)
        except SessionFileError as error:
            problems.append(str(error))
    return sort_backlog(items), problems


def sort_backlog(items: Iterable[BacklogItem]) -> list[BacklogItem]:
    """Open first; among them overdue first, then by deadline (none last), then priority."""
    rank = {priority: index for index, priority in enumerate(PRIORITIES)}
    return sorted(
        items,
        key=lambda item: (
            _STATUS_ORDER[item.action.status],
            not item.overdue,
            item.action.deadline is None,
            item.action.deadline or date.max,
            rank[item.action.priority],
            item.path.name,
            item.index,
        ),
    )


def _one_line(text: str) -> str:
    """Typed text for a CSV cell: as the table shows it, control characters as symbols."""
    return one_line(text)


def _summary(action: ActionItem, width: int = 120) -> str:
    text = _one_line(action.what) or "(no text)"
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _cell(text: str, width: int, empty: str) -> str:
    return one_line(text, width) or empty


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "session"


def to_rows(items: Sequence[BacklogItem]) -> list[dict[str, str]]:
    """One dict per action with the tracker-import columns of :data:`CSV_COLUMNS`."""
    rows = []
    for item in items:
        action = item.action
        details = [
            _one_line(action.what),
            "",
            f"From the post-mortem: {_one_line(item.session_title)} "
            f"({_one_line(item.path.name)}, action {item.index + 1})",
            f"Type: {action.type}; impact {action.impact}, effort {action.effort}; "
            f"priority {action.priority}; status {action.status}",
        ]
        if item.services:
            details.append("Services: " + ", ".join(_one_line(s) for s in item.services))
        if action.link:
            details.append(f"Link: {_one_line(action.link)}")
        rows.append(
            {
                "Summary": _summary(action),
                "Assignee": _one_line(action.owner),
                "Due date": action.deadline.isoformat() if action.deadline else "",
                "Priority": TRACKER_PRIORITY[action.priority],
                "Description": "\n".join(details),
                "Labels": " ".join(["postmortem", action.type, _slug(item.path.stem)]),
            }
        )
    return rows


def to_csv(items: Sequence[BacklogItem]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(to_rows(items))
    return out.getvalue()


def to_json(items: Sequence[BacklogItem]) -> str:
    data = [
        {
            "session": item.path.name,
            "session_title": item.session_title,
            "index": item.index,
            "what": item.action.what,
            "owner": item.action.owner,
            "deadline": item.action.deadline.isoformat() if item.action.deadline else None,
            "priority": item.action.priority,
            "status": item.action.status,
            "type": item.action.type,
            "impact": item.action.impact,
            "effort": item.action.effort,
            "overdue": item.overdue,
            "link": item.action.link,
            "services": list(item.services),
        }
        for item in items
    ]
    text = json.dumps(data, indent=2, ensure_ascii=False)
    # JSON escapes C0 controls (an ESC is \u001b) but not DEL and C1 ones, which a terminal
    # can take as commands (\x9b opens a sequence): escaped the same way, the data unchanged.
    return C1_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def to_table(items: Sequence[BacklogItem], width: int = 60) -> str:
    """A plain-text table: a mark (``!`` overdue, ``✓`` done), deadline, priority, owner,
    action and session file. Typed text is shown on one line and cut to fit."""
    header = ("", "DEADLINE", "PRI", "OWNER", "ACTION", "SESSION")
    rows = [
        (
            "!" if item.overdue else "✓" if not item.is_open else " ",
            item.action.deadline.isoformat() if item.action.deadline else "none",
            item.action.priority,
            _cell(item.action.owner, 20, "(no owner)"),
            _cell(item.action.what, width, "(no text)"),
            one_line(item.path.name),
        )
        for item in items
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
        for row in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


def _service_words(name: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)", " ", name.lower())))


def same_service(a: str, b: str) -> bool:
    """``orders database (PostgreSQL)`` and ``Orders database`` are the same service; so is
    ``checkout`` and ``checkout api`` (one name's words within the other's)."""
    left, right = _service_words(a), _service_words(b)
    return bool(left and right) and (left <= right or right <= left)


def related_open_actions(
    session: Session, backlog: Iterable[BacklogItem], exclude: Path | None = None
) -> list[BacklogItem]:
    """Open actions from other post-mortems whose incident touched one of ``session``'s
    services: the "backlog check" before the room writes new actions. Actions carry no
    services of their own, so those whose text names a shared service come first."""
    mine = session.incident.services
    own = exclude.resolve() if exclude is not None else None
    found = []
    for item in sort_backlog(backlog):
        if not item.is_open or (own is not None and item.path.resolve() == own):
            continue
        shared = [b for b in item.services if any(same_service(a, b) for a in mine)]
        if shared:
            words = _service_words(item.action.what)
            names = any(_service_words(name) & words for name in shared)
            found.append((not names, item))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]
