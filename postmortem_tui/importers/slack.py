"""A Slack workspace export: one channel's folder of day files, or one day file.

Slack writes a channel as ``channel/YYYY-MM-DD.json`` (a list of messages) with ``users.json``
at the top of the export. What we do with it:

- ``ts`` is read as the string it is (``"1452837352.000006"``; a float would round it) and
  its whole seconds give the time, converted from UTC to the incident's zone;
- authors and ``<@U123>`` mentions become people's names from ``users.json`` (or the
  message's own ``user_profile``); ``<url|label>`` becomes its label, ``<#C1|chan>`` ``#chan``;
  the first address becomes the entry's link;
- join and leave messages are left out; a bot message's words come from its attachments'
  fallback text; an edited message (``message_changed``) is kept once, as last edited, and a
  deleted one (``message_deleted``) is dropped.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .dating import TimeRules
from .files import ImportFileError, read_json
from .rows import ImportResult, ImportRow, SkippedLine, one_line

DAY_FILE = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
_LEFT_OUT = {"channel_join", "channel_leave", "group_join", "group_leave", "message_replied"}
_ANGLE = re.compile(r"<([^<>]+)>")
_TS = re.compile(r"^\d{1,12}(?:\.\d+)?$")


def users_beside(folder: Path) -> dict[str, str]:
    """People's names by user id, from ``users.json`` in the folder or up to two above it."""
    for place in (folder, folder.parent, folder.parent.parent):
        for name in ("users.json", "org_users.json"):
            path = place / name
            if path.is_file():
                listed = read_json(path)
                return {
                    user["id"]: _person(user)
                    for user in listed
                    if isinstance(user, dict) and isinstance(user.get("id"), str)
                }
    return {}


def _person(user: dict[str, Any]) -> str:
    profile = user.get("profile") if isinstance(user.get("profile"), dict) else {}
    for candidate in (
        profile.get("real_name"),
        user.get("real_name"),
        profile.get("display_name"),
        user.get("name"),
    ):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return str(user.get("id", "someone"))


