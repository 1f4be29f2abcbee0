"""Blameless-language hints: phrasing that points at a person instead of the system.

Cheap enough to run on every keystroke (a few precompiled patterns over one entry). Two kinds
of rule:

* phrases that are about people whatever the sentence ("human error", "careless", "be more
  careful", "who deployed", "obviously", "forgot to");
* failure phrases that a system can also be the subject of ("failed to", "should have",
  "ignored", "broke"): these are hints only when the **subject is a person**.

The subject rule: the clause before the verb is the text since the last clause break
(punctuation, or a word such as "because", "and", "but", "that", "which"). Its subject is a
person when it holds, not after a preposition and not as a possessive, a person pronoun
(I, we, you, he, she, they, someone, nobody, who...), a role noun (engineer, on-call,
reviewer, the new hire, team...) or a participant's first, last or full name. Anything else
(the deploy, the job, it, migration 0142) is the system, and no hint is given. "They" with a
non-person antecedent earlier in the same sentence is read as the system. After "and",
"but" or "then" with nothing before the verb, the subject of the previous clause is used.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import Participant, Session
from . import blameless_words as w
from .hint import Finding, Hint

_WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
_BREAK = re.compile(rf"[.;:!?()\[\]\n\"“”—–]|,|\s-\s|\b(?:{w.CLAUSE_BREAKS})\b", re.I)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{pattern})(?![\w'’-])", re.I)


_HUMAN_ERROR = _compile(w.HUMAN_ERROR)
_JUDGEMENT = _compile(w.JUDGEMENT)
_TECHNICAL_LAZY = re.compile(rf"\b{w.TECHNICAL_LAZY}|\blazily\b", re.I)
_BLAME = _compile(w.BLAME)
_FAULT_OWNER = _compile(w.FAULT_OWNER)
_AT_FAULT = _compile(r"at\s+fault")
_FAULT_OF = re.compile(r"\bfault\s+of\s+", re.I)
_RESPONSIBLE = _compile(w.RESPONSIBLE)
_BE_CAREFUL = _compile(w.BE_CAREFUL)
_WHO = re.compile(
    rf"\bwho(?:'s|’s|\s+(?:is|was|had|has))?\s+(?:actually\s+|really\s+|just\s+)?"
    rf"(?:{w.WHO_QUESTION_VERBS})(?![\w'’-])",
    re.I,
)
_WHOSE = _compile(w.WHOSE)
_WHY_YOU = re.compile(
    r"\bwhy\s+(?:didn't|didn’t|did\s+not|did|wouldn't|couldn't|haven't|hadn't|weren't|"
    r"wasn't|would|on\s+earth\s+did)\s+(?P<who>[^\W_][\w'’-]*)",
    re.I,
)
_WHAT_THINKING = _compile(r"what\s+were\s+(?:you|they|he|she)\s+thinking")
_QUESTION_LEADS = re.compile(rf"(?:^|\b(?:{w.QUESTION_LEADS}))\s*$", re.I)
_CONDESCENSION = _compile(w.CONDESCENSION)
_ALWAYS_HUMAN = _compile(w.ALWAYS_HUMAN_FAILURE)
_PERSON_FAILURE = _compile(w.PERSON_FAILURE)
_COUNTERFACTUAL = _compile(w.COUNTERFACTUAL)
_IF_HAD = re.compile(
    r"\bif\s+(?:only\s+)?(?P<who>[^\W_][\w'’-]*(?:\s+[^\W_][\w'’-]*)?)\s+had\b", re.I
)
_IF_ONLY = _compile(r"if\s+only")
_CAUSAL = _compile(w.CAUSAL)
_CAUSED_BY = _compile(w.CAUSED_BY)
_POSSESSIVE_MISTAKE = re.compile(
    rf"(?P<who>[^\W_][\w-]*)(?:'s|’s)\s+(?:[^\W_][\w-]*\s+)?(?P<noun>{w.MISTAKE_NOUNS})(?![\w'’-])",
    re.I,
)
_POSSESSIVE_FAILURE = re.compile(
    rf"(?P<who>[^\W_][\w-]*)(?:'s|’s)\s+(?:[^\W_][\w-]*\s+){{0,2}}"
    rf"(?:{w.FAILURE_AFTER_POSSESSIVE})(?![\w'’-])",
    re.I,
)
_PRECEDENCE = {name: index for index, name in enumerate(w.RULES)}
_COLLECTIVE = frozenset("team teams people staff folks humans human guys".split())


@dataclass(frozen=True, slots=True)
class _Token:
    word: str
    lower: str
    start: int
    end: int
    possessive: bool


@dataclass(frozen=True)
class Names:
    """Participants' names, split into words, as the subject rule matches them."""

    folded: frozenset[str]
    exact: frozenset[str]

    def match(self, word: str) -> bool:
        word = word.lstrip("@")
        return word in self.exact or word.casefold() in self.folded


