"""Rebalancing an overrunning meeting: proportional cuts, a 2-minute floor, the export header."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from postmortem_tui.agenda_clock import AgendaClock
from postmortem_tui.checks.pace import (
    MIN_STEP_MINUTES,
    apply_rebalance,
    plan_rebalance,
    rebalance_for,
)
from postmortem_tui.clock import FakeClock
from postmortem_tui.export import render
from postmortem_tui.model import Agenda, AgendaStep, Session
from postmortem_tui.model.agenda import STEP_KEYS

START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


def _overrunning(minutes_over: int) -> tuple[Session, AgendaClock, FakeClock]:
    """The default 80-minute agenda, planned at 80; the timeline step ran ``minutes_over`` long."""
    session = Session()
    clock = FakeClock(START)
    agenda_clock = AgendaClock(session.agenda, clock)
    agenda_clock.toggle()
    clock.advance(5 * 60)
    agenda_clock.next()  # tone done on time; the timeline step runs
    clock.advance((15 + minutes_over) * 60)
    return session, agenda_clock, clock


def test_no_plan_while_on_time() -> None:
    session, agenda_clock, _ = _overrunning(0)
    assert rebalance_for(agenda_clock, session.planned_minutes) is None


def test_the_overrun_comes_from_the_steps_still_to_come_in_proportion() -> None:
    session, agenda_clock, _ = _overrunning(12)
    plan = rebalance_for(agenda_clock, session.planned_minutes)
    assert plan is not None and plan.overrun_minutes == 12
    # Later steps had 20, 10, 10, 15, 5 (60 min); 12 min is a fifth of each.
    assert plan.minutes == (5, 15, 16, 8, 8, 12, 4)
    assert plan.changed == (2, 3, 4, 5, 6)
    assert sum(plan.before) - sum(plan.minutes) == 12
    assert [s.minutes for s in session.agenda.steps] == [5, 15, 20, 10, 10, 15, 5]  # not applied


def test_applying_sets_the_allotted_minutes_and_the_projection_fits() -> None:
    session, agenda_clock, clock = _overrunning(12)
    plan = rebalance_for(agenda_clock, session.planned_minutes)
    assert plan is not None
    apply_rebalance(session.agenda, plan, clock.now())
    assert [s.minutes for s in session.agenda.steps] == list(plan.minutes)
    assert session.agenda.steps[2].allotted_minutes == 16
    assert session.agenda.steps[0].allotted_minutes is None
    assert session.agenda.rebalanced_at == clock.now()
    assert agenda_clock.projected_end() <= agenda_clock.planned_end(session.planned_minutes)


def test_never_below_two_minutes_and_the_rest_is_reported() -> None:
    session, agenda_clock, _ = _overrunning(70)
    plan = rebalance_for(agenda_clock, session.planned_minutes)
    assert plan is not None
    assert plan.minutes[2:] == (2, 2, 2, 2, 2)
    assert plan.shortfall_minutes == 70 - 50


@given(
    st.lists(st.integers(1, 60), min_size=7, max_size=7),
    st.integers(0, 6),
    st.integers(0, 400 * 60),
)
def test_any_plan_keeps_the_floor_and_cuts_what_it_can(minutes: list[int], current: int, overrun: int) -> None:
    agenda = Agenda(
        steps=[AgendaStep(key=k, planned_minutes=m) for k, m in zip(STEP_KEYS, minutes)],
        current=current,
    )
    plan = plan_rebalance(agenda, overrun)
    later = range(current + 1, 7)
    assert plan.minutes[: current + 1] == tuple(minutes[: current + 1])
    for i in later:
        assert plan.minutes[i] <= minutes[i]
        assert plan.minutes[i] >= min(minutes[i], MIN_STEP_MINUTES)
    cut = sum(minutes) - sum(plan.minutes)
    assert cut + plan.shortfall_minutes == plan.overrun_minutes
    if plan.shortfall_minutes:
        assert all(plan.minutes[i] == min(minutes[i], MIN_STEP_MINUTES) for i in later)


def test_the_export_calls_the_column_rebalanced_or_adjusted() -> None:
    session, agenda_clock, clock = _overrunning(12)
    agenda_clock.extend(2)
    assert "| # | Step | Planned | Adjusted | Actual |" in render(session, clock.now())
    plan = rebalance_for(agenda_clock, session.planned_minutes)
    assert plan is not None
    apply_rebalance(session.agenda, plan, clock.now() + timedelta(seconds=1))
    document = render(session, clock.now())
    assert "| # | Step | Planned | Rebalanced | Actual |" in document
    assert "| 3 | Root cause analysis | 20 min | 16 min | not reached |" in document
