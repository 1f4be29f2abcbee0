"""PagerDuty: REST ``log_entries`` responses, v2 webhook ``messages`` and v3 webhook events.

The point of importing paging data is the durations: a trigger becomes an ``alert`` entry,
an acknowledgement ``acknowledged`` and a resolution ``resolved``, so "time to acknowledge"
and "time to resolve" appear in the document without anyone marking entries by hand. Every
entry links to the incident's PagerDuty page. Times are UTC in PagerDuty's JSON and are
converted to the incident's zone.

Accepted shapes: one JSON document, a JSON list of them, or JSON Lines (one per line); a
document is a response, a webhook payload, or a bare log entry (as a script that pages
through ``log_entries`` often saves them).
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..model.timeline import Kind
from .dating import TimeRules
from .files import ImportFileError, parse_json, read_json
from .rows import ImportResult, ImportRow, SkippedLine, one_line

_LOG_ENTRY_KINDS: dict[str, Kind] = {
    "trigger_log_entry": "alert",
    "acknowledge_log_entry": "acknowledged",
    "resolve_log_entry": "resolved",
}
_EVENT_KINDS: dict[str, Kind] = {
    "trigger": "alert",
    "triggered": "alert",
    "acknowledge": "acknowledged",
    "acknowledged": "acknowledged",
    "resolve": "resolved",
    "resolved": "resolved",
}
_EVENT_WORDS = {
    "trigger": "Triggered",
    "acknowledge": "Acknowledged",
    "unacknowledge": "Unacknowledged",
    "resolve": "Resolved",
    "assign": "Assigned",
    "escalate": "Escalated",
    "delegate": "Delegated",
    "annotate": "Note added",
}


def looks_like_pagerduty(document: Any) -> bool:
    """True for the shapes this module reads (used by format detection). In a list, an item
    that is not an object at all does not stop it (it is skipped when read)."""
    items = document if isinstance(document, list) else [document]
    objects = [item for item in items if isinstance(item, dict)]
    return bool(objects) and all(
        (
            "log_entries" in item
            or "log_entry" in item
            or "incidents" in item
            or _is_log_entry(item)
            or (isinstance(item.get("messages"), list) and _has_event(item["messages"]))
            or (isinstance(item.get("event"), dict) and "event_type" in item["event"])
        )
        for item in objects
    )


def _is_log_entry(item: dict[str, Any]) -> bool:
    """A log entry on its own: ``{"type": "trigger_log_entry", "created_at": ...}``."""
    kind = item.get("type")
    return isinstance(kind, str) and kind.removesuffix("_reference").endswith("_log_entry")


def _has_event(messages: list[Any]) -> bool:
    return any(
        isinstance(m, dict) and str(m.get("event", "")).startswith("incident.") for m in messages
    )


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _incident_name(incident: Any) -> tuple[str, str]:
    """``[#33] Title`` and the incident's web address."""
    if not isinstance(incident, dict):
        return "", ""
    link = incident.get("html_url") or ""
    number = incident.get("incident_number") or incident.get("number")
    title = incident.get("title") or incident.get("summary") or ""
    if number and title and not str(title).startswith("[#"):
        title = f"[#{number}] {title}"
    return str(title), str(link)


def _agent(value: Any) -> str:
    return str(value.get("summary") or value.get("name") or "") if isinstance(value, dict) else ""


class _Reader:
    def __init__(self, rules: TimeRules) -> None:
        self.rules = rules
        self.rows: list[ImportRow] = []
        self.skipped: list[SkippedLine] = []
        self.shapes: set[str] = set()

    def add(self, when: Any, what: str, incident: Any, kind: Kind, record: int) -> None:
        moment = _when(when)
        title, link = _incident_name(incident)
        text = one_line(f"{title} \u2014 {what}" if title and what else title or what)
        if moment is None:
            self.skipped.append(SkippedLine(None, f"no readable time ({when!r})", text, record))
            return
        self.rows.append(
            ImportRow(
                when=moment.astimezone(self.rules.target),
                text=text,
                source="alert",
                kind=kind,
                link=link,
                seconds=True,
                record=record,
            )
        )

    def log_entry(self, entry: Any, record: int, incident: Any = None) -> None:
        if not isinstance(entry, dict):
            self.skipped.append(SkippedLine(None, "not a log entry", record=record))
            return
        kind_name = str(entry.get("type", "")).removesuffix("_reference")
        what = str(entry.get("summary") or kind_name.replace("_log_entry", "").replace("_", " "))
        channel = entry.get("channel") if isinstance(entry.get("channel"), dict) else {}
        note = channel.get("summary")
        if kind_name == "annotate_log_entry" and note and note not in what:
            what = f"{what}: {note}"
        self.add(
            entry.get("created_at"),
            what,
            entry.get("incident") or incident,
            _LOG_ENTRY_KINDS.get(kind_name, "other"),
            record,
        )

    def v2_message(self, message: Any, record: int) -> None:
        if not isinstance(message, dict):
            self.skipped.append(SkippedLine(None, "not a webhook message", record=record))
            return
        incident = message.get("incident")
        entries = message.get("log_entries")
        if isinstance(entries, list) and entries:
            for entry in entries:
                self.log_entry(entry, record, incident)
            return
        event = str(message.get("event", "")).removeprefix("incident.")
        self.add(
            message.get("created_on"),
            _EVENT_WORDS.get(event, event.replace("_", " ").capitalize()),
            incident,
            _EVENT_KINDS.get(event, "other"),
            record,
        )

    def v3_event(self, event: dict[str, Any], record: int) -> None:
        kind_name = str(event.get("event_type", "")).removeprefix("incident.")
        data = event.get("data") if isinstance(event.get("data"), dict) else {}
        incident = data.get("incident") if isinstance(data.get("incident"), dict) else data
        what = kind_name.replace(".", " ").replace("_", " ").capitalize()
        agent = _agent(event.get("agent"))
        by = f" by {agent}" if agent else ""
        if kind_name == "priority_updated" and isinstance(data.get("priority"), dict):
            what = f"Priority set to {_agent(data['priority'])}{by}"
        elif kind_name == "annotated" and data.get("content"):
            what = f"Note{by}: {data['content']}"
        elif kind_name == "status_update_published" and data.get("message"):
            what = f"Status update{by}: {data['message']}"
        elif kind_name in ("reassigned", "escalated") and data.get("assignees"):
            what += " to " + ", ".join(_agent(a) for a in data["assignees"]) + by
        else:
            what += by
        kind = _EVENT_KINDS.get(kind_name, "other")
        self.add(event.get("occurred_at"), what, incident, kind, record)

    def incident(self, incident: Any, record: int) -> None:
        if not isinstance(incident, dict):
            return
        self.add(incident.get("created_at"), "Triggered", incident, "alert", record)
        for ack in incident.get("acknowledgements") or []:
            if isinstance(ack, dict):
                by = _agent(ack.get("acknowledger"))
                what = "Acknowledged" + (f" by {by}" if by else "")
                self.add(ack.get("at"), what, incident, "acknowledged", record)
        if incident.get("status") == "resolved":
            resolved = incident.get("resolved_at") or incident.get("last_status_change_at")
            self.add(resolved, "Resolved", incident, "resolved", record)

    def document(self, document: Any, record: int | None) -> None:
        """Read one document; ``record`` numbers its items when it is one of several, else
        each inner item is numbered by its own position."""
        if not isinstance(document, dict):
            self.skipped.append(SkippedLine(None, "not a PagerDuty object", record=record))
            return
        if isinstance(document.get("log_entries"), list):
            self.shapes.add("REST log entries")
            for number, entry in self._numbered(document["log_entries"], record):
                self.log_entry(entry, number)
        elif isinstance(document.get("log_entry"), dict):
            self.shapes.add("REST log entry")
            self.log_entry(document["log_entry"], record or 1)
        elif isinstance(document.get("incidents"), list):
            self.shapes.add("REST incidents")
            for number, incident in self._numbered(document["incidents"], record):
                self.incident(incident, number)
        elif isinstance(document.get("messages"), list):
            self.shapes.add("v2 webhook")
            for number, message in self._numbered(document["messages"], record):
                self.v2_message(message, number)
        elif _is_log_entry(document):
            self.shapes.add("REST log entries")
            self.log_entry(document, record or 1)
        elif isinstance(document.get("event"), dict):
            self.shapes.add("v3 webhook")
            self.v3_event(document["event"], record or 1)
        else:
            self.skipped.append(SkippedLine(None, "not a PagerDuty object", record=record))

    @staticmethod
    def _numbered(items: list[Any], record: int | None) -> list[tuple[int, Any]]:
        return [(record or number, item) for number, item in enumerate(items, start=1)]


def parse_pagerduty(document: Any, rules: TimeRules) -> ImportResult:
    reader = _Reader(rules)
    items = document if isinstance(document, list) else [document]
    for number, item in enumerate(items, start=1):
        reader.document(item, number if len(items) > 1 else None)
    return ImportResult(
        format="pagerduty",
        description="PagerDuty " + (", ".join(sorted(reader.shapes)) or "JSON"),
        rows=tuple(reader.rows),
        skipped=tuple(reader.skipped),
    )


def read_pagerduty(path: Path, rules: TimeRules, text: str | None = None) -> ImportResult:
    """Read PagerDuty JSON from ``path`` (or from ``text`` already read from it)."""
    document = read_json(path) if text is None else parse_json(text, path)
    if not looks_like_pagerduty(document):
        raise ImportFileError(
            path,
            "is JSON but not PagerDuty data (expected log_entries or log entries, "
            "a v2 webhook's messages or a v3 webhook's event)",
        )
    return parse_pagerduty(document, rules)
