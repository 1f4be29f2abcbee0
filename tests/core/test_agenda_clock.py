"""The agenda's countdown, with an injected clock: no test sleeps."""

from __future__ import annotations

from datetime import timedelta

from postmortem_tui.agenda_clock import (
    AgendaClock,
    CountdownAlerts,
    NextResult,
    Phase,
    format_countdown,
    phase,
    resume,
)
from postmortem_tui.clock import FakeClock
from postmortem_tui.model import Agenda, Session
from postmortem_tui.persistence import dumps, loads


def _clock() -> tuple[AgendaClock, FakeClock]:
    fake = FakeClock()
    return AgendaClock(Agenda(), fake), fake


def test_starting_the_meeting_starts_step_one() -> None:
    clock, fake = _clock()
    assert not clock.started
    assert clock.toggle() is True
    assert clock.agenda.current == 0 and clock.running
    fake.advance(90)
    assert clock.remaining() == 5 * 60 - 90
    assert format_countdown(clock.remaining()) == "03:30"


def test_pause_stops_the_countdown() -> None:
    clock, fake = _clock()
    clock.toggle()
    fake.advance(60)
    clock.toggle()
    fake.advance(600)
    assert clock.remaining() == 4 * 60
    clock.toggle()
    fake.advance(30)
    assert clock.remaining() == 3 * 60 + 30


def test_overrun_counts_up() -> None:
    clock, fake = _clock()
    clock.toggle()
    fake.advance(5 * 60 + 92)
    assert clock.remaining() == -92
    assert format_countdown(clock.remaining()) == "+01:32"
    assert phase(clock.remaining()) is Phase.OVER


def test_colour_phases() -> None:
    assert phase(121) is Phase.NORMAL
    assert phase(120) is Phase.WARNING
    assert phase(0.5) is Phase.WARNING
    assert phase(0) is Phase.OVER


def test_countdown_rounds_up_while_time_is_left() -> None:
    assert format_countdown(299.2) == "05:00"
    assert format_countdown(0.2) == "00:01"
    assert format_countdown(0) == "00:00"
    assert format_countdown(-0.5) == "00:00"
    assert format_countdown(-61) == "+01:01"


def test_the_wall_clock_jumping_does_not_move_the_countdown() -> None:
    clock, fake = _clock()
    clock.toggle()
    fake.advance(60)
    fake.jump_wall(3600)  # an NTP correction or a suspended laptop's wall clock
    assert clock.remaining() == 4 * 60


def test_moving_on_early_needs_a_second_press() -> None:
    clock, fake = _clock()
    clock.toggle()
    fake.advance(60)
    assert clock.request_next() is NextResult.CONFIRM
    assert clock.agenda.current == 0 and clock.awaiting_confirmation
    assert clock.request_next() is NextResult.MOVED
    assert clock.agenda.current == 1 and clock.running
    assert clock.agenda.steps[0].state == "done"
    assert clock.agenda.steps[0].spent_seconds == 60


def test_a_second_press_long_after_the_first_asks_again() -> None:
    clock, fake = _clock()
    clock.toggle()
    assert clock.request_next() is NextResult.CONFIRM
    fake.advance(15)  # typing entries meanwhile
    assert not clock.awaiting_confirmation
    assert clock.request_next() is NextResult.CONFIRM
    assert clock.agenda.current == 0
    fake.advance(2)
    assert clock.request_next() is NextResult.MOVED


def test_a_pending_move_lapses_when_the_clock_changes_in_another_terminal() -> None:
    """The other terminal's clock works on the same agenda, which sync replaces here."""
    fake = FakeClock()
    session = Session()
    here = AgendaClock(session.agenda, fake)
    there = AgendaClock(session.agenda, fake)
    here.toggle()
    assert here.request_next() is NextResult.CONFIRM
    there.toggle()  # paused there
    assert not here.awaiting_confirmation
    here.toggle()
    assert here.request_next() is NextResult.CONFIRM
    there.next()  # moved on there
    assert not here.awaiting_confirmation  # not a confirmation to leave the next step too
    assert here.request_next() is NextResult.CONFIRM
    assert session.agenda.current == 1
    fake.advance(1)
    there.previous()  # there and back again: the same step, running, as when n was pressed
    there.next()
    assert not here.awaiting_confirmation
    assert here.request_next() is NextResult.CONFIRM
    assert session.agenda.current == 1


