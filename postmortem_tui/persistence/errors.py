"""One-line errors for session files: which file, where in it, and what would be accepted."""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, time
from pathlib import Path
from typing import get_args

from pydantic import BaseModel, ValidationError


class SessionFileError(Exception):
    """A session file that cannot be read, parsed, validated or written.

    ``str()`` is one line fit for a terminal: ``file:line: key.path: what is wrong``.
    """

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


_TOML_POSITION = re.compile(r"^(?P<what>.*?) \(at line (?P<line>\d+), column (?P<col>\d+)\)$")


def toml_syntax_error(path: Path, error: Exception, source: str) -> SessionFileError:
    text = str(error)
    if text.endswith("(at end of document)"):
        what = text.removesuffix("(at end of document)").strip().rstrip(".")
        return SessionFileError(
            path,
            f"not valid TOML: {what} at the end of the file (was it cut short?); "
            "the file was left untouched",
            line=source.count("\n") + (0 if source.endswith("\n") else 1),
        )
    match = _TOML_POSITION.match(text)
    if match:
        what = match["what"].rstrip(".")
        number = int(match["line"])
        lines = source.splitlines()
        said = _said_plainly(what, lines[number - 1] if number <= len(lines) else "")
        return SessionFileError(
            path,
            f"column {match['col']}: {said or 'not valid TOML: ' + what}; "
            "the file was left untouched, fix it by hand or restore a copy",
            line=number,
        )
    return SessionFileError(path, f"not valid TOML ({text}); the file was left untouched")


_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=\s*(\S.*?)\s*(#.*)?$")
_DATE_LIKE = re.compile(r"^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?$")
_TIME_LIKE = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _said_plainly(what: str, line: str) -> str:
    """What tomllib reports at ``line``, said in the file's terms where it is one of the
    common slips: a date or time that does not exist (tomllib reads ``2026-13-45`` as the
    number 2026 followed by junk), or a key given twice. "" for anything else."""
    assignment = _ASSIGNMENT.match(line)
    if assignment is None:
        return ""
    key, value = assignment[1].strip('"'), assignment[2]
    if what == "Cannot overwrite a value":
        return f"{key} is given twice; keep one of them"
    if _DATE_LIKE.match(value):
        from datetime import date, datetime

        try:
            (datetime if len(value) > 10 else date).fromisoformat(value.replace("Z", "+00:00"))
        except ValueError as problem:
            return (
                f"{key} = {value} is not a real date or time ({problem}); "
                "write it like 2026-12-10 or 2026-11-03T14:12:00-05:00"
            )
    if _TIME_LIKE.match(value):
        return f"{key} = {value} is not a real time; write it like 14:12 or 14:12:30"
    return ""


def key_path(loc: tuple[int | str, ...]) -> str:
    """``('action_items', 3, 'deadline')`` -> ``action_items[3].deadline``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part.startswith(("function-", "tagged-union")) or part in ("int", "float", "str"):
            continue
        else:
            text += f".{part}" if text else part
    return text or "(top level)"


_FIELD_HINTS = {
    "time": "a 24-hour time like 14:12 or 14:12:30",
    "currency": "a three-letter currency code like USD",
    "email": "an email address like sam@example.com",
}


def _accepted(error: dict) -> str:
    kind = error["type"]
    field = next((p for p in reversed(error["loc"]) if isinstance(p, str)), "")
    if kind.startswith("date_"):
        return "expected a date like 2026-12-10"
    if kind.startswith("datetime_") or kind.startswith("timezone_"):
        return "expected a date and time like 2026-11-03T14:12:00-05:00"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return "expected one of " + expected.replace("'", '"')
    if kind.startswith("int_"):
        return "expected a whole number"
    if kind.startswith("float_") or kind == "finite_number":
        return "expected a number"
    if kind == "string_type":
        return "expected text in quotes"
    if kind == "string_pattern_mismatch":
        return "expected " + _FIELD_HINTS.get(field, f"text matching {error['ctx']['pattern']}")
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "missing":
        return "is required here"
    if kind == "extra_forbidden":
        return "is not a key this app knows" + _nearest_key(error["loc"])
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "expected a table"
    if kind == "list_type":
        return "expected a list"
    if kind == "bool_type" or kind == "bool_parsing":
        return "expected true or false"
    message = error["msg"]
    return message.removeprefix("Value error, ")


def _nearest_key(loc: tuple[int | str, ...]) -> str:
    """``; did you mean "severity"?``, or the keys accepted where there are few, or "(a typo?)"."""
    keys = _keys_at(tuple(loc[:-1]))
    if not keys:
        return " (a typo?)"
    close = difflib.get_close_matches(str(loc[-1]), keys, n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    if len(keys) <= 12:
        return "; the keys here are " + ", ".join(keys)
    return " (a typo?)"


def _keys_at(loc: tuple[int | str, ...]) -> list[str]:
    """The keys a session accepts in the table at ``loc`` (``("incident",)``), from the model."""
    from ..model import Session

    model: type[BaseModel] = Session
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        inner = _model_in(field.annotation) if field is not None else None
        if inner is None:
            return []
        model = inner
    return list(model.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The model a field holds, itself or in a list or an optional (``list[TimelineEntry]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        if (found := _model_in(argument)) is not None:
            return found
    return None


def _shown(value: object) -> str:
    """The value as the file spells it, and what TOML made of it where that is the problem."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return f"{value.isoformat()} (a date and time)"
    if isinstance(value, date):
        return f"{value.isoformat()} (a date)"
    if isinstance(value, time):
        return f"{value.isoformat()} (a time without quotes)"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_PATH_IN_MESSAGE = re.compile(r"^(?P<path>[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): (?P<rest>.+)$")


def _parsed_path(text: str) -> tuple[int | str, ...]:
    """``timeline[1].id`` -> ``("timeline", 1, "id")``."""
    parts: list[int | str] = []
    for name, index in re.findall(r"([a-z_]+)(?:\[(\d+)\])?", text):
        parts.append(name)
        if index:
            parts.append(int(index))
    return tuple(parts)


def validation_error(path: Path, error: ValidationError, source: str | None) -> SessionFileError:
    errors = error.errors()
    first = errors[0]
    loc = tuple(first["loc"])
    accepted = _accepted(first)
    placed = _PATH_IN_MESSAGE.match(accepted) if not key_path(loc).strip("(") or loc == () else None
    if placed is not None:  # a check of the whole session that names the key it is about
        loc, accepted = _parsed_path(placed["path"]), placed["rest"]
    message = f"{key_path(loc)}: {accepted}" if loc else accepted
    if first["type"] not in ("missing", "extra_forbidden") and "input" in first:
        value = first["input"]
        if not isinstance(value, (dict, list)) and repr(value) not in message:
            message += f", got {_shown(value)}"  # unless our own message named it already
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more)"
    line = locate(source, loc) if source is not None else None
    return SessionFileError(path, message, line=line)


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=")


