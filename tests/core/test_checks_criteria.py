"""Should this incident get a post-mortem? Suggested criteria, storage, and the export line."""

from __future__ import annotations

from pathlib import Path

from postmortem_tui.checks.criteria import suggest_criteria
from postmortem_tui.export import render
from postmortem_tui.model import Criteria, Impact, Incident, Session, TimelineEntry
from postmortem_tui.persistence import dumps, load, loads


def _keys(session: Session, **thresholds: int) -> list[str]:
    return [s.key for s in suggest_criteria(session, **thresholds)]


def test_the_sample_suggests_what_it_records(sample_path: Path) -> None:
    session = load(sample_path)
    suggestions = suggest_criteria(session)
    assert [s.key for s in suggestions] == session.criteria.met
    assert suggestions[0].evidence == "recorded impact lasted 4 h 4 min (30 min or more)"
    assert "Queued orders replayed" in suggestions[1].evidence


def test_thresholds_decide_impact_and_resolution(sample_path: Path) -> None:
    session = load(sample_path)
    assert "user_impact" not in _keys(session, impact_minutes=300)
    assert "long_resolution" not in _keys(session, resolve_minutes=300)


def test_impact_from_the_timeline_when_no_figure_is_recorded() -> None:
    session = Session(timeline=[
        TimelineEntry(time="10:00", text="bad deploy", kind="trigger"),
        TimelineEntry(time="10:05", text="5xx alert", kind="alert"),
        TimelineEntry(time="10:50", text="error rate normal", kind="mitigated"),
    ])
    [suggestion] = suggest_criteria(session)
    assert suggestion.key == "user_impact" and "impact on the timeline lasted 50 min" in suggestion.evidence


def test_data_loss_intervention_and_people_noticing_first() -> None:
    session = Session(
        incident=Incident(summary="About 300 uploads were lost data-wise: corrupted on disk."),
        timeline=[
            TimelineEntry(time="09:00", text="Support reports customers cannot upload", source="ticket"),
            TimelineEntry(time="09:20", text="Disk alert fires", kind="alert", source="alert"),
            TimelineEntry(time="09:30", text="Rollback considered, estimated 20 min"),
            TimelineEntry(time="09:40", text="Traffic re-routed to the second region"),
        ],
    )
    found = {s.key: s.evidence for s in suggest_criteria(session)}
    assert set(found) == {"data_loss", "intervention", "monitoring_failure"}
    assert found["intervention"].startswith("timeline: 09:40 Traffic re-routed")  # not the idea
    assert found["monitoring_failure"].startswith("people noticed before the first alert: 09:00")


def test_no_data_loss_is_not_data_loss() -> None:
    session = Session(incident=Incident(summary="Writes were delayed; no data was lost."))
    assert "data_loss" not in _keys(session)


def test_customer_figures_without_a_duration_count_as_impact() -> None:
    session = Session(incident=Incident(impact=Impact(customers_affected=1200)))
    [suggestion] = suggest_criteria(session)
    assert (suggestion.key, suggestion.evidence) == ("user_impact", "1,200 customers affected")


def test_criteria_are_stored_in_order_and_old_files_stay_valid() -> None:
    criteria = Criteria(met=["other", "data_loss"], other="A regulator asked for one")
    assert criteria.met == ["data_loss", "other"]
    session = Session(criteria=criteria)
    assert loads(dumps(session)).criteria == criteria
    assert "criteria" not in dumps(Session())  # nothing written while empty
    assert loads(dumps(Session())).criteria == Criteria()


def test_the_export_says_why_in_one_line(sample_path: Path) -> None:
    document = render(load(sample_path))
    [line] = [l for l in document.splitlines() if l.startswith("- **Why a post-mortem:**")]
    assert line == (
        "- **Why a post-mortem:** user-visible downtime or degradation; on-call intervention "
        "(rollback, traffic re-route); a long time to resolve"
    )
    other = render(Session(criteria=Criteria(met=["other"], other="Audit *requested*")))
    assert "- **Why a post-mortem:** Audit \\*requested\\*" in other
    assert "- **Why a post-mortem:** not recorded" in render(Session())