@lru_cache(maxsize=64)
def names_of(people: tuple[str, ...]) -> Names:
    """First, last and other name words of ``people`` (cached: the list rarely changes)."""
    folded, exact = set(), set()
    for person in people:
        for word in _WORD.findall(person):
            if len(word) < 2:
                continue
            if word.casefold() in w.COMMON_WORD_NAMES:
                exact.add(word)  # "Will", "Grant": only when capitalised
            else:
                folded.add(word.casefold())
    return Names(frozenset(folded), frozenset(exact))


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Token]:
    tokens = []
    for match in _WORD.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        possessive = word.lower().endswith(("'s", "’s")) and len(word) > 2
        base = word[:-2] if possessive else word
        tokens.append(_Token(base, base.lower(), match.start(), match.end(), possessive))
    merged: list[_Token] = []
    for token in tokens:  # "no one" is one person word
        if token.lower == "one" and merged and merged[-1].lower == "no":
            first = merged.pop()
            token = _Token("noone", "noone", first.start, token.end, token.possessive)
        merged.append(token)
    return merged


class _Reader:
    """One text and the participants' names; answers "is this a person?" questions."""

    def __init__(self, text: str, names: Names) -> None:
        self.text = text
        self.names = names
        # Found once per text, so that long pasted texts stay linear.
        breaks = [(m.end(), m.group().lower()) for m in _BREAK.finditer(text)]
        self._break_ends = [end for end, _ in breaks]
        self._break_words = [word for _, word in breaks]
        self._sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def is_person(self, token: _Token, pronouns: bool = True, collective: bool = True) -> bool:
        if token.lower in w.PERSON_PRONOUNS:
            return pronouns
        if token.lower in _COLLECTIVE:
            return collective
        return token.lower in w.ROLE_NOUNS or self.names.match(token.word)

    def clause_start(self, position: int) -> tuple[int, str]:
        """Where the clause ending at ``position`` starts, and the break word before it."""
        index = bisect_right(self._break_ends, position) - 1
        if index < 0:
            return 0, ""
        return self._break_ends[index], self._break_words[index]

    def person_in(self, tokens: list[_Token]) -> _Token | None:
        """The person acting as the subject among a clause's words, if any."""
        for index, token in enumerate(tokens):
            if token.possessive or not self.is_person(token):
                continue
            before = index - 1
            while before >= 0 and tokens[before].lower in w.DETERMINERS:
                before -= 1
            if before >= 0 and tokens[before].lower in w.PREPOSITIONS:
                continue
            if token.lower == "they" and self._they_is_a_thing(token.start):
                continue
            return token
        return None

    def _they_is_a_thing(self, position: int) -> bool:
        index = bisect_right(self._sentence_ends, position) - 1
        earlier = _tokens(self.text, self._sentence_ends[index] if index >= 0 else 0, position)
        return bool(earlier) and not any(self.is_person(t) for t in earlier if not t.possessive)

    def person_subject(self, position: int) -> _Token | None:
        """The person who is the subject of the verb at ``position``, or None (a system)."""
        while True:
            start, word = self.clause_start(position)
            tokens = _tokens(self.text, start, position)
            while tokens and tokens[-1].lower in w.ADVERBS:
                tokens.pop()
            if tokens:
                return self.person_in(tokens)
            if word not in w.ELIDING_BREAKS or start == 0:
                return None
            # "Sam ran it and then forgot to ...": the subject of the clause before.
            position = start - len(word)

    def negated(self, position: int) -> bool:
        before = re.findall(r"[\w'’]+", self.text[max(0, position - 40) : position].lower())
        return any(word.replace("’", "'") in w.NEGATORS for word in before[-3:])

    def object_person(
        self, position: int, pronouns: bool, collective: bool = False
    ) -> _Token | None:
        """The person right after ``position`` (after "because", "caused by"), if one."""
        for token in _tokens(self.text, position, min(len(self.text), position + 80)):
            if token.lower in w.DETERMINERS:
                continue
            if self.is_person(token, pronouns=pronouns, collective=collective):
                return token
            return None
        return None


