"""Ids for list entries added to the file by hand without one.

Every instance that reads the file must give such an entry the same id, or each would keep
its own copy under its own random id and the file would end up holding both. The id is
derived from what is in the file: the list the entry sits in, its content, and how many
identical id-less entries came before it in that list (two identical hand-added lines are
two entries). An id already used or tombstoned in the file is skipped, so a hand-added line
that repeats a deleted one does not vanish. An entry without ``created`` is dated at the
file's ``saved_at`` for the same reason: every instance reads the same time.

The store writes the ids back on its next save, so a later hand edit of the entry's text
does not change its id.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

TOP_LISTS = ("participants", "timeline", "went_well", "could_improve", "got_lucky", "action_items")

Document = dict[str, Any]


def _tables(value: Any) -> list[dict[str, Any]]:
    """The tables of an array of tables; anything else is left for validation to report."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _entry_lists(document: Document) -> list[tuple[str, list[dict[str, Any]]]]:
    lists = [(name, _tables(document.get(name))) for name in TOP_LISTS]
    root_cause = document.get("root_cause")
    if isinstance(root_cause, dict):
        lists.append(("root_cause.factors", _tables(root_cause.get("factors"))))
        lists.append(("root_cause.chains", _tables(root_cause.get("chains"))))
    return lists


def _chains(document: Document) -> list[dict[str, Any]]:
    root_cause = document.get("root_cause")
    return _tables(root_cause.get("chains")) if isinstance(root_cause, dict) else []


def _taken(document: Document) -> set[str]:
    taken = {str(stone.get("id")) for stone in _tables(document.get("deleted"))}
    for _, items in _entry_lists(document):
        taken.update(str(item["id"]) for item in items if "id" in item)
    for chain in _chains(document):
        taken.update(str(step["id"]) for step in _tables(chain.get("steps")) if "id" in step)
    return taken


def derived_id(slot: str, entry: dict[str, Any], occurrence: int) -> str:
    text = json.dumps([slot, entry, occurrence], sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _fill(slot: str, items: list[dict[str, Any]], taken: set[str], saved_at: Any) -> int:
    filled = 0
    occurrences: dict[str, int] = {}
    for item in items:
        if "id" in item:
            continue
        content = json.dumps(item, sort_keys=True, default=str, ensure_ascii=True)
        occurrence = occurrences.get(content, 0)
        candidate = derived_id(slot, item, occurrence)
        while candidate in taken:
            occurrence += 1
            candidate = derived_id(slot, item, occurrence)
        occurrences[content] = occurrence + 1
        taken.add(candidate)
        item["id"] = candidate
        if "created" not in item and isinstance(saved_at, datetime) and saved_at.tzinfo:
            item["created"] = saved_at
        filled += 1
    return filled


def fill_missing_ids(document: Document) -> int:
    """Give every id-less entry of ``document`` its derived id (in place); returns how many."""
    taken = _taken(document)
    saved_at = document.get("saved_at")
    filled = 0
    for slot, items in _entry_lists(document):
        filled += _fill(slot, items, taken, saved_at)
    for chain in _chains(document):
        steps = _tables(chain.get("steps"))
        filled += _fill(f"root_cause.chains:{chain.get('id')}", steps, taken, saved_at)
    return filled
