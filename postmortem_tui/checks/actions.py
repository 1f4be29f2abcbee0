"""Action-item quality: one owner, a deadline that is real, wording someone can check, and
no near-duplicates. Each check is a plain function of an action (and the day it is), so a
form can run it on every keystroke; :func:`action_findings` runs them over a session.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from ..model import ActionItem, Participant, Session
from .hint import Finding, Hint

DEADLINE_MAX_DAYS = 90
DUPLICATE_SIMILARITY = 0.6
"""Two actions whose content words overlap this much (Jaccard) are flagged as near-duplicates."""

_GROUP_WORDS = frozenset(
    """team teams everyone everybody all tbd tbc tba unknown unassigned someone somebody anyone
    anybody nobody none we us n/a na whoever eng engineering devs ops""".split()
)
_SEVERAL = re.compile(r"\s+(?:and|&|\+)\s+|\s*[/&+,;]\s*", re.I)
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[^\W_][\w'’.-]*")

OWNER_QUESTION = "Who is the one person who will see this through, and report back?"
OUTCOME_QUESTION = (
    "What will we be able to see when it is done: a check that blocks, an alert that fires, "
    "a number reached, a document published?"
)


def _participant_names(participants: Iterable[Participant | str]) -> list[str]:
    return [p if isinstance(p, str) else p.name for p in participants]


def owner_hints(owner: str, participants: Iterable[Participant | str] = ()) -> list[Hint]:
    """At most one hint about ``owner``: missing, a group, several people, or (softly) not
    someone in the meeting. Words in parentheses ("Priya (DB team)") are a note, not owners."""
    shown = owner.strip()
    if not shown:
        return [Hint("action.owner-missing", "no owner", OWNER_QUESTION)]
    core = _PARENTHESES.sub(" ", shown)
    words = [word.lower().strip(".") for word in _WORD.findall(core)]
    if "?" in core or not words or any(word in _GROUP_WORDS for word in words):
        return [
            Hint(
                "action.owner-group",
                f"the owner is a group or a placeholder ({shown!r}), not one person",
                OWNER_QUESTION,
                0,
                len(owner),
            )
        ]
    parts = [part for part in _SEVERAL.split(core) if part.strip()]
    if len(parts) > 1:
        return [
            Hint(
                "action.owner-several",
                f"{len(parts)} owners ({shown!r}); shared ownership tends to mean none",
                "Which one of them owns it? The other can be named in the action's text.",
                0,
                len(owner),
            )
        ]
    names = _participant_names(participants)
    if names and not _is_participant(core, names):
        return [
            Hint(
                "action.owner-absent",
                f"{shown!r} is not in the participants list",
                "Do they know they own this, and who will tell them?",
                0,
                len(owner),
                soft=True,
            )
        ]
    return []


def _is_participant(owner: str, names: Sequence[str]) -> bool:
    wanted = " ".join(owner.lstrip("@").casefold().split())
    for name in names:
        full = " ".join(name.casefold().split())
        if wanted == full or wanted in full.split():
            return True
    return False


def deadline_hints(
    deadline: date | None,
    today: date,
    max_days: int = DEADLINE_MAX_DAYS,
    done: bool = False,
) -> list[Hint]:
    """Missing, already past (unless the action is done), or more than ``max_days`` away."""
    if deadline is None:
        return [
            Hint(
                "action.deadline-missing",
                "no deadline",
                "By when will this be done? Two weeks is a common default.",
            )
        ]
    if deadline < today and not done:
        days = (today - deadline).days
        return [
            Hint(
                "action.deadline-past",
                f"the deadline {deadline.isoformat()} passed {days} day{'s' * (days != 1)} ago",
                "Is it done, or what date can the owner commit to now?",
            )
        ]
    if deadline > today + timedelta(days=max_days):
        return [
            Hint(
                "action.deadline-far",
                f"the deadline {deadline.isoformat()} is more than {max_days} days away",
                "Could a first, smaller step be done sooner, with its own deadline?",
            )
        ]
    return []


_OUTCOME = re.compile(
    r"\b(?:and|then|to)\s+(?:add|fix|write|publish|report|decide|propose|document|ship|remove|"
    r"file|open|create|deliver|present|share|recommend|choose|pick|agree|set)\b|"
    r"\b(?:so\s+that|until|with\s+a\s+(?:written\s+)?(?:decision|proposal|report|"
    r"recommendation|plan)|report|write-?up|rfc|proposal|decision|findings)\b",
    re.I,
)
_CHECKABLE = re.compile(
    r"\d|\b(?:alert|alerts|alarm|test|tests|check|checks|ci|lint|linter|dashboard|metric|"
    r"block|blocks|fail|fails|enforce[ds]?|automat\w*|gate|page|pages|reject|rejects|require|"
    r"requires)\b",
    re.I,
)
_MEASURED = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|ms|s|sec|seconds?|min|minutes?|h|hours?|days?|x|times|rows?|"
    r"requests?|percent)\b|\b(?:p\d{2,3}|from\s+\S+\s+to\s+\S+|below|under|above|at\s+least|"
    r"at\s+most|less\s+than|more\s+than|within)\s+\d",
    re.I,
)
_VAGUE: list[tuple[re.Pattern[str], str, re.Pattern[str] | None]] = [
    (re.compile(r"\blook(?:ing)?\s+into\b", re.I), "'look into' names no result", _OUTCOME),
    (re.compile(r"\b(?:investigate|investigating|explore|research)\b", re.I),
     "investigating with no outcome named", _OUTCOME),
    (re.compile(r"\bimprov(?:e|es|ed|ing|ement)\b", re.I), "'improve' with no target", _MEASURED),
    (re.compile(r"\bbetter\b", re.I), "'better' with no target", _MEASURED),
    (re.compile(r"\bconsider(?:ing)?\b", re.I), "'consider' leaves the decision open", None),
    (re.compile(r"\btry(?:ing)?\s+to\b", re.I), "'try to' cannot be done or not done", None),
    (re.compile(r"\bmore\s+careful(?:ly)?\b|\bbe\s+careful\b", re.I),
     "asks for care, which no one can check", None),
    (re.compile(r"\b(?:ensure|make\s+sure)\b", re.I), "'ensure' with nothing to check it by",
     _CHECKABLE),
    (re.compile(r"\b(?:think\s+about|keep\s+an\s+eye\s+on|be\s+aware|revisit|"
                r"as\s+(?:needed|appropriate)|where\s+possible)\b", re.I),
     "names no result someone could check", None),
]


def wording_hints(what: str) -> list[Hint]:
    """Vague wording in an action's text, each with the words it is about."""
    if not what.strip():
        return [Hint("action.vague", "the action has no text yet", OUTCOME_QUESTION)]
    hints = []
    for pattern, message, unless in _VAGUE:
        if unless is not None and unless.search(what):
            continue
        for match in pattern.finditer(what):
            hints.append(Hint("action.vague", message, OUTCOME_QUESTION, *match.span()))
    return sorted(hints, key=lambda h: h.start)