def test_another_key_cancels_the_pending_move() -> None:
    clock, fake = _clock()
    clock.toggle()
    assert clock.request_next() is NextResult.CONFIRM
    clock.extend(1)
    assert clock.request_next() is NextResult.CONFIRM
    assert clock.agenda.current == 0


def test_a_step_whose_time_is_up_moves_on_at_once() -> None:
    clock, fake = _clock()
    clock.toggle()
    fake.advance(5 * 60)
    assert clock.request_next() is NextResult.MOVED


def test_going_back_is_always_possible_and_keeps_time() -> None:
    clock, fake = _clock()
    clock.toggle()
    fake.advance(100)
    clock.next()
    fake.advance(40)
    assert clock.previous() is True
    assert clock.agenda.current == 0 and clock.running
    assert clock.agenda.steps[1].state == "paused"
    assert clock.agenda.steps[1].spent_seconds == 40
    fake.advance(10)
    assert clock.elapsed() == 110
    assert clock.previous() is False


def test_extend_changes_the_step_and_the_projected_end() -> None:
    clock, fake = _clock()
    clock.toggle()
    end = clock.projected_end()
    assert clock.extend(+1) == 6
    assert clock.projected_end() - end == timedelta(minutes=1)
    assert clock.remaining() == 6 * 60
    clock.extend(-2)
    assert clock.agenda.current_step.minutes == 4
    for _ in range(10):
        clock.extend(-1)
    assert clock.agenda.current_step.minutes == 1
    clock.extend(+4)
    assert clock.agenda.current_step.allotted_minutes is None  # back to the plan


def test_projected_end_follows_an_overrun() -> None:
    clock, fake = _clock()
    start = fake.now()
    clock.toggle()
    assert clock.projected_end() == start + timedelta(minutes=80)
    fake.advance(8 * 60)  # 3 minutes over the 5 planned
    assert clock.projected_end() == start + timedelta(minutes=83)


def test_the_last_step_finishes_the_meeting() -> None:
    clock, fake = _clock()
    clock.toggle()
    for _ in range(6):
        assert clock.next() is NextResult.MOVED
    assert clock.next() is NextResult.FINISHED
    assert clock.finished and not clock.running
    assert clock.toggle() is False


def test_before_the_start_next_and_previous_only_move() -> None:
    clock, _ = _clock()
    assert clock.next() is NextResult.MOVED
    assert clock.agenda.current == 1 and not clock.started
    assert clock.agenda.current_step.state == "upcoming"


def _closed_for(minutes: float) -> tuple[Session, FakeClock]:
    fake = FakeClock()
    session = Session()
    clock = AgendaClock(session.agenda, fake)
    clock.toggle()
    clock.next()
    fake.advance(120)
    clock.checkpoint()
    reopened = loads(dumps(session))
    fake.advance(minutes * 60)
    return reopened, fake


def test_reopened_within_the_meeting_length_the_step_kept_running() -> None:
    session, fake = _closed_for(10)
    result = resume(session.agenda, fake, session.planned_minutes)
    assert result is not None and result.kept_running
    clock = AgendaClock(session.agenda, fake)
    assert clock.running
    assert clock.elapsed() == 120 + 600
    assert clock.remaining() == 15 * 60 - 720


def test_reopened_after_the_meeting_length_the_step_is_paused() -> None:
    session, fake = _closed_for(24 * 60)
    result = resume(session.agenda, fake, session.planned_minutes)
    assert result is not None and not result.kept_running
    assert result.closed_for == timedelta(hours=24)
    clock = AgendaClock(session.agenda, fake)
    assert not clock.running
    assert clock.elapsed() == 120  # stopped at the last sign of life
    assert session.agenda.current_step.state == "paused"


