"""The three-way rule: a part this instance did not change gives way to the file's version.

``merge`` alone decides between two versions of an entry by ``updated``, and equal times by
a hash. A hand edit of the file (``sed`` on the text, ``updated`` left as it was) then loses
to an instance's unchanged copy about half the time. So before merging, the store compares
its session with the *base*: the file as it last read or wrote it. A part (entry, section,
root-cause statement) that is still as in the base, while the file has a different version
of it, is taken from the file whatever its time. A part that both sides changed is combined
field by field (``combine.py``): each side keeps the fields only it changed, and a field
both changed goes to the later ``updated`` (then the hash). The agenda is one clock and is
never combined: the later version wins whole.

One exception keeps notes safe: a file version with an *older* ``updated`` than the base's
is an older copy of the entry (a stale editor buffer saved over the file, a restored
backup), not an edit, so it is left to ``merge`` and the newer version stays. Likewise an
entry missing from the file without a tombstone is kept (a stale copy cannot delete notes);
delete entries in the app, which leaves a tombstone.
"""

from __future__ import annotations

from typing import Any

from ..model import Session
from .combine import combine
from .merge import CHAINS, OLDEST, TOP_LISTS, own_fields, slotted_entries

SECTIONS = ("incident", "meeting", "criteria")


def _same(a: tuple[str, Any], b: tuple[str, Any]) -> bool:
    (slot_a, one), (slot_b, other) = a, b
    if one is other:
        return slot_a == slot_b
    return slot_a == slot_b and type(one) is type(other) and own_fields(one) == own_fields(other)


def _not_older(theirs: Any, base: Any) -> bool:
    return (theirs.updated or OLDEST) >= (base.updated or OLDEST)


def _unchanged(mine: Any, base: Any, skip: tuple[str, ...] = ()) -> bool:
    return mine is base or own_fields(mine, skip) == own_fields(base, skip)


def _section(
    mine: Any, base: Any, theirs: Any, skip: tuple[str, ...] = (), whole: bool = False
) -> Any:
    """The version of a section to merge with the file's: ``theirs`` if ``mine`` is as in
    the base (and ``theirs`` not older), both combined if both changed (unless ``whole``),
    else ``mine``."""
    if base is None or theirs is None or _unchanged(theirs, base, skip):
        return mine
    if not _not_older(theirs, base):
        return mine  # an older copy, not an edit: merge keeps the newer version
    if _unchanged(mine, base, skip):
        return theirs
    if whole or _unchanged(mine, theirs) or not _not_older(mine, base):
        return mine
    return combine(mine, base, theirs)


def rebase(local: Session, base: Session | None, disk: Session) -> Session:
    """``local`` with every part it left unchanged since ``base`` replaced by ``disk``'s
    version where the file changed it, and every part both changed combined field by field;
    merge the result with ``disk`` to combine them.

    Entries that give way are dropped from the copy (``merge`` then takes the file's, in
    the file's list); a chain that gives way or is combined takes those fields and keeps
    its steps, which are decided one by one. ``local`` is returned unchanged when nothing
    gives way.
    """
    if base is None or base is disk:
        return local
    before = {entry.id: (slot, entry) for slot, entry in slotted_entries(base)}
    theirs = {entry.id: (slot, entry) for slot, entry in slotted_entries(disk)}
    stale: dict[str, Any] = {}
    combined: dict[str, Any] = {}
    for slot, entry in slotted_entries(local):
        old, new = before.get(entry.id), theirs.get(entry.id)
        if old is None or new is None or _same(new, old):
            continue
        if (new[1].updated or OLDEST) < (old[1].updated or OLDEST):
            continue  # an older copy, not an edit: merge keeps the newer version
        if _same((slot, entry), old):
            if new[0] != slot and slot == CHAINS:
                continue  # a chain turned into something else: too odd to guess, merge decides
            stale[entry.id] = new[1]
        elif (
            new[0] == old[0] == slot
            and type(entry) is type(new[1]) is type(old[1])
            and entry.updated >= old[1].updated
            and not _same((slot, entry), new)
        ):
            both = combine(entry, old[1], new[1], slot)
            if both is new[1]:
                stale[entry.id] = both
            elif both is not entry:
                combined[entry.id] = both

    changes: dict[str, Any] = {}
    for name in SECTIONS:
        mine = getattr(local, name)
        version = _section(mine, getattr(base, name), getattr(disk, name))
        if version is not mine:
            changes[name] = version
    skip = ("last_seen",)
    if _section(local.agenda, base.agenda, disk.agenda, skip, whole=True) is disk.agenda:
        changes["agenda"] = disk.agenda.model_copy(update={"last_seen": local.agenda.last_seen})
    statement = ("chains", "factors")
    root_cause = local.root_cause
    if _section(root_cause, base.root_cause, disk.root_cause, statement, True) is disk.root_cause:
        root_cause = root_cause.model_copy(
            update={"statement": disk.root_cause.statement, "updated": disk.root_cause.updated}
        )
    if not stale and not combined and not changes and root_cause is local.root_cause:
        return local

    def kept(entries: list) -> list:
        return [combined.get(entry.id, entry) for entry in entries if entry.id not in stale]

    for name in TOP_LISTS:
        entries = getattr(local, name)
        if any(entry.id in stale or entry.id in combined for entry in entries):
            changes[name] = kept(entries)
    chains = []
    for chain in local.root_cause.chains:
        steps = kept(chain.steps)
        version = stale.get(chain.id, combined.get(chain.id))
        if version is not None:
            chains.append(version.model_copy(update={"steps": steps}))
        elif steps != chain.steps:
            chains.append(chain.model_copy(update={"steps": steps}))
        else:
            chains.append(chain)
    changes["root_cause"] = root_cause.model_copy(
        update={"chains": chains, "factors": kept(local.root_cause.factors)}
    )
    return local.model_copy(update=changes)