def action_hints(
    action: ActionItem,
    participants: Iterable[Participant | str],
    today: date,
    max_days: int = DEADLINE_MAX_DAYS,
) -> dict[str, list[Hint]]:
    """The hints of one action by field (``what``, ``owner``, ``deadline``), for a form."""
    return {
        "what": wording_hints(action.what),
        "owner": owner_hints(action.owner, participants),
        "deadline": deadline_hints(action.deadline, today, max_days, action.status == "done"),
    }


_STOP = frozenset(
    """a an the and or of to for in on at by with from into onto that this these those is are be
    been being it its as per each any every all our we us their so than then when which who
    will should must can could would may might add make use run new via""".split()
)


def content_words(text: str) -> frozenset[str]:
    """Lower-cased words without stop words and common endings: what an action is about."""
    words = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip(".'’-")
        if len(word) < 2 or word in _STOP:
            continue
        for ending in ("ing", "ed", "es", "s"):
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        words.add(word)
    return frozenset(words)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' content words (0 to 1)."""
    left, right = content_words(a), content_words(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def near_duplicates(
    actions: Sequence[ActionItem], threshold: float = DUPLICATE_SIMILARITY
) -> list[tuple[int, int, float]]:
    """Pairs ``(earlier, later, similarity)`` of actions that read as the same action."""
    words = [content_words(action.what) for action in actions]
    pairs = []
    for later in range(len(actions)):
        for earlier in range(later):
            left, right = words[earlier], words[later]
            if left and right:
                score = len(left & right) / len(left | right)
                if score >= threshold:
                    pairs.append((earlier, later, score))
    return pairs


def _short(text: str, width: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def action_findings(
    session: Session,
    today: date,
    max_days: int = DEADLINE_MAX_DAYS,
    threshold: float = DUPLICATE_SIMILARITY,
) -> list[Finding]:
    """Every action-item hint in ``session``, by action and field; duplicates on the later one."""
    found = []
    for index, action in enumerate(session.action_items):
        texts = {
            "what": action.what,
            "owner": action.owner,
            "deadline": action.deadline.isoformat() if action.deadline else "",
        }
        for field, hints in action_hints(action, session.participants, today, max_days).items():
            found += [Finding(f"action_items[{index}].{field}", texts[field], h) for h in hints]
    for earlier, later, score in near_duplicates(session.action_items, threshold):
        hint = Hint(
            "action.duplicate",
            f"reads like action_items[{earlier}] "
            f"({_short(session.action_items[earlier].what)!r}, {score:.0%} the same words)",
            "Is this the same action? If so, merge the two; if not, say what sets it apart.",
        )
        found.append(Finding(f"action_items[{later}].what", session.action_items[later].what, hint))
    return found
