"""Went well, could improve and got lucky: short notes, one per line."""

from __future__ import annotations

from ...model import Improvement, Session
from ..widgets.entry_table import ColumnSpec, Row
from .list_panel import ListPanel


class NotesPanel(ListPanel):
    COLUMNS = (ColumnSpec("n", "#", 3), ColumnSpec("text", "Note", None))
    HEADINGS = {"went_well": "Went well", "got_lucky": "Got lucky"}
    """The text column is headed with the list's name, as the Improve panel's is."""

    def __init__(self, list_name: str, placeholder: str, empty: str, **kwargs: object) -> None:
        heading = self.HEADINGS.get(list_name)
        if heading:
            self.COLUMNS = tuple(spec._replace(label=heading) if spec.key == "text" else spec for spec in self.COLUMNS)
        super().__init__(**kwargs)
        self.list_name = list_name
        self.PLACEHOLDER = placeholder
        self.EMPTY = empty

    def update_from(self, session: Session) -> None:
        rows = []
        details = {}
        for number, note in enumerate(getattr(session, self.list_name), start=1):
            tag = note.tag if isinstance(note, Improvement) and note.tag else ""
            rows.append(Row(note.id, (number, note.updated), (str(number), note.text, tag)))
            details[note.id] = (f"[{tag}] " if tag else "") + note.text
        self.show_rows(rows, details, {note.id: note.text for note in getattr(session, self.list_name)})


class ImprovementsPanel(NotesPanel):
    COLUMNS = (
        ColumnSpec("n", "#", 3),
        ColumnSpec("text", "Could improve", None),
        ColumnSpec("tag", "Area", 13, shown_from=50),
    )