def readable(text: str, users: dict[str, str]) -> tuple[str, str]:
    """Slack's markup as a reader sees it, and the first linked address (or "")."""
    links: list[str] = []

    def replace(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if target.startswith("@"):
            return "@" + (users.get(target[1:]) or label or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            special = target[1:].split("^")[0]
            if special in ("here", "channel", "everyone"):
                return "@" + special
            return label or "@" + special
        if target.startswith("mailto:"):
            return label or target.removeprefix("mailto:")
        if not links:
            links.append(target)
            return label or target
        return f"{label} ({target})" if label and label != target else target

    shown = _ANGLE.sub(replace, text)
    return html.unescape(shown), (links[0] if links else "")


def _words(message: dict[str, Any], users: dict[str, str]) -> tuple[str, str]:
    text = message.get("text") if isinstance(message.get("text"), str) else ""
    if not text.strip():
        attachments = message.get("attachments")
        attachments = attachments if isinstance(attachments, list) else []
        fallbacks = [
            a.get("fallback") or a.get("text") or a.get("pretext") or ""
            for a in attachments
            if isinstance(a, dict)
        ]
        text = " / ".join(f for f in fallbacks if isinstance(f, str) and f.strip())
    if not text.strip():
        files = [
            f.get("name") or f.get("title")
            for f in (message.get("files") if isinstance(message.get("files"), list) else [])
            if isinstance(f, dict)
        ]
        if files:
            text = "shared " + ", ".join(str(name) for name in files if name)
    return readable(text, users)


def _author(message: dict[str, Any], users: dict[str, str]) -> str:
    user = message.get("user")
    if isinstance(user, str) and user in users:
        return users[user]
    profile = message.get("user_profile")
    if isinstance(profile, dict):
        name = _person(profile | {"id": user or ""})
        if name:
            return name
    bot = message.get("bot_profile") if isinstance(message.get("bot_profile"), dict) else {}
    for candidate in (message.get("username"), bot.get("name"), user):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
    return ""


def _messages(count: int) -> str:
    return f"{count} message{'' if count == 1 else 's'}"


def day_files(path: Path) -> list[Path]:
    """The day files to read for ``path`` (a day file, or a channel folder)."""
    if path.is_file():
        return [path]
    days = sorted(p for p in path.iterdir() if DAY_FILE.match(p.name))
    if days:
        return days
    channels = path / "channels.json"
    if channels.is_file():
        names = [str(c.get("name")) for c in read_json(channels) if isinstance(c, dict)]
        present = [name for name in names if (path / name).is_dir()] or names
        raise ImportFileError(
            path,
            "is a whole Slack export; import one channel's folder: "
            + ", ".join(str(path / name) for name in present[:5]),
        )
    raise ImportFileError(path, "has no Slack day files (YYYY-MM-DD.json)")


def read_slack(path: Path, rules: TimeRules) -> ImportResult:
    """Read a Slack channel folder or day file. Nothing is invented for a message that cannot
    be read: it is reported as skipped with its file and position."""
    files = day_files(path)
    users = users_beside(files[0].parent)
    messages: dict[str, tuple[ImportRow, int]] = {}
    skipped: list[SkippedLine] = []
    left_out = edited = deleted = 0
    order = 0
    for day in files:
        try:
            listed = read_json(day)
            if not isinstance(listed, list):
                raise ImportFileError(day, "is not a Slack day file (a JSON list of messages)")
        except ImportFileError as error:
            if len(files) == 1:
                raise
            # One bad day file in a channel: the other days are still imported.
            reason = f"the whole day file was skipped: {error.message}"
            skipped.append(SkippedLine(error.line, reason, origin=day.name))
            continue
        for number, message in enumerate(listed, start=1):
            order += 1

            def skip(reason: str, number: int = number, day: Path = day) -> None:
                skipped.append(SkippedLine(None, reason, record=number, origin=day.name))

            if not isinstance(message, dict):
                skip("not a message")
                continue
            subtype = message.get("subtype") if isinstance(message.get("subtype"), str) else ""
            if subtype in _LEFT_OUT:
                left_out += 1
                continue
            if subtype == "message_deleted":
                if messages.pop(str(message.get("deleted_ts")), None) is not None:
                    deleted += 1
                continue
            if subtype == "message_changed" and isinstance(message.get("message"), dict):
                message = message["message"]
                edited += 1
            ts = message.get("ts")
            ts = str(ts) if isinstance(ts, int) and not isinstance(ts, bool) else ts
            if not isinstance(ts, str) or not _TS.match(ts):
                skip(f"no readable ts ({ts!r})")
                continue
            words, link = _words(message, users)
            words = one_line(words)
            if not words:
                skip("a message with no text")
                continue
            author = _author(message, users)
            when = datetime.fromtimestamp(int(ts.split(".")[0]), timezone.utc)
            row = ImportRow(
                when=when.astimezone(rules.target),
                text=f"{author}: {words}" if author else words,
                source="chat",
                link=link,
                seconds=True,
                record=number,
                origin=day.name,
            )
            first = messages.get(ts, (row, order))[1]
            messages[ts] = (row, first)
    rows = tuple(row for row, _ in sorted(messages.values(), key=lambda pair: pair[1]))
    notes = []
    if left_out:
        notes.append(f"{_messages(left_out)} joining or leaving the channel left out")
    if edited:
        notes.append(f"{_messages(edited)} edited: kept once, as last edited")
    if deleted:
        notes.append(f"{_messages(deleted)} deleted: left out")
    if not users:
        notes.append("no users.json found beside the export: people show as user ids")
    where = f"Slack channel {files[0].parent.name}" if path.is_dir() else "Slack day file"
    count = f"{len(files)} day file{'s' if len(files) != 1 else ''}"
    return ImportResult(
        format="slack",
        description=f"{where}, {count}" if path.is_dir() else where,
        rows=rows,
        skipped=tuple(skipped),
        notes=tuple(notes),
    )
