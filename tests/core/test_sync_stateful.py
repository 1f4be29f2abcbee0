"""Two or three instances on one file doing anything in any order end with one session.

A hypothesis state machine drives stores on one file with interleaved adds, edits, deletes,
clock actions, saves, polls and the passing of time. It checks, after every step, that the
stores would converge (the merge of all of them and the file is the same in any order) and
that no acknowledged addition (saved, not deleted) is lost; and, whenever all of them sync
(save, then poll, each), that they hold the same session as the file, the later edit of
each entry won, and every countdown shows the same time.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from postmortem_tui.clock import FakeClock
from postmortem_tui.model import (
    ActionItem,
    Note,
    Session,
    TimelineEntry,
    WhyChain,
    WhyStep,
)
from postmortem_tui.persistence import create, load
from postmortem_tui.sync import SessionStore, merge

texts = st.text(alphabet="abc xyz", max_size=6)
who = st.integers(0, 2)
pick = st.integers(0, 10**6)
kinds = st.sampled_from(["went_well", "timeline", "action_items", "step"])

EDITABLE = {
    Note: "text",
    TimelineEntry: "text",
    ActionItem: "what",
    WhyStep: "why",
    WhyChain: "title",
}


class SharedSession(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="sync-machine-"))
        self.path = self.folder / "session.toml"
        self.clock = FakeClock()
        first = Session()
        first.root_cause.chains = [WhyChain(title="why", created=self.clock.now())]
        create(first, self.path)
        self.stores: list[SessionStore] = []
        self.unsaved: list[set[str]] = []
        self.acknowledged: set[str] = set()
        self.deleted: set[str] = set()
        self.chain_of: dict[str, str] = {}
        self.edits: dict[str, list[tuple[datetime, str]]] = {}
        self.titles: list[tuple[datetime, str]] = []
        self.clock_times: list[datetime] = []

    @initialize(count=st.integers(2, 3))
    def open_instances(self, count: int) -> None:
        for _ in range(count):
            self.stores.append(SessionStore(self.path, self.clock))
            self.unsaved.append(set())

    def store(self, index: int) -> tuple[int, SessionStore]:
        index %= len(self.stores)
        return index, self.stores[index]

    @staticmethod
    def editable(session: Session) -> list:
        return [entry for _, entry in session.entries() if type(entry) in EDITABLE]

    # Actions

    @rule(index=who, kind=kinds, text=texts)
    def add(self, index: int, kind: str, text: str) -> None:
        number, store = self.store(index)
        now = self.clock.now()
        if kind == "went_well":
            entry = Note(text=text, created=now)
        elif kind == "timeline":
            entry = TimelineEntry(time=f"14:{len(text):02d}", text=text, created=now)
        elif kind == "action_items":
            entry = ActionItem(what=text, created=now)
        else:
            entry = WhyStep(why=text, created=now)

        def edit(session: Session) -> None:
            if kind != "step":
                getattr(session, kind).append(entry)
            elif session.root_cause.chains:
                chain = session.root_cause.chains[-1]
                chain.steps.append(entry)
                self.chain_of[entry.id] = chain.id
            else:
                session.root_cause.chains.append(WhyChain(title=text, created=now, steps=[entry]))
                self.chain_of[entry.id] = session.root_cause.chains[-1].id

        store.mutate(edit)
        self.unsaved[number].add(entry.id)
        self.edits[entry.id] = [(entry.updated, getattr(entry, EDITABLE[type(entry)]))]

    @rule(index=who, choice=pick, text=texts)
    def edit(self, index: int, choice: int, text: str) -> None:
        _, store = self.store(index)
        entries = self.editable(store.session)
        if not entries:
            return
        target = entries[choice % len(entries)]
        field = EDITABLE[type(target)]

        def change(session: Session) -> None:
            entry = next(e for _, e in session.entries() if e.id == target.id)
            setattr(entry, field, text)

        store.mutate(change)
        after = next((e for _, e in store.session.entries() if e.id == target.id), None)
        if after is not None and text != getattr(target, field):
            self.edits.setdefault(target.id, []).append((after.updated, text))

    @rule(index=who, choice=pick)
    def delete(self, index: int, choice: int) -> None:
        _, store = self.store(index)
        entries = self.editable(store.session)
        if not entries:
            return
        target = entries[choice % len(entries)]

        def remove(session: Session) -> None:
            for _, entry in session.entries():
                if entry.id == target.id:
                    break
            lists = [
                session.went_well,
                session.timeline,
                session.action_items,
                session.root_cause.chains,
                *(chain.steps for chain in session.root_cause.chains),
            ]
            for items in lists:
                items[:] = [item for item in items if item.id != target.id]

        store.mutate(remove)
        self.deleted.add(target.id)

    @rule(index=who, title=texts)
    def retitle_incident(self, index: int, title: str) -> None:
        _, store = self.store(index)
        if store.session.incident.title == title:
            return
        store.mutate(lambda s: setattr(s.incident, "title", title))
        self.titles.append((store.session.incident.updated, title))

    @rule(
        index=who,
        action=st.sampled_from(["toggle", "next", "previous", "extend", "shorten"]),
    )
    def clock_action(self, index: int, action: str) -> None:
        _, store = self.store(index)
        operations = {
            "toggle": lambda c: c.toggle(),
            "next": lambda c: c.next(),
            "previous": lambda c: c.previous(),
            "extend": lambda c: c.extend(1),
            "shorten": lambda c: c.extend(-1),
        }
        before = store.session.agenda
        store.clock_action(operations[action])
        if store.session.agenda is not before:
            self.clock_times.append(store.session.agenda.updated)

    @rule(index=who)
    def save(self, index: int) -> None:
        number, store = self.store(index)
        assert store.save(), store.status().problem
        self.acknowledged |= self.unsaved[number]
        self.unsaved[number].clear()

    @rule(index=who)
    def poll(self, index: int) -> None:
        _, store = self.store(index)
        store.poll()
        assert store.status().problem is None

    @rule(seconds=st.sampled_from([0.0, 0.000001, 0.5, 30.0]))
    def time_passes(self, seconds: float) -> None:
        self.clock.advance(seconds)

    # Checks

    def must_survive(self) -> set[str]:
        gone_with_chain = {step for step, chain in self.chain_of.items() if chain in self.deleted}
        return self.acknowledged - self.deleted - gone_with_chain

    @invariant()
    def would_converge_whatever_the_order(self) -> None:
        if not self.stores:
            return
        disk = load(self.path)
        sessions = [store.session for store in self.stores]
        forwards = merge(disk, *sessions)
        assert forwards == merge(*reversed(sessions), disk)
        ids = {entry.id for _, entry in forwards.entries()}
        assert self.must_survive() <= ids
        assert not ids & self.deleted

    @precondition(lambda self: bool(self.stores))
    @rule()
    def everyone_syncs(self) -> None:
        for number, store in enumerate(self.stores):
            assert store.save(), store.status().problem
            self.acknowledged |= self.unsaved[number]
            self.unsaved[number].clear()
        for store in self.stores:
            store.poll()
        on_disk = merge(load(self.path))
        for store in self.stores:
            assert store.session == on_disk
            assert not store.status().dirty
        entries = {entry.id: entry for _, entry in on_disk.entries()}
        assert self.must_survive() <= entries.keys()
        for id_, history in self.edits.items():
            if id_ in entries:
                latest = max(moment for moment, _ in history)
                expected = {text for moment, text in history if moment == latest}
                entry = entries[id_]
                assert getattr(entry, EDITABLE[type(entry)]) in expected
        if self.titles:
            latest = max(moment for moment, _ in self.titles)
            assert on_disk.incident.title in {t for moment, t in self.titles if moment == latest}
        if self.clock_times:
            assert on_disk.agenda.updated == max(self.clock_times)
        remaining = {store.agenda_clock.remaining() for store in self.stores}
        assert len(remaining) == 1

    def teardown(self) -> None:
        if self.stores:
            self.everyone_syncs()
        shutil.rmtree(self.folder, ignore_errors=True)


SharedSession.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestSharedSession = SharedSession.TestCase