def _hint(rule: str, start: int, end: int) -> Hint:
    info = w.RULES[rule]
    return Hint(f"blameless.{rule}", info.message, info.question, start, end)


def _always(reader: _Reader) -> Iterator[Hint]:
    text = reader.text
    for rule, pattern in (
        ("human-error", _HUMAN_ERROR),
        ("be-careful", _BE_CAREFUL),
        ("condescension", _CONDESCENSION),
        ("who-question", _WHOSE),
        ("who-question", _WHAT_THINKING),
        ("counterfactual", _IF_ONLY),
    ):
        for match in pattern.finditer(text):
            yield _hint(rule, match.start(), match.end())
    technical = [m.span() for m in _TECHNICAL_LAZY.finditer(text)]
    for match in _JUDGEMENT.finditer(text):
        if not any(s <= match.start() < e for s, e in technical):
            yield _hint("judgement", match.start(), match.end())
    for match in _ALWAYS_HUMAN.finditer(text):
        subject = reader.person_subject(match.start())
        yield _hint("person-failure", subject.start if subject else match.start(), match.end())


def _blame(reader: _Reader) -> Iterator[Hint]:
    text = reader.text
    for pattern in (_BLAME, _FAULT_OWNER, _AT_FAULT):
        for match in pattern.finditer(text):
            if not reader.negated(match.start()):
                yield _hint("blame", match.start(), match.end())
    for match in _FAULT_OF.finditer(text):
        who = reader.object_person(match.end(), pronouns=True, collective=True)
        if who is not None and not reader.negated(match.start()):
            yield _hint("blame", match.start(), who.end)
    for match in _RESPONSIBLE.finditer(text):
        subject = reader.person_subject(match.start())
        if subject is not None and not reader.negated(match.start()):
            yield _hint("blame", subject.start, match.end())


def _questions(reader: _Reader) -> Iterator[Hint]:
    text = reader.text
    for match in _WHO.finditer(text):
        before = text[: match.start()].rstrip()
        if not before or before[-1] in ".!?;:(\n\"“—" or _QUESTION_LEADS.search(before):
            yield _hint("who-question", match.start(), match.end())
    for match in _WHY_YOU.finditer(text):
        who = _tokens(text, match.start("who"), match.end("who"))
        if who and (who[0].lower in {"you", "he", "she", "they"} or reader.names.match(who[0].word)):
            yield _hint("who-question", match.start(), match.end())


