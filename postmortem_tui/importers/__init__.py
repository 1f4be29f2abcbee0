"""Timeline import from logs, alerts and chat transcripts (pure core: no Textual).

The steps a caller (the CLI, the import dialog) takes, none of which touches the session
until the last::

    result = read_import(path, session, format="auto", tz=None)   # rows + skipped lines
    shown = preview(result, session, window="incident", shift=timedelta(0))
    added = apply_rows(session, shown.rows)                         # one step
    unapply(session, added)                                         # its undo
"""

from .apply import apply_rows, shown_time, spans_days, to_entry, unapply
from .detect import Detection, detect, detect_text
from .files import ImportFileError
from .preview import (
    Preview,
    Window,
    default_window,
    parse_moment,
    preview,
    shift_rows,
    window_from,
)
from .reading import parse_import_text, read_import, target_zone_label, zone_option
from .rows import FORMATS, ImportResult, ImportRow, SkippedLine
from .zones import resolve_zone

__all__ = [
    "FORMATS",
    "Detection",
    "ImportFileError",
    "ImportResult",
    "ImportRow",
    "Preview",
    "SkippedLine",
    "Window",
    "apply_rows",
    "default_window",
    "detect",
    "detect_text",
    "parse_import_text",
    "parse_moment",
    "preview",
    "read_import",
    "resolve_zone",
    "shift_rows",
    "shown_time",
    "spans_days",
    "target_zone_label",
    "to_entry",
    "unapply",
    "window_from",
    "zone_option",
]
