"""Saving a change to the session from the meeting screen, and what becomes of an edit whose
entry another terminal deleted meanwhile: nothing typed is thrown away."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..lazy_module import lazy_module
from ..model import Entry, Session
from ..visible_text import one_line
from .panel_host import ALL_PANELS, PanelHost
from .panels.list_panel import ListPanel

if TYPE_CHECKING:
    from .. import editing
    from ..live_session import LiveSession
else:  # loaded when an entry is first changed, not to show the screen
    editing = lazy_module("postmortem_tui.editing")


def panel_of(where: str) -> str:
    """The panel that shows the list ``where`` (a name from :func:`editing.entry_lists`)."""
    return "root_cause" if where.startswith(("root_cause.", "chain:")) else where


class SavingEdits(PanelHost):
    """The part of the meeting screen that saves changes and shows them."""

    def __init__(self, live: LiveSession) -> None:
        super().__init__(live)
        self._undo: list[tuple[str, Callable[[Session, datetime], Entry | None]]] = []
        """What ctrl+z can take back: a description and the change that undoes it."""

    def _changed(self, panel: str | None = None, select: str | None = None) -> None:
        """Show a change in the panel that holds it (every panel, for a change that touches
        them all); a panel out of view catches up when it is brought forward. The wrap-up
        checklist runs every check over the session, too slow to redo at each entry of a
        long one while it is not even in view."""
        if panel == "participants" or panel is None:
            names = list(ALL_PANELS)
        else:
            names = [panel, "wrap_up"]
        active = self.active_panel
        for name in names:
            if name == panel or name == active:
                self.refresh_panel(name)
            else:
                self._stale.add(name)
        if panel and select and (shown := self._panel(panel)) is not None:
            shown.table.select(select)
        self.tick()

    def _replaced(
        self,
        edited: Entry,
        words: str,
        panel: str | None = None,
        where: str | None = None,
        base: Entry | None = None,
    ) -> bool:
        """Put ``edited`` in place of its entry: with ``base`` (the entry as the form showed
        it), only what was changed in the form, so that another terminal's change to the
        other fields stands (see edit_merge). False if the entry was deleted meanwhile (in
        another terminal): the edit is not saved in its place, and nothing typed is lost.
        An entry edited in a form (``where``: the list it was in) is added back as a new
        one; a note's or timeline entry's words wait in its panel's input."""
        from ..edit_merge import overwritten

        replaced: dict[str, object] = {}

        def apply(session: Session) -> bool:
            replaced.clear()
            current = editing.get(session, edited.id)
            if base is not None and current is not None:
                replaced.update(overwritten(base, edited, current))
            return editing.replace(session, edited, self.live.now(), base)

        try:
            self.live.change(apply)
        except editing.EntryError:
            if where is not None:
                self._add_back(where, edited)
            else:
                self._gone(words, panel)
            return False
        if replaced:
            self._overwrote(edited.id, replaced)
        return True

    def _overwrote(self, entry_id: str, theirs: dict[str, object]) -> None:
        """Say that the edit just saved replaced what another terminal had changed in the
        same fields meanwhile, and what that was; ctrl+z puts it back."""

        def put_theirs_back(session: Session, when: datetime) -> Entry:
            entry = editing.get(session, entry_id)
            if entry is None:
                raise editing.EntryError("that entry is gone (deleted elsewhere?)")
            restored = entry.with_changes(**theirs)
            editing.replace(session, restored, when)
            return restored

        self._undo.append(("edit: the other terminal's version is back", put_theirs_back))
        fields = " and ".join(name.replace("_", " ") for name in theirs)
        shown = "; ".join(one_line(str(value))[:80] for value in theirs.values())
        self.notify(
            f"Another terminal changed the {fields} of this entry while you edited it. Yours "
            f"is saved; theirs was: {shown}. ctrl+z puts theirs back.",
            severity="warning",
            timeout=20,
            markup=False,
        )

    def _add_back(self, where: str, edited: Entry) -> None:
        """Add an edit whose entry was deleted meanwhile back as a new entry, and say so:
        a form's fields (an action's owner, deadline, link) are more than a line to put
        back in an input; ctrl+z takes it out if the deletion was meant."""
        now = self.live.now()
        fresh = self.live.change(lambda s: editing.add_back(s, where, edited, now))

        def take_out(session: Session, when: datetime) -> None:
            editing.delete(session, fresh.id, when)

        self._undo.append(("edit added back", take_out))
        self._changed(panel_of(where), select=fresh.id)
        self.notify(
            "That entry was deleted in another terminal while you edited it: your edit is "
            "added back as a new entry. ctrl+z takes it out.",
            severity="warning",
            timeout=15,
            markup=False,
        )

    def _gone(self, words: str, panel: str | None = None) -> None:
        """Say that an edited entry was deleted meanwhile; a note or timeline entry's words
        wait in its panel's input, for Enter to add them back."""
        shown = self._panel(panel) if panel else None
        if not words:
            where = ""  # a kind picked for it: nothing typed to keep
        elif isinstance(shown, ListPanel):
            self.show_panel(panel or "")
            shown.put_back([(words, "")])  # a draft in the input waits its turn after them
            shown.open_input()
            where = " They are in the input below: Enter adds them back."
        else:
            where = f" What you typed: {one_line(words)}"
        self.notify(
            "Not saved: that entry was deleted in another terminal while you edited it." + where,
            severity="error",
            timeout=15,
            markup=False,
        )
