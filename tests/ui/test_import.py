"""The import dialog: read a file, preview its rows, add the ticked ones, undo."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from textual.widgets import Checkbox, DataTable, Input, Static

from postmortem_tui.clock import FakeClock
from postmortem_tui.ui.app import make_app
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "import"
START = datetime(2026, 11, 27, 15, 0, tzinfo=timezone.utc)


async def _read(pilot, path: Path | str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one("#import-path", Input)
    field.value = str(path)
    field.focus()
    await pilot.press("enter")
    for _ in range(100):
        await pilot.pause(0.02)
        if pilot.app.screen.query_one("#import-rows", DataTable).row_count:
            return


async def test_import_a_csv_untick_one_add_and_undo(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        before = len(app.live.session.timeline)
        await pilot.press("m")
        await _read(pilot, FIXTURES / "timeline.csv")
        summary = str(app.screen.query_one("#import-summary", Static).render())
        assert "1 line skipped (line 5)" in summary
        table = app.screen.query_one("#import-rows", DataTable)
        offered = table.row_count
        assert offered >= 2
        await pilot.press("space")  # untick the first row
        await pilot.press("ctrl+s")
        added = len(app.live.session.timeline) - before
        assert added == offered - 1
        await pilot.press("ctrl+z")
        assert len(app.live.session.timeline) == before


async def test_reimporting_offers_nothing_new(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await _read(pilot, FIXTURES / "timeline.csv")
        await pilot.press("ctrl+s")
        await pilot.press("m")
        await _read(pilot, FIXTURES / "timeline.csv")
        assert app.screen.query_one("#import-rows", DataTable).row_count == 0
        assert "already on the timeline" in str(app.screen.query_one("#import-summary", Static).render())


async def test_a_missing_file_says_so_in_one_line(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        field = app.screen.query_one("#import-path", Input)
        field.value = "/nowhere/at/all.log"
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.02)
            error = str(app.screen.query_one("#import-error").render())
            if error:
                break
        assert "/nowhere/at/all.log" in error and "\n" not in error
        assert app.screen.query_one("#import-all", Checkbox).value is False


async def test_the_preview_keeps_its_rows_on_a_small_terminal(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await _read(pilot, FIXTURES / "checkout-postmortem.md")
        await pilot.pause()
        table = app.screen.query_one("#import-rows", DataTable)
        assert table.row_count
        assert table.scrollable_content_region.height >= 6  # rows the preview has room for
        for button in ("#import-add", "#import-cancel"):
            assert app.screen.region.contains_region(app.screen.query_one(button).region)


async def test_a_name_typed_after_the_offered_folder_is_read_from_it(sample_path: Path) -> None:
    """The path starts as the session's folder; typing a file name adds to it (it did not
    replace it), and a bare name is read from that folder."""
    (sample_path.parent / "chat.csv").write_bytes((FIXTURES / "timeline.csv").read_bytes())
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await pilot.press(*"chat.csv")
        field = app.screen.query_one("#import-path", Input)
        assert field.value == f"{sample_path.parent}/chat.csv"
        field.value = "chat.csv"
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause(0.02)
            if app.screen.query_one("#import-rows", DataTable).row_count:
                break
        assert app.screen.query_one("#import-rows", DataTable).row_count >= 2


def test_a_path_pasted_after_the_offered_folder_starts_afresh() -> None:
    from postmortem_tui.ui.import_screen import fresh_start

    assert fresh_start("/meetings/2026//var/log/app.log") == "/var/log/app.log"
    assert fresh_start("/meetings/2026/~/notes/timeline.md") == "~/notes/timeline.md"
    assert fresh_start("/meetings/2026/slack/day.json") == "/meetings/2026/slack/day.json"


async def test_an_absolute_path_typed_after_the_offered_folder_is_read(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        offered = app.screen.query_one("#import-path", Input).value
        await _read(pilot, offered + str(FIXTURES / "timeline.csv"))  # pasted after the folder
        assert app.screen.query_one("#import-rows", DataTable).row_count >= 2


async def test_at_80x24_the_preview_does_not_scroll_sideways(sample_path: Path) -> None:
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await _read(pilot, FIXTURES / "timeline.csv")
        await pilot.pause()
        table = app.screen.query_one("#import-rows", DataTable)
        assert table.row_count >= 2
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert [str(c.label) for c in table.columns.values()] == ["", "Time", "Event", "Kind", "Source"]


async def test_the_highlighted_row_shows_whole_below_the_preview(sample_path: Path) -> None:
    """The preview's event column is cut to fit at 80 columns; the row under the cursor is
    shown whole below it, with its time, kind and source, and follows the cursor."""
    app = make_app(sample_path, clock=FakeClock(START))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        detail = app.screen.query_one("#import-detail", Static)
        assert not detail.display  # nothing read yet: no empty bar
        await _read(pilot, FIXTURES / "timeline.csv")
        await pilot.pause()
        offered = app.screen.offered
        assert detail.display
        for index in (0, 1):
            shown = str(detail.render())
            row = offered[index]
            assert row.text in shown.replace("\n", " ") or row.text in shown
            assert row.source in shown.splitlines()[0]
            await pilot.press("down")
            await pilot.pause()
        assert offered[0].text != offered[1].text
