"""Shared pieces of the import tests: the fixture folder and sessions to import into."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from postmortem_tui.importers.dating import TimeRules
from postmortem_tui.model import Incident, Session

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
NEW_YORK = ZoneInfo("America/New_York")


def checkout_session(**incident: object) -> Session:
    """The worked example's incident, 14:12 to 18:16 New York time, with an empty timeline."""
    fields: dict[str, object] = {
        "title": "Checkout outage",
        "start": datetime(2026, 11, 24, 14, 12, tzinfo=NEW_YORK),
        "end": datetime(2026, 11, 24, 18, 16, tzinfo=NEW_YORK),
        "timezone": "America/New_York",
    }
    fields.update(incident)
    return Session(incident=Incident(**fields))


def checkout_rules(**overrides: object) -> TimeRules:
    return TimeRules.for_session(checkout_session(**overrides))


def shown(rows: object) -> list[tuple[str, str]]:
    """Rows as (date time, text): what a user reads in the preview."""
    return [(row.when.strftime("%Y-%m-%d ") + row.time_text, row.text) for row in rows]


TUESDAY = date(2026, 11, 24)
