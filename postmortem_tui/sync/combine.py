"""Two versions of one part that both changed since the base, combined field by field.

Two terminals edit different fields of one action item within a second (the owner in one,
the deadline in the other); neither has read the other's save. Taking the whole version
with the later ``updated`` would silently drop the other field. With the base (the file as
this instance last saw it) the rule is three-way, per field: a field one side left as in
the base takes the other side's value; a field both changed to different values goes to
the later version (``updated``, then the same content hash ``merge`` uses for equal times).
A field that is itself a model (the incident's impact figures) is combined the same way;
lists (marks, roles, services) count as one value.

A side whose fields are all as in the base again, with a later time (a change undone), did
edit the part, but which fields it touched is not known. There, and when the combination
is not valid (the incident would end before it starts), the later version is taken whole,
as ``merge`` would. A new combined version gets the later of the two times, or a
microsecond past the file's if that is the later, so ``merge`` prefers it to the file's
version. Reusing this side's time is safe: a version that differs from the base has not
been written yet, so no other copy carries that time.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from ..model import Entry
from .merge import OLDEST, digest, own_fields
from .stamp import later

UNSET = object()


def _fields(mine: Any, base: Any, theirs: Any, mine_wins: bool, skip: set[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in own_fields(mine).items():
        if key in skip:
            continue
        was, other = base.__dict__.get(key, UNSET), theirs.__dict__.get(key, UNSET)
        if other is UNSET or value == other or other == was:
            out[key] = value
        elif value == was:
            out[key] = other
        elif (
            isinstance(value, BaseModel)
            and not isinstance(value, Entry)
            and type(value) is type(was) is type(other)
        ):
            inner = _fields(value, was, other, mine_wins, set())
            out[key] = value if inner == value.__dict__ else value.model_copy(update=inner)
        else:
            out[key] = value if mine_wins else other
    return out


def combine(mine: Any, base: Any, theirs: Any, *context: str) -> Any:
    """``mine`` and ``theirs`` (both changed since ``base``) combined field by field.

    Returns the later of ``mine`` and ``theirs`` itself when the result is that one (then
    ``merge`` picks it anyway), else a new version. ``context`` (an entry's slot) goes into
    the tie-break hash, as in ``merge``.
    """
    time_mine, time_theirs = mine.updated or OLDEST, theirs.updated or OLDEST
    if time_mine != time_theirs:
        mine_wins = time_mine > time_theirs
    else:
        mine_wins = digest(mine, *context) >= digest(theirs, *context)
    later_one = mine if mine_wins else theirs
    content = own_fields(base, ("updated",))
    if own_fields(mine, ("updated",)) == content or own_fields(theirs, ("updated",)) == content:
        return later_one
    fields = _fields(mine, base, theirs, mine_wins, {"updated"})
    if fields == own_fields(later_one, ("updated",)):
        return later_one
    # Otherwise a new version, even if it reads like the earlier one: it keeps the later time.
    combined = mine.model_copy(update={**fields, "updated": later(time_mine, time_theirs)})
    try:
        type(combined).model_validate(combined.model_dump())
    except ValidationError:
        return later_one
    return combined
