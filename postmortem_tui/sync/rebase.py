"""The three-way rule: a part this instance did not change gives way to the file's version.

``merge`` alone decides between two versions of an entry by ``updated``, and equal times by
a hash. A hand edit of the file (``sed`` on the text, ``updated`` left as it was) then loses
to an instance's unchanged copy about half the time. So before merging, the store compares
its session with the *base*: the file as it last read or wrote it. A part (entry, section,
root-cause statement) that is still as in the base, while the file has a different version
of it, is taken from the file whatever its time. Only parts that both sides changed are
left to ``merge`` (later ``updated`` wins, then the hash).

One exception keeps notes safe: a file version with an *older* ``updated`` than the base's
is an older copy of the entry (a stale editor buffer saved over the file, a restored
backup), not an edit, so it is left to ``merge`` and the newer version stays. Likewise an
entry missing from the file without a tombstone is kept (a stale copy cannot delete notes);
delete entries in the app, which leaves a tombstone.
"""

from __future__ import annotations

from typing import Any

from ..model import Session
from .merge import CHAINS, OLDEST, TOP_LISTS, own_fields, slotted_entries

SECTIONS = ("incident", "meeting", "criteria")


def _same(a: tuple[str, Any], b: tuple[str, Any]) -> bool:
    (slot_a, one), (slot_b, other) = a, b
    if one is other:
        return slot_a == slot_b
    return slot_a == slot_b and type(one) is type(other) and own_fields(one) == own_fields(other)


def _file_wins(mine: Any, base: Any, theirs: Any, skip: tuple[str, ...] = ()) -> bool:
    """``mine`` is unchanged since ``base`` and the file has another, not older, version."""
    if base is None or theirs is None:
        return False
    if mine is not base and own_fields(mine, skip) != own_fields(base, skip):
        return False
    if own_fields(theirs, skip) == own_fields(base, skip):
        return False
    return (theirs.updated or OLDEST) >= (base.updated or OLDEST)


def rebase(local: Session, base: Session | None, disk: Session) -> Session:
    """``local`` with every part it left unchanged since ``base`` replaced by ``disk``'s
    version where the file changed it; merge the result with ``disk`` to combine them.

    Entries that give way are dropped from the copy (``merge`` then takes the file's, in
    the file's list); a chain that gives way takes the file's fields and keeps its steps,
    which are decided one by one. ``local`` is returned unchanged when nothing gives way.
    """
    if base is None or base is disk:
        return local
    before = {entry.id: (slot, entry) for slot, entry in slotted_entries(base)}
    theirs = {entry.id: (slot, entry) for slot, entry in slotted_entries(disk)}
    stale: dict[str, Any] = {}
    for slot, entry in slotted_entries(local):
        old, new = before.get(entry.id), theirs.get(entry.id)
        if old is None or new is None or not _same((slot, entry), old) or _same(new, old):
            continue
        if new[0] != slot and slot == CHAINS:
            continue  # a chain turned into something else: too odd to guess, merge decides
        if (new[1].updated or OLDEST) >= (old[1].updated or OLDEST):
            stale[entry.id] = new[1]

    changes: dict[str, Any] = {}
    for name in SECTIONS:
        if _file_wins(getattr(local, name), getattr(base, name), getattr(disk, name)):
            changes[name] = getattr(disk, name)
    if _file_wins(local.agenda, base.agenda, disk.agenda, skip=("last_seen",)):
        changes["agenda"] = disk.agenda.model_copy(update={"last_seen": local.agenda.last_seen})
    statement = ("chains", "factors")
    root_cause = local.root_cause
    if _file_wins(root_cause, base.root_cause, disk.root_cause, skip=statement):
        root_cause = root_cause.model_copy(
            update={"statement": disk.root_cause.statement, "updated": disk.root_cause.updated}
        )
    if not stale and not changes and root_cause is local.root_cause:
        return local

    def kept(entries: list) -> list:
        return [entry for entry in entries if entry.id not in stale]

    for name in TOP_LISTS:
        entries = getattr(local, name)
        if any(entry.id in stale for entry in entries):
            changes[name] = kept(entries)
    chains = []
    for chain in local.root_cause.chains:
        steps = kept(chain.steps)
        if chain.id in stale:
            chains.append(stale[chain.id].model_copy(update={"steps": steps}))
        elif len(steps) != len(chain.steps):
            chains.append(chain.model_copy(update={"steps": steps}))
        else:
            chains.append(chain)
    changes["root_cause"] = root_cause.model_copy(
        update={"chains": chains, "factors": kept(local.root_cause.factors)}
    )
    return local.model_copy(update=changes)

