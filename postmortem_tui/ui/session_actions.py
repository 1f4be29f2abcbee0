"""The meeting screen's keys that change the session as a whole rather than one entry:
importing timeline entries from a file (m) and the incident's and meeting's details (d).
Their dialogs are imported when first used."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from ..model import Session
from .entry_actions import EntryActions

if TYPE_CHECKING:
    from ..importers import ImportRow


class SessionActions(EntryActions):
    def action_import(self) -> None:
        # The importers are loaded when first used, not at start.
        from ..importers import apply_rows, unapply
        from .import_screen import ImportScreen

        folder = self.live.store.path.parent

        def chosen(rows: tuple[ImportRow, ...] | None) -> None:
            if not rows:
                return
            now = self.live.now()
            added = self.live.change(lambda s: apply_rows(s, rows, now))

            def take_back(session: Session, when: datetime) -> None:
                unapply(session, added, when)

            self._undo.append(("import", take_back))
            self._changed("timeline")
            self.show_panel("timeline")
            self.notify(f"Added {len(added)} timeline entries. ctrl+z takes them back out.")

        self.app.push_screen(ImportScreen(self.live.session, folder), chosen)

    def action_details(self) -> None:
        from .forms.details_form import DetailsForm, save_details

        def saved(result: dict | None) -> None:
            if result is None:
                return
            save_details(self.live, result, form.session)
            self._changed(None)

        form = DetailsForm(self.live.session)
        self.app.push_screen(form, saved)