def _subject_rules(reader: _Reader) -> Iterator[Hint]:
    text = reader.text
    for rule, pattern in (("counterfactual", _COUNTERFACTUAL), ("person-failure", _PERSON_FAILURE)):
        for match in pattern.finditer(text):
            subject = reader.person_subject(match.start())
            if subject is not None:
                yield _hint(rule, subject.start, match.end())
    for match in _IF_HAD.finditer(text):
        who = reader.person_in(_tokens(text, match.start("who"), match.end("who")))
        if who is not None:
            yield _hint("counterfactual", match.start(), match.end())


def _named_causes(reader: _Reader) -> Iterator[Hint]:
    text = reader.text
    for pattern in (_CAUSAL, _CAUSED_BY):
        for match in pattern.finditer(text):
            who = reader.object_person(match.end(), pronouns=False)
            if who is not None:
                yield _hint("named-cause", match.start(), who.end + (2 if who.possessive else 0))
    for pattern in (_POSSESSIVE_MISTAKE, _POSSESSIVE_FAILURE):
        for match in pattern.finditer(text):
            who = _tokens(text, match.start("who"), match.end("who"))
            if who and reader.is_person(who[0], pronouns=False):
                noun = match.groupdict().get("noun") or ""
                rule = "blame" if noun.lower() == "fault" else "named-cause"
                yield _hint(rule, match.start(), match.end())


_FINDERS = (_always, _blame, _questions, _subject_rules, _named_causes)


def _participant_names(participants: Iterable[Participant | str]) -> tuple[str, ...]:
    return tuple(p if isinstance(p, str) else p.name for p in participants)


def hints_for_text(text: str, participants: Iterable[Participant | str] = ()) -> list[Hint]:
    """The blameless-language hints for one piece of typed text, in the order they appear.

    ``participants`` (names or :class:`Participant`) lets a name be read as a person. Where
    two rules flag overlapping words, only the one first in :data:`RULES` order is kept.
    """
    if not text.strip():
        return []
    reader = _Reader(text, names_of(_participant_names(participants)))
    found = [hint for finder in _FINDERS for hint in finder(reader)]
    found.sort(key=lambda h: (_PRECEDENCE[h.name], h.start))
    kept: list[tuple[int, int, Hint]] = []  # non-overlapping, so sorted by start and by end
    for hint in found:
        index = bisect_right(kept, (hint.end - 1, len(text) + 1))
        if index and kept[index - 1][1] > hint.start:
            continue
        if index < len(kept) and kept[index][0] < hint.end:
            continue
        insort(kept, (hint.start, hint.end, hint))
    return [hint for _, _, hint in kept]


def blameless_fields(session: Session) -> Iterator[tuple[str, str]]:
    """Every text the hints read, with its key path: the summary and its parts, the
    timeline, the root-cause analysis, the three note lists and the action items."""
    incident = session.incident
    for name in ("summary", "trigger", "detection", "resolution"):
        yield f"incident.{name}", getattr(incident, name)
    for index, entry in enumerate(session.timeline):
        yield f"timeline[{index}].text", entry.text
    rca = session.root_cause
    yield "root_cause.statement", rca.statement
    for c, chain in enumerate(rca.chains):
        yield f"root_cause.chains[{c}].title", chain.title
        for s, step in enumerate(chain.steps):
            yield f"root_cause.chains[{c}].steps[{s}].why", step.why
            yield f"root_cause.chains[{c}].steps[{s}].because", step.because
    for index, factor in enumerate(rca.factors):
        yield f"root_cause.factors[{index}].text", factor.text
    for name in ("went_well", "could_improve", "got_lucky"):
        for index, note in enumerate(getattr(session, name)):
            yield f"{name}[{index}].text", note.text
    for index, action in enumerate(session.action_items):
        yield f"action_items[{index}].what", action.what


def blameless_findings(session: Session) -> list[Finding]:
    """Every blameless-language hint in ``session``, located by key path."""
    people = session.participants
    return [
        Finding(path, text, hint)
        for path, text in blameless_fields(session)
        for hint in hints_for_text(text, people)
    ]
