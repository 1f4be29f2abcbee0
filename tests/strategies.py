"""Hypothesis strategies that build whole, valid sessions with hostile text in every field."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import strategies as st

from postmortem_tui.model import (
    ACTION_STATUSES,
    ACTION_TYPES,
    CRITERIA,
    DOCUMENT_STATUSES,
    FACTOR_CATEGORIES,
    IMPROVEMENT_TAGS,
    KINDS,
    LEVELS,
    PRIORITIES,
    ROLES,
    SEVERITIES,
    SOURCES,
    STEP_KEYS,
    ActionItem,
    Agenda,
    AgendaStep,
    Criteria,
    Factor,
    Impact,
    Improvement,
    Incident,
    Meeting,
    Note,
    Participant,
    RootCause,
    Session,
    TimelineEntry,
    Tombstone,
    WhyChain,
    WhyStep,
)
from postmortem_tui.model.timeline import Mark

NASTY = [
    "[bold]x[/]",
    "[/]",
    "[link=http://a]y[/link]",
    "\x1b[31mred\x1b[0m",
    '"""',
    "'''",
    "\\",
    "\\n",
    "a | b",
    "# heading",
    "- item",
    "> quote",
    "`code`",
    "<script>alert(1)</script>",
    "line one\nline two",
    "crlf\r\nline",
    "\t\x00\x07\x7f",
    "ünïcødé ✓ 漢字 🚀",
    "key = value",
    "[[action_items]]",
]

text = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=40),
    st.sampled_from(NASTY),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=10)),
    st.builds(lambda piece, n: piece * n, st.sampled_from(NASTY), st.integers(200, 600)),
)
words = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != ""
)

offsets = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: timezone(timedelta(minutes=m))
)
naive = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1))
aware = st.builds(lambda d, tz: d.replace(tzinfo=tz), naive, offsets)
utc = st.builds(lambda d: d.replace(tzinfo=timezone.utc), naive)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1))
ids = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)


def entry_fields() -> dict:
    return {"created": utc, "updated": utc}


clock_times = st.builds(
    lambda h, m, s: f"{h:02d}:{m:02d}" + (f":{s:02d}" if s is not None else ""),
    st.integers(0, 23),
    st.integers(0, 59),
    st.none() | st.integers(0, 59),
)

participants = st.builds(
    Participant,
    name=words,
    roles=st.lists(st.sampled_from(ROLES), max_size=3),
    email=st.sampled_from(["", "sam@example.com", "a.b@c.io"]),
    **entry_fields(),
)
timeline_entries = st.builds(
    TimelineEntry,
    time=clock_times,
    date=st.none() | days,
    text=text,
    source=st.sampled_from(SOURCES),
    kind=st.sampled_from(KINDS),
    link=st.sampled_from(["", "https://example.com/a?b=c|d", "not a url"]),
    marks=st.lists(st.sampled_from(Mark.__args__), max_size=2, unique=True),
    **entry_fields(),
)
why_steps = st.builds(WhyStep, why=text, because=text, **entry_fields())
chains = st.builds(WhyChain, title=text, steps=st.lists(why_steps, max_size=5), **entry_fields())
factors = st.builds(Factor, category=st.sampled_from(FACTOR_CATEGORIES), text=text, **entry_fields())
notes = st.builds(Note, text=text, **entry_fields())
improvements = st.builds(
    Improvement, text=text, tag=st.none() | st.sampled_from(IMPROVEMENT_TAGS), **entry_fields()
)
actions = st.builds(
    ActionItem,
    what=text,
    owner=text,
    deadline=st.none() | days,
    impact=st.sampled_from(LEVELS),
    effort=st.sampled_from(LEVELS),
    priority_override=st.none() | st.sampled_from(PRIORITIES),
    type=st.sampled_from(ACTION_TYPES),
    status=st.sampled_from(ACTION_STATUSES),
    link=st.sampled_from(["", "https://tracker.example.com/PM-12"]),
    **entry_fields(),
)


@st.composite
def agendas(draw: st.DrawFn) -> Agenda:
    steps = []
    running = draw(st.none() | st.integers(0, len(STEP_KEYS) - 1))
    for index, key in enumerate(STEP_KEYS):
        is_running = running == index
        steps.append(
            AgendaStep(
                key=key,
                planned_minutes=draw(st.integers(1, 240)),
                allotted_minutes=draw(st.none() | st.integers(1, 240)),
                state="running"
                if is_running
                else draw(st.sampled_from(["upcoming", "paused", "done"])),
                spent_seconds=draw(st.floats(0, 1e6, allow_nan=False)),
                running_since=draw(utc) if is_running else None,
            )
        )
    return Agenda(
        steps=steps,
        current=draw(st.integers(0, len(STEP_KEYS) - 1)),
        started_at=draw(st.none() | utc),
        last_seen=draw(st.none() | utc),
        updated=draw(utc),
        rebalanced_at=draw(st.none() | utc),
    )


incidents = st.builds(
    Incident,
    title=text,
    severity=st.none() | st.sampled_from(SEVERITIES),
    summary=text,
    start=st.none() | naive | aware,
    end=st.none(),
    timezone=st.sampled_from(["", "UTC", "America/New_York", "Asia/Kolkata"]),
    services=st.lists(text, max_size=3),
    impact=st.builds(
        Impact,
        description=text,
        customers_affected=st.none() | st.integers(0, 2**62),
        orders_affected=st.none() | st.integers(0, 2**62),
        revenue_lost=st.none()
        | st.integers(0, 2**62)
        | st.floats(0, 1e15, allow_nan=False, allow_infinity=False),
        currency=st.sampled_from(["", "USD", "EUR"]),
        duration_minutes=st.none() | st.integers(0, 10**6),
    ),
    trigger=text,
    detection=text,
    resolution=text,
    updated=st.none() | utc,
)
criteria = st.builds(
    Criteria,
    met=st.lists(st.sampled_from(CRITERIA), max_size=len(CRITERIA), unique=True),
    other=text,
    updated=st.none() | utc,
)
meetings = st.builds(
    Meeting,
    scheduled=st.none() | aware | naive,
    planned_minutes=st.none() | st.integers(1, 600),
    status=st.sampled_from(DOCUMENT_STATUSES),
    publish_to=text,
    reviewers=st.lists(text, max_size=3),
    updated=st.none() | utc,
)


def _unique_ids(session: Session) -> bool:
    seen = [entry.id for _, entry in session.entries()]
    return len(seen) == len(set(seen))


sessions = st.builds(
    Session,
    saved_at=st.none() | utc,
    written_by=st.sampled_from(["", "postmortem-tui 0.1.0"]),
    incident=incidents,
    criteria=criteria,
    meeting=meetings,
    participants=st.lists(participants, max_size=3),
    agenda=agendas(),
    timeline=st.lists(timeline_entries, max_size=6),
    root_cause=st.builds(
        RootCause,
        statement=text,
        chains=st.lists(chains, max_size=2),
        factors=st.lists(factors, max_size=3),
        updated=st.none() | utc,
    ),
    went_well=st.lists(notes, max_size=3),
    could_improve=st.lists(improvements, max_size=3),
    got_lucky=st.lists(notes, max_size=2),
    action_items=st.lists(actions, max_size=4),
    deleted=st.lists(st.builds(Tombstone, id=ids, deleted=utc), max_size=2),
)
