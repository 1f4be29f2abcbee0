"""Reading the file to import, with one-line errors for a file that cannot be read at all.

A bad line inside a readable file is never an error (it is reported as skipped); only a file
that cannot be opened, decoded or parsed as a whole raises :class:`ImportFileError`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..text_encoding import looks_utf16, utf16_codec


class ImportFileError(Exception):
    """A file that cannot be imported at all. ``str()`` is one line: ``path: what is wrong``."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.message = message
        self.line = line
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


MAX_IMPORT_BYTES = 64 * 2**20
"""Far more than any export or log imported here (a 10,000-line log is about 1 MiB). Past
it, a source that never ends (``/dev/zero``, a pipe left open) was read until memory ran
out."""


def read_text(path: Path) -> str:
    """The file as text: UTF-8 (a BOM is dropped); bytes that are not UTF-8 become U+FFFD
    rather than stopping the import, since one bad byte in a log should not lose the rest."""
    try:
        with path.open("rb") as file:
            data = file.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ImportFileError(path, "no such file") from None
    except IsADirectoryError:
        raise ImportFileError(
            path, "is a folder; only a Slack export is read from a folder"
        ) from None
    except PermissionError:
        raise ImportFileError(path, "cannot be read: permission denied") from None
    except OSError as error:
        raise ImportFileError(path, f"cannot be read: {error.strerror}") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFileError(
            path, f"is larger than {MAX_IMPORT_BYTES // 2**20} MiB; import it in parts"
        )
    codec = utf16_codec(data)
    if codec is not None:  # as Windows tools write it: read as it is
        return data[2:].decode(codec, errors="replace")
    if b"\0" in data[:4096]:
        if looks_utf16(data):
            raise ImportFileError(
                path, "looks like UTF-16 text without a byte-order mark; save it as UTF-8"
            )
        raise ImportFileError(path, "is not a text file (it has NUL bytes)")
    return data.decode("utf-8-sig", errors="replace")


def parse_json(text: str, path: Path) -> Any:
    """Parse JSON, or JSON Lines (one document per line, as webhook logs are kept)."""
    try:
        return json.loads(text, parse_float=str)
    except json.JSONDecodeError as error:
        first_error = error
    documents = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            documents.append(json.loads(line, parse_float=str))
        except json.JSONDecodeError as line_error:
            if not documents:
                break  # not JSON Lines either: report the whole-document error
            raise ImportFileError(
                path, f"column {line_error.colno}: not valid JSON: {line_error.msg}", line=number
            ) from None
    else:
        if len(documents) > 1:
            return documents
    raise ImportFileError(
        path,
        f"column {first_error.colno}: not valid JSON: {first_error.msg}",
        line=first_error.lineno,
    )


def read_json(path: Path) -> Any:
    return parse_json(read_text(path), path)
