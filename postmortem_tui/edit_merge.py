"""An edit made in a form, put onto the entry as it is now.

A form shows an entry (or the incident's details) as it was when it opened, and returns the
whole thing. Saved as it is, it would undo whatever another terminal, or the file, changed
meanwhile in the fields this person never touched: a glance at the details form and ctrl+s
put back the old title. So only the fields the form changed are applied, onto the current
version; a form saved with no change changes nothing.

When both changed the same field, the edit saved last stands; :func:`overwritten` says what
it replaced, so the screen can say so and offer the other version back.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from .model.base import Model

M = TypeVar("M", bound=Model)

BOOKKEEPING = frozenset({"id", "created", "updated"})
"""Set by the app, never by a form: not edits."""


def edited_fields(base: BaseModel, mine: BaseModel) -> dict[str, object]:
    """The fields of ``mine`` that differ from ``base``: what the person changed."""
    return {
        name: getattr(mine, name)
        for name in type(mine).model_fields
        if name not in BOOKKEEPING and getattr(mine, name) != getattr(base, name)
    }


def merge_edit(base: M, mine: M, current: M) -> M | None:
    """``current`` with the fields ``mine`` changed from ``base``; None if none changed.

    A field that is itself a model (the incident's impact figures) is merged field by field
    too, so changing the orders affected keeps a revenue figure typed elsewhere.
    """
    changes = edited_fields(base, mine)
    if not changes:
        return None
    for name, value in list(changes.items()):
        was, now = getattr(base, name), getattr(current, name)
        if isinstance(value, Model) and isinstance(was, Model) and isinstance(now, Model):
            merged = merge_edit(was, value, now)
            changes[name] = merged if merged is not None else now
    return current.with_changes(**changes)


def overwritten(base: M, mine: M, current: M) -> dict[str, object]:
    """The fields ``mine`` changed that were also changed meanwhile, to something else, in
    ``current`` (in another terminal): each with the value that saving ``mine`` replaces."""
    return {
        name: getattr(current, name)
        for name, value in edited_fields(base, mine).items()
        if getattr(current, name) != getattr(base, name) and getattr(current, name) != value
    }