def test_nothing_to_resume_when_nothing_was_running() -> None:
    session = Session()
    assert resume(session.agenda, FakeClock(), 80) is None


def test_alerts_ring_once_at_one_minute_and_at_zero() -> None:
    alerts = CountdownAlerts()
    assert alerts.check(0, 200) is None
    assert alerts.check(0, 60) == 60
    assert alerts.check(0, 59) is None
    assert alerts.check(0, 0) == 0
    assert alerts.check(0, -30) is None


def test_alerts_rearm_after_extending() -> None:
    alerts = CountdownAlerts()
    alerts.check(0, 50)
    assert alerts.check(0, 110) is None  # a minute was added
    assert alerts.check(0, 59) == 60


def test_crossing_both_thresholds_at_once_rings_once() -> None:
    alerts = CountdownAlerts()
    assert alerts.check(0, -500) == 0
    assert alerts.check(0, -501) is None


def test_a_step_gone_back_from_shows_the_minutes_it_has_had() -> None:
    from postmortem_tui.clock_view import agenda_lines

    clock, fake = _clock()
    clock.toggle()
    fake.advance(60)
    clock.next()
    fake.advance(4 * 60)
    clock.previous()
    line = agenda_lines(clock)[1]
    assert line.state == "upcoming"
    assert line.minutes == f"4/{clock.agenda.steps[1].minutes}"


def test_the_room_prompt_names_no_keys() -> None:
    from postmortem_tui.prompts import STEP_PROMPTS, room_prompt

    for key, prompt in STEP_PROMPTS.items():
        shown = room_prompt(key)
        assert "Press" in prompt and "Press" not in shown, key
        assert shown and prompt.startswith(shown), key


def test_each_short_prompt_is_shorter_and_names_the_same_keys() -> None:
    import re

    from postmortem_tui.prompts import SHORT_PROMPTS, STEP_PROMPTS

    assert SHORT_PROMPTS.keys() == STEP_PROMPTS.keys()
    for key, prompt in STEP_PROMPTS.items():
        short = SHORT_PROMPTS[key]
        assert len(short) < len(prompt), key
        keys = re.findall(r"\b([A-Za-z])\b(?= to| for)", prompt.split("Press ", 1)[1])
        assert keys and all(f"{k} " in short.split("Press ", 1)[1] for k in keys), key


def test_once_every_step_is_done_the_countdown_stands_at_zero_not_at_the_last_steps_time() -> None:
    from datetime import datetime, timezone

    from postmortem_tui.clock_view import clock_view

    session = Session()
    fake = FakeClock()
    clock = AgendaClock(session.agenda, fake)
    clock.toggle()
    fake.advance(60)
    while not clock.finished:
        clock.next()
        clock.next()  # the second press moves on from a step that still has time
    view = clock_view(session, clock, datetime(2026, 11, 27, tzinfo=timezone.utc))
    assert view.countdown == "00:00"
    assert view.fraction == 1.0 and view.phase == "normal"
    assert view.notice.startswith("The meeting is over")


def test_the_second_n_on_the_last_step_says_it_ends_the_meeting() -> None:
    from datetime import datetime, timezone

    from postmortem_tui.clock_view import clock_view

    session = Session()
    fake = FakeClock()
    clock = AgendaClock(session.agenda, fake)
    clock.toggle()
    notices = []
    while not clock.finished:
        assert clock.request_next() is NextResult.CONFIRM  # the step has time left
        notices.append(clock_view(session, clock, datetime(2026, 11, 27, tzinfo=timezone.utc)).notice)
        clock.request_next()
    assert len(notices) == 7
    assert all(n.endswith("left: press n again to move on") for n in notices[:-1])
    assert notices[-1].endswith("left: press n again to end the meeting")
