"""Pasted timelines, plain or Markdown: entries, continuations, headings, skipped lines."""

from __future__ import annotations

from datetime import date

from postmortem_tui.importers.dating import TimeRules
from postmortem_tui.importers.text import parse_text, zone_statement

from .importing import FIXTURES, NEW_YORK, checkout_rules, shown


def _read(text: str, rules: TimeRules | None = None):
    return parse_text(text, rules or checkout_rules())


def test_the_forms_real_timelines_use() -> None:
    result = _read(
        "14:12 Migration deployed\n"
        "[14:17] Alerts fire\n"
        "14:23:30 - On-call acknowledges\n"
        "2:31 PM EST: Incident declared\n"
        "- **21:45 UTC** - Status page updated\n"
        "* 2026-11-24 21:50 UTC: Rollback considered\n"
        "1. 2026-11-24T17:05:00-05:00 Decision to let it finish\n"
    )
    assert shown(result.rows) == [
        ("2026-11-24 14:12", "Migration deployed"),
        ("2026-11-24 14:17", "Alerts fire"),
        ("2026-11-24 14:23:30", "On-call acknowledges"),
        ("2026-11-24 14:31", "Incident declared"),
        ("2026-11-24 16:45", "Status page updated"),
        ("2026-11-24 16:50", "Rollback considered"),
        ("2026-11-24 17:05:00", "Decision to let it finish"),
    ]
    assert result.skipped == ()
    assert all(row.source == "manual" and row.kind == "other" for row in result.rows)


def test_marks_say_what_was_assumed() -> None:
    rows = _read("14:12 a\n14:17 UTC b\n2026-11-24 14:23 c\n2026-11-24T14:31:00Z d\n").rows
    assert [row.marks for row in rows] == [
        ("zone assumed", "date inferred"),
        ("date inferred",),
        ("zone assumed",),
        (),
    ]


def test_continuation_lines_join_their_entry() -> None:
    rows = _read(
        "15:20 Decision: let the migration finish\n"
        "\tcancelling would hold the lock\n"
        "    about as long again\n"
        "15:30 Next\n"
    ).rows
    assert [row.text for row in rows] == [
        "Decision: let the migration finish cancelling would hold the lock about as long again",
        "Next",
    ]


def test_an_indented_line_with_its_own_time_is_its_own_entry() -> None:
    rows = _read("- 14:12 deploy\n  - 14:13 first error\n").rows
    assert [row.text for row in rows] == ["deploy", "first error"]


def test_lines_with_no_time_are_skipped_with_their_numbers() -> None:
    result = _read("notes from the call\n14:12 deploy\n\nsomeone joined\n25:00 bad\n14:17\n")
    assert [(s.line, s.reason) for s in result.skipped] == [
        (1, "no time at the start"),
        (4, "no time at the start"),
        (5, "25:00 is not a time of day (00:00 to 23:59)"),
        (6, "a time with no text after it"),
    ]
    assert str(result.skipped[1]) == "line 4: no time at the start: 'someone joined'"
    assert [row.text for row in result.rows] == ["deploy"]


def test_the_indented_lines_of_a_skipped_item_are_not_joined_to_the_entry_above() -> None:
    result = _read("- 14:12 deploy\n- sometime later:\n    the status page was drafted\n")
    assert [row.text for row in result.rows] == ["deploy"]
    assert [s.line for s in result.skipped] == [2]


def test_a_date_heading_dates_the_entries_below_it() -> None:
    rows = _read("## 2026-11-24\n23:40 late\n### Wednesday 25 November 2026\n09:30 replay\n").rows
    assert shown(rows) == [("2026-11-24 23:40", "late"), ("2026-11-25 09:30", "replay")]
    assert all("date inferred" not in row.marks for row in rows)  # the file dated them


def test_a_plain_date_line_is_a_heading_but_a_dated_list_item_is_an_event() -> None:
    result = _read("2019-01-22\n- 14:54 merged\n- 2019-01-23: config fixed\n")
    assert shown(result.rows) == [("2019-01-22 14:54", "merged")]
    assert [(s.line, s.reason) for s in result.skipped] == [(3, "a date without a time of day")]


def test_midnight_passes_in_a_timeline_without_dates() -> None:
    rows = _read("22:10 first\n23:50 second\n00:10 third\n").rows
    assert [row.when.date() for row in rows] == [
        date(2026, 11, 24),
        date(2026, 11, 24),
        date(2026, 11, 25),
    ]


def test_a_stated_zone_applies_below_it_without_the_assumed_mark() -> None:
    rows = _read("All times in PST\n11:12 deploy\n(all times UTC)\n19:17 alert\n").rows
    assert shown(rows) == [("2026-11-24 14:12", "deploy"), ("2026-11-24 14:17", "alert")]
    assert [row.marks for row in rows] == [("date inferred",), ("date inferred",)]


def test_zone_statements() -> None:
    assert zone_statement("All times in PST") is not None
    assert zone_statement("_All times are UTC._") is not None
    assert zone_statement("Time zone: Europe/Berlin") is not None
    assert zone_statement("Timeline (all times Eastern)", in_heading=True) is not None
    assert zone_statement("We spent all times in meetings") is None
    assert zone_statement("times in the morning were quiet") is None


def test_markdown_links_become_readable_text_and_the_first_is_the_link() -> None:
    rows = _read(
        "- 14:12 [config PR][pr] merged, see [build](https://ci.example.com/1) "
        "and <https://ci.example.com/2>[^1]\n\n[pr]: https://github.com/org/repo/pull/7\n"
    ).rows
    assert rows[0].text == (
        "config PR merged, see build (https://ci.example.com/1) and https://ci.example.com/2"
    )
    assert rows[0].link == "https://github.com/org/repo/pull/7"


