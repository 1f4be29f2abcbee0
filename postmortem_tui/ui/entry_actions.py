"""The meeting screen's entry keys: add, edit, delete, undo, kinds, and the forms they open.

The forms are imported when first opened, which keeps them out of the app's start-up time."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from textual import on
from textual.screen import Screen

from ..lazy_module import lazy_module
from ..model import (
    ActionItem,
    Entry,
    Factor,
    Improvement,
    Note,
    Participant,
    Session,
    TimelineEntry,
    WhyStep,
)
from .panel_host import ALL_PANELS
from .panels.list_panel import ListPanel
from .panels.root_cause_panel import STATEMENT_KEY
from .saving_edits import SavingEdits
from .typed_ahead import TypedAhead

if TYPE_CHECKING:
    from .. import editing
    from ..checks import hint
    from .forms.root_cause_form import RootCauseInput
else:  # loaded when an entry is first added, edited or deleted, not to show the screen
    editing = lazy_module("postmortem_tui.editing")
    hint = lazy_module("postmortem_tui.checks.hint")

class EntryActions(TypedAhead, SavingEdits):
    """The part of the meeting screen that changes entries; the screen shows them."""

    # Adding

    async def action_add(self, panel: str) -> None:
        target = None
        try:
            target = await self.bring_forward(panel, focus_list=False)
            target.open_input()
        finally:
            self._pour_held(target.input if target is not None else None)

    @on(ListPanel.Submitted)
    def _typed(self, event: ListPanel.Submitted) -> None:
        self.add_typed(event.panel, event.value)

    def add_typed(self, panel: ListPanel, value: str) -> bool:
        """One line typed and ended with Enter, or several pasted at once: each line an
        entry. A line with an error comes back to be put right, one at a time, the others
        waiting their turn in the panel (see :meth:`ListPanel.put_back`); none is dropped.
        True when every line was added."""
        name = (panel.id or "").removeprefix("panel-")
        lines = [line for line in value.split("\n") if line.strip()]
        now = self.live.now()
        created = editing.paste_times(now, len(lines))

        def add_each(session: Session) -> tuple[list[Entry], list[tuple[str, str]]]:
            added: list[Entry] = []
            failed: list[tuple[str, str]] = []
            for line, when in zip(lines, created):
                try:
                    if name == "timeline":
                        added.append(editing.add_timeline(session, line, now, when))
                    else:
                        added.append(editing.add_note(session, name, line, now, when))
                except editing.EntryError as error:
                    failed.append((line, str(error)))
            return added, failed

        added, failed = self.live.change(add_each)
        if name == "timeline":
            for entry in added:
                self.app.trace.committed(entry.id)  # type: ignore[attr-defined]
        if failed:
            panel.put_back(failed)
        else:
            panel.next_waiting()
        if added:
            self._changed(name, select=added[-1].id)
        return not failed

    async def action_add_action(self) -> None:
        """A new action item; from a row of what could be improved, its words to start from
        (an improvement is usually where an action comes from)."""
        improvement = None
        if self.active_panel == "could_improve" and (key := self._selected()):
            found = editing.get(self.live.session, key)
            improvement = found.text if isinstance(found, Improvement) else None
        came_from = self.active_panel
        await self.bring_forward("action_items")
        self._pour_held_into_form(self._open_action_form(None, improvement, came_from))

    def _back_to(self, panel: str | None) -> None:
        """A form opened with a key that brought its own panel forward was cancelled: the
        panel the user was working through comes back (the list of improvements, say)."""
        if panel is not None and panel != self.active_panel:
            self.call_later(self.bring_forward, panel)

    def _open_action_form(
        self, item: ActionItem | None, improvement: str | None = None, came_from: str | None = None
    ) -> Screen:
        from .forms.action_form import ActionForm

        session = self.live.session
        now = self.live.now()
        base = session.meeting.scheduled.date() if session.meeting.scheduled else now.astimezone().date()
        form = ActionForm(
            item, base, base + timedelta(days=14), now, session.participants, improvement
        )

        def saved(result: ActionItem | None) -> None:
            if result is None:
                self._back_to(came_from)
                return
            if item is None:
                self.live.change(lambda s: editing.add_entry(s, "action_items", result))
            elif not self._replaced(result, result.what, where="action_items", base=item):
                return
            self._changed("action_items", select=result.id)

        self.app.push_screen(form, saved)
        return form

    async def action_add_root_cause(self) -> None:
        came_from = self.active_panel
        await self.bring_forward("root_cause")
        self._pour_held_into_form(self._open_root_cause_form(None, came_from))

    def _open_root_cause_form(self, entry_id: str | None, came_from: str | None = None) -> Screen:
        from .forms.root_cause_form import RootCauseForm, RootCauseInput

        session = self.live.session
        initial = None
        opened = None  # the entry or statement as the form shows it
        found = editing.find(session, entry_id) if entry_id else None
        if entry_id == STATEMENT_KEY:
            opened = session.root_cause.statement
            initial = RootCauseInput("statement", opened)
        elif entry_id is not None:
            entry = opened = editing.get(session, entry_id)
            if isinstance(entry, WhyStep):
                initial = RootCauseInput("why", entry.why, entry.because)
            elif isinstance(entry, Factor):
                initial = RootCauseInput("factor", entry.text, category=entry.category)
        elif not session.root_cause.chains:
            initial = RootCauseInput("why", "")

        def saved(result: RootCauseInput | None) -> None:
            if result is None:
                self._back_to(came_from)
                return
            now = self.live.now()
            try:
                selected = self.live.change(
                    lambda s: self._apply_root_cause(s, result, entry_id, opened, now)
                )
            except editing.EntryError:
                if found is None:
                    self._gone(" / ".join(part for part in (result.first, result.second) if part))
                else:  # deleted meanwhile: added back as new, where it was
                    where, items, index = found
                    self._add_back(where, _edited(items[index], result))
                return
            self._changed("root_cause", select=selected)

        names = tuple(p.name for p in session.participants)
        form = RootCauseForm(
            initial,
            editing=entry_id is not None,
            participants=names,
            statement=session.root_cause.statement,
            chains=len(session.root_cause.chains),
        )
        self.app.push_screen(form, saved)
        return form

    @staticmethod
    def _apply_root_cause(session, result: RootCauseInput, entry_id: str | None, opened, now) -> str:  # type: ignore[no-untyped-def]
        """Apply what the form returned; ``opened`` is what it showed (the statement, or the
        entry), so that only what was changed in it is applied over another terminal's edit."""
        if result.mode == "statement":
            if result.first != (opened if isinstance(opened, str) else None):
                session.root_cause.statement = result.first
            return STATEMENT_KEY
        if entry_id is not None and isinstance(opened, (WhyStep, Factor)):
            changed = _edited(opened, result)
            editing.replace(session, changed, now, base=opened)
            return changed.id
        if result.mode == "factor":
            return editing.add_factor(session, result.category, result.first, now).id
        step = editing.add_why(session, result.first, result.second, now, result.mode == "new chain")
        return step.id

    async def action_add_participant(self) -> None:
        await self.bring_forward("participants")
        self._pour_held_into_form(self._open_participant_form(None))

    def _open_participant_form(self, person: Participant | None) -> Screen:
        from .forms.participant_form import ParticipantForm

        def saved(result: Participant | None) -> None:
            if result is None:
                return
            if person is None:
                self.live.change(lambda s: editing.add_entry(s, "participants", result))
            elif not self._replaced(result, result.name, where="participants", base=person):
                return
            self._changed("participants", select=result.id)

        form = ParticipantForm(person, self.live.now())
        self.app.push_screen(form, saved)
        return form

    # Editing

    def refresh_from_outside(self) -> None:
        """Show what another instance (or a hand edit) changed; if that deleted the entry
        selected here, say so: the cursor is now on another one, which e, k or Delete would
        act on."""
        key = self._selected()
        panel = self._panel(self.active_panel)
        words = panel.words_of(key) if key and isinstance(panel, ListPanel) else ""
        self.refresh_panels()
        if key and key != STATEMENT_KEY and editing.find(self.live.session, key) is None:
            what = f"\u201c{hint.one_line(words, 48)}\u201d" if words.strip() else "The entry you had selected"
            self.notify(
                f"{what} was deleted in another terminal; the cursor is on the next entry.",
                severity="warning",
                timeout=6,
            )

    def _selected(self) -> str | None:
        panel = self._panel(self.active_panel)
        if panel is None or not isinstance(panel, ListPanel):
            return None  # the wrap-up checklist, or a panel still mounting
        return panel.table.selected_key

    def action_edit(self) -> None:
        key = self._selected()
        if key:
            self._edit(key)

    @on(ListPanel.EditRequested)
    def _edit_requested(self, event: ListPanel.EditRequested) -> None:
        self._edit(event.entry_id)

    def _edit(self, key: str) -> None:
        from .forms.note_form import NoteForm
        from .forms.timeline_form import TimelineForm

        if key == STATEMENT_KEY:
            self._open_root_cause_form(key)
            return
        entry = editing.get(self.live.session, key)
        now = self.live.now()
        if isinstance(entry, ActionItem):
            self._open_action_form(entry)
        elif isinstance(entry, Participant):
            self._open_participant_form(entry)
        elif isinstance(entry, (WhyStep, Factor)):
            self._open_root_cause_form(key)
        elif isinstance(entry, (TimelineEntry, Note, Improvement)):
            panel = "timeline" if isinstance(entry, TimelineEntry) else self.active_panel
            names = tuple(p.name for p in self.live.session.participants)
            zone = self.live.session.incident.timezone
            session = self.live.session
            form = (
                TimelineForm(entry, now, names, zone, lambda clock: editing.typed_time_day(session, clock))
                if isinstance(entry, TimelineEntry)
                else NoteForm(entry, now, names)
            )

            def saved(result: Any) -> None:
                if result is not None and self._replaced(result, _typed_text(result), panel, base=entry):
                    self._changed(panel, select=result.id)

            self.app.push_screen(form, saved)

    def action_set_kind(self) -> None:
        from .forms.kind_picker import KindPicker

        if self.active_panel != "timeline":
            self.show_panel("timeline")
            self.notify("Kinds are for timeline entries: choose one, then press k.", timeout=4)
            return
        key = self._selected()
        entry = editing.get(self.live.session, key) if key else None
        if not isinstance(entry, TimelineEntry):
            self.notify("The timeline is empty: add an entry with t first.", timeout=4)
            return

        def picked(kind: str | None) -> None:
            if kind is None or kind == entry.kind:
                return
            changed = entry.with_changes(kind=kind)
            if self._replaced(changed, "", base=entry):
                self._changed("timeline", select=entry.id)

        self.app.push_screen(KindPicker(entry.kind, f"{entry.shown_time}  {entry.text}"), picked)

    # Deleting

    def action_delete(self) -> None:
        key = self._selected()
        if not key:
            return
        panel = self.active_panel
        if key == STATEMENT_KEY:
            statement = self.live.session.root_cause.statement
            self.live.change(lambda s: setattr(s.root_cause, "statement", ""))

            def put_back(session: Session, when: datetime) -> None:
                if session.root_cause.statement:  # written again since, here or elsewhere
                    raise editing.EntryError(
                        "Not undone: a new root-cause statement was written since the deletion;"
                        " edit it instead (e on its row)"
                    )
                session.root_cause.statement = statement

            self._undo.append(("deletion", put_back))
            words = statement
        else:
            now = self.live.now()
            words = _words(editing.get(self.live.session, key))
            deleted = self.live.change(lambda s: editing.delete(s, key, now))
            if deleted is None:
                return
            self._undo.append(("deletion", lambda s, when: editing.undo_delete(s, deleted, when)))
        self._changed(panel)
        what = f"\u201c{hint.one_line(words, 48)}\u201d" if words.strip() else "it"
        self.notify(f"Deleted {what}. ctrl+z brings it back.", timeout=4)

    def action_undo(self) -> None:
        if not self._undo:
            self.notify("Nothing to undo.", timeout=2)
            return
        what, undo = self._undo.pop()
        now = self.live.now()
        try:
            entry = self.live.change(lambda s: undo(s, now))
        except editing.EntryError as error:
            self.notify(str(error), severity="error")
            return
        self._changed(None)
        if entry is not None:
            for name in ALL_PANELS[:-1]:
                if (panel := self._panel(name)) is not None:
                    panel.table.select(entry.id)
        self.app.clear_notifications()  # "Deleted ... ctrl+z brings it back" is done with
        self.notify(f"Undid the last {what}.", timeout=3)


def _edited(entry: Entry, result: RootCauseInput) -> Entry:
    """A why step or factor with what the root-cause form holds for it."""
    if isinstance(entry, WhyStep):
        return entry.with_changes(why=result.first, because=result.second)
    return entry.with_changes(text=result.first, category=result.category)


def _typed_text(entry: Entry) -> str:
    """An entry's words as they would be typed into its panel's input."""
    if isinstance(entry, TimelineEntry):
        return f"{entry.time} {entry.text}"
    if isinstance(entry, Improvement) and entry.tag:
        return f"{entry.tag}: {entry.text}"
    return getattr(entry, "text", "")


def _words(entry: object) -> str:
    """What names an entry in a message: its text, an action's words, a person's name."""
    for name in ("text", "what", "name", "because", "why", "problem"):
        value = getattr(entry, name, None)
        if isinstance(value, str) and value.strip():
            return value
    return ""
