"""The incident and meeting details: title, severity, times, impact, where it is published."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError

from ...edit_merge import merge_edit
from ...live_session import LiveSession
from ...model import DOCUMENT_STATUSES, SEVERITIES, Session
from .fields import Field, choice, long_text, text_input, value_input
from .form import FormError, FormScreen


def _when(value: datetime | None) -> str:
    return value.isoformat(sep=" ", timespec="minutes") if value else ""


def _number(text: str) -> int | float | None:
    text = text.strip().replace(",", "").replace("_", "")
    if not text:
        return None
    return float(text) if "." in text else int(text)


class DetailsForm(FormScreen[dict]):
    """Returns the changed ``incident`` and ``meeting`` as validated dictionaries."""

    TITLE_TEXT = "Incident and meeting details"
    HINTED = ("title", "summary", "impact", "trigger", "detection", "resolution")

    def __init__(self, session: Session, start_field: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.start_field = start_field
        self.participants = session.participants

    def fields(self) -> list[Field]:
        incident, meeting, impact = self.session.incident, self.session.meeting, self.session.incident.impact
        return [
            Field("title", "Incident title", text_input(incident.title)),
            Field("severity", "Severity", choice([(s, s) for s in SEVERITIES], incident.severity, allow_blank=True)),
            Field("summary", "Summary (one paragraph)", long_text(incident.summary)),
            Field("start", "Incident start", value_input(_when(incident.start), "2026-11-24 14:12"), hint="with an offset (-05:00) or in the zone below"),
            Field("end", "Incident end", value_input(_when(incident.end), "2026-11-24 18:16"), beside=True),
            Field("timezone", "Time zone of the timeline", text_input(incident.timezone, "America/New_York")),
            Field("services", "Services affected (comma separated)", text_input(", ".join(incident.services))),
            Field("impact", "Impact", long_text(impact.description)),
            Field("orders", "Orders affected", value_input("" if impact.orders_affected is None else str(impact.orders_affected))),
            Field("customers", "Customers affected", value_input("" if impact.customers_affected is None else str(impact.customers_affected)), beside=True),
            Field("revenue", "Revenue lost", value_input("" if impact.revenue_lost is None else str(impact.revenue_lost))),
            Field("currency", "Currency", text_input(impact.currency, "USD"), beside=True),
            Field("trigger", "Trigger", long_text(incident.trigger)),
            Field("detection", "Detection", long_text(incident.detection)),
            Field("resolution", "Resolution", long_text(incident.resolution)),
            Field("scheduled", "Meeting date and time", value_input(_when(meeting.scheduled), "2026-11-27 10:00")),
            Field("minutes", "Minutes (blank: the agenda's)", value_input("" if meeting.planned_minutes is None else str(meeting.planned_minutes)), beside=True),
            Field("status", "Document status", choice([(s, s) for s in DOCUMENT_STATUSES], meeting.status)),
            Field("publish_to", "Where the document will be published", text_input(meeting.publish_to, "https://wiki.example.com/...")),
            Field("reviewers", "Reviewers (comma separated)", text_input(", ".join(meeting.reviewers))),
        ]

    def build(self, values: dict[str, Any]) -> dict:
        errors: dict[str, str] = {}

        def moment(key: str) -> datetime | None:
            text = values[key].strip()
            if not text:
                return None
            try:
                return datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                errors[key] = "a date and time like 2026-11-24 14:12 or 2026-11-24T14:12-05:00"
                return None

        def number(key: str) -> int | float | None:
            try:
                return _number(values[key])
            except ValueError:
                errors[key] = "a number, or leave it empty"
                return None

        incident = self.session.incident.model_dump() | {
            "title": values["title"].strip(),
            "severity": values["severity"],
            "summary": values["summary"].strip(),
            "start": moment("start"),
            "end": moment("end"),
            "timezone": values["timezone"].strip(),
            "services": [s.strip() for s in values["services"].split(",") if s.strip()],
            "trigger": values["trigger"].strip(),
            "detection": values["detection"].strip(),
            "resolution": values["resolution"].strip(),
        }
        incident["impact"] = incident["impact"] | {
            "description": values["impact"].strip(),
            "orders_affected": number("orders"),
            "customers_affected": number("customers"),
            "revenue_lost": number("revenue"),
            "currency": values["currency"].strip().upper(),
        }
        meeting = self.session.meeting.model_dump() | {
            "scheduled": moment("scheduled"),
            "planned_minutes": number("minutes"),
            "status": values["status"],
            "publish_to": values["publish_to"].strip(),
            "reviewers": [r.strip() for r in values["reviewers"].split(",") if r.strip()],
        }
        # Every problem at once. Values that did not parse are checked as if empty; and
        # pydantic checks one field against another (an end before the start) only once
        # every field is valid, so a second pass puts the fields found wrong back as they
        # were saved, to find those too.
        fields_of = {
            ("incident", "impact", "orders_affected"): "orders",
            ("incident", "impact", "customers_affected"): "customers",
            ("incident", "impact", "revenue_lost"): "revenue",
            ("incident", "impact", "currency"): "currency",
            ("meeting", "planned_minutes"): "minutes",
        }
        saved = {"incident": self.session.incident.model_dump(), "meeting": self.session.meeting.model_dump()}
        document = {"incident": incident, "meeting": meeting}
        checked = None
        for _ in range(2):
            try:
                checked = Session.model_validate(document)
                break
            except ValidationError as error:
                for problem in error.errors():
                    loc = tuple(problem["loc"])
                    key = fields_of.get(loc) or (str(loc[1]) if len(loc) > 1 else "title")
                    if len(loc) == 1 and loc[0] == "incident":
                        key = "end"
                    key = key if key in values else "title"
                    # Shown under its field, so without the model's path (incident.timezone:).
                    errors.setdefault(key, problem["msg"].removeprefix("Value error, "))
                    if len(loc) > 1:
                        _put_back(document, saved, loc)
        if errors or checked is None:
            raise FormError(errors or {"title": "these details cannot be saved"})
        return {"incident": checked.incident, "meeting": checked.meeting}


def _put_back(document: dict, saved: dict, loc: tuple) -> None:
    """Set the value at ``loc`` (a pydantic error location) in ``document`` back to the saved one."""
    here, there = document, saved
    for part in loc[:-1]:
        if not isinstance(here, dict) or part not in here:
            return
        here, there = here[part], there.get(part, {})
    if isinstance(here, dict) and loc[-1] in there:
        here[loc[-1]] = there[loc[-1]]


def save_details(live: LiveSession, result: dict, shown: Session) -> None:
    """Put what the form changed from the session it ``shown`` into the session as it is now:
    a field changed elsewhere meanwhile and not in the form stands (see edit_merge)."""

    def apply(session: Session) -> None:
        incident = merge_edit(shown.incident, result["incident"], session.incident)
        meeting = merge_edit(shown.meeting, result["meeting"], session.meeting)
        if incident is not None:
            session.incident = incident
        if meeting is not None:
            session.meeting = meeting

    live.change(apply)