def locate(source: str, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line in ``source`` of the key at ``loc``, found by reading table headers.

    Covers the shapes this app writes (tables, arrays of tables, ``key = value``); returns
    the closest enclosing header's line when the key itself is not on a line of its own.
    """
    target = [part for part in loc if isinstance(part, int | str)]
    counts: dict[str, int] = {}
    current: list[int | str] = []
    best: tuple[int, int] | None = None  # (matched length, line)
    for number, raw in enumerate(source.splitlines(), start=1):
        header = _HEADER.match(raw)
        if header and best is None and [n.strip().strip('"') for n in header[2].split(".")] == [
            part for part in target if isinstance(part, str)
        ]:
            best = (len(target), number)  # the table's own header, when nothing closer is found
        if header:
            names = [name.strip().strip('"') for name in header[2].split(".")]
            dotted = ".".join(names)
            path: list[int | str] = []
            for depth, name in enumerate(names):
                path.append(name)
                prefix = ".".join(names[: depth + 1])
                if header[1] == "[[" and depth == len(names) - 1:
                    counts[dotted] = counts.get(dotted, -1) + 1
                    for key in list(counts):
                        if key.startswith(dotted + "."):
                            del counts[key]
                if prefix in counts:
                    path.append(counts[prefix])
            current = path
            if target[: len(current)] == current and (best is None or len(current) > best[0]):
                best = (len(current), number)
            continue
        key = _KEY.match(raw)
        if key:
            full = [*current, key[1].strip('"')]
            matched = len(full) if target[: len(full)] == full else 0
            if matched and (best is None or matched > best[0]):
                best = (matched, number)
    return best[1] if best else None