def test_a_link_after_a_colour_code_or_with_parentheses_still_reads_as_a_link() -> None:
    rows = _read(
        "14:20 \x1b[31mred\x1b[0m [runbook](https://wiki.example.com/Lock_(database)) read\n"
        "14:21 see [x [notes](https://n.example.com) here\n"
    ).rows
    assert rows[0].text == "red runbook read"
    assert rows[0].link == "https://wiki.example.com/Lock_(database)"
    assert rows[1].text == "see [x notes here"  # a stray bracket stays, the link is read
    assert rows[1].link == "https://n.example.com"


def test_markdown_tables_with_a_time_column() -> None:
    result = _read(
        "| Time | Event | Who |\n"
        "|------|-------|-----|\n"
        "| 14:12 | Migration deployed | CI |\n"
        "| 2026-11-24 | 14:17 | Alerts fire |\n"
        "| later | nothing |\n"
    )
    assert shown(result.rows) == [
        ("2026-11-24 14:12", "Migration deployed \u2014 CI"),
        ("2026-11-24 14:17", "Alerts fire"),
    ]
    assert [s.line for s in result.skipped] == [5]


def test_a_table_header_names_the_text_kind_and_source_columns() -> None:
    result = _read(
        "| Time | Event | Kind | Source | Who |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| 14:12 | Migration deployed \\| rolled out | change / trigger | deploy | CI |\n"
        "| 14:17 | Alerts fire ([evidence](https://pd.example.com/I1)) | alert | alert | — |\n"
        "| 14:20 | Someone looked | curious | pigeon | — |\n"
        "\n"
        "| 14:30 | A table with no header | alert | chat |\n"
    )
    rows = result.rows
    assert [(row.text, row.kind, row.source) for row in rows] == [
        ("Migration deployed | rolled out \u2014 CI", "trigger", "deploy"),
        ("Alerts fire", "alert", "alert"),
        # not one of our kinds or sources: kept in the text, not lost
        ("Someone looked \u2014 curious \u2014 pigeon", "other", "manual"),
        ("A table with no header \u2014 alert \u2014 chat", "other", "manual"),
    ]
    assert rows[1].link == "https://pd.example.com/I1"


def test_our_own_document_reads_back_and_adds_nothing_to_its_session(sample_path) -> None:  # type: ignore[no-untyped-def]
    from postmortem_tui.export.document import render
    from postmortem_tui.importers.apply import apply_rows
    from postmortem_tui.persistence import load

    session = load(sample_path)
    document = render(session)
    result = parse_text(document, checkout_rules())
    assert result.skipped == ()  # the durations table is a note, not eleven skipped lines
    assert any("no time column" in note for note in result.notes)
    assert apply_rows(session, result.rows) == []
    by_text = {entry.text: entry for entry in load(sample_path).timeline}
    for row in result.rows:  # each as it was: text, kind, source and link
        entry = by_text[row.text]
        assert (row.kind, row.source, row.link) == (entry.kind, entry.source, entry.link)


def test_a_whole_document_is_read_only_in_its_timeline_section() -> None:
    result = parse_text((FIXTURES / "checkout-postmortem.md").read_text(), checkout_rules())
    assert shown(result.rows) == [
        (
            "2026-11-24 14:12",
            "Migration 0142 deployed through the standard CI/CD pipeline (deploy log)",
        ),
        ("2026-11-24 14:17", "First customer error alerts fire: checkout 5xx rate above 5%"),
        ("2026-11-24 14:23", "On-call engineer acknowledges the page"),
        ("2026-11-24 14:31", "Incident declared SEV1; incident commander assigned"),
        ("2026-11-24 18:16", "Error rates back to baseline for ten minutes; incident resolved"),
        ("2026-11-25 09:30", "Queued orders replayed runbook"),
    ]
    assert result.rows[0].link == "https://ci.example.com/builds/8812"
    assert result.rows[-1].link == "https://wiki.example.com/runbooks/replay-orders"
    # The zone comes from the heading ("all times Eastern"), the dates from the day
    # headings: nothing is assumed or inferred.
    assert all(row.marks == () for row in result.rows)
    assert [(s.line, s.reason) for s in result.skipped] == [
        (20, "a date without a time of day"),
        (22, "27:00 is not a time of day (00:00 to 23:59)"),
    ]
    assert "Timeline (all times Eastern)" in result.notes[0]


def test_front_matter_and_code_blocks_are_not_timeline() -> None:
    result = _read(
        "---\ntitle: x\ndate: 2026-11-24\n---\n14:12 deploy\n```\n14:13 not an entry\n```\n"
    )
    assert [row.text for row in result.rows] == ["deploy"]
    assert result.skipped == ()
    assert "code blocks were left out" in result.notes


def test_the_pasted_chat_fixture() -> None:
    result = parse_text((FIXTURES / "chat-paste.txt").read_text(), checkout_rules())
    assert shown(result.rows) == [
        ("2026-11-24 14:12", "Migration 0142 deployed"),
        ("2026-11-24 14:17:30", "checkout-5xx alert fires"),
        ("2026-11-24 14:23", "Sam acknowledges the page"),
        ("2026-11-24 14:31", "Incident declared SEV1"),
        ("2026-11-24 14:48:00", "DB logs show AccessExclusiveLock on orders"),
        (
            "2026-11-24 15:20",
            "Decision: let the migration finish cancelling would hold the lock about as long",
        ),
        ("2026-11-24 23:50", "Overnight watch handed to the EU on-call"),
        ("2026-11-25 00:10", "Replay job started"),
    ]
    assert [s.line for s in result.skipped] == [1, 9]
    assert all(row.when.tzinfo == NEW_YORK for row in result.rows)
