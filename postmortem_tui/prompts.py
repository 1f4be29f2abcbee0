"""What the facilitator does in each agenda step, in our own words."""

from __future__ import annotations

import re

from .model.agenda import StepKey

BLAMELESS_NORM = (
    "We are here to learn how our systems and ways of working let this happen, not to find "
    "someone to blame. Everyone acted in good faith on what they knew at the time. Say what "
    "you saw and did plainly: the more we hear, the safer the system becomes."
)

STEP_PROMPTS: dict[StepKey, str] = {
    "tone": (
        "Read the blameless norm aloud (it is shown with the participants), then go round the "
        "room: who is here, and in which role. Press P to add someone."
    ),
    "timeline": (
        "Walk through the incident in order, from alerts, chat and logs. At each moment ask: "
        "what did we know, and what did we do? Press t to add an entry (14:12 migration "
        "deployed) and k to mark its kind."
    ),
    "root_cause": (
        "Keep asking why until you reach the conditions that let this happen: technical, "
        "process and organisational. Press r to add a why/because pair or a contributing "
        "factor."
    ),
    "went_well": (
        "What worked? Quick detection, good calls, tools and processes that helped. "
        "Press w to add one."
    ),
    "improve": (
        "Where did monitoring, alerting, documentation, communication or the response fall "
        "short? Press i to add one (start with alerting: to tag it)."
    ),
    "actions": (
        "Turn the gaps into actions that are specific and measurable. Each one needs exactly "
        "one owner and a deadline; rank them by impact and effort. Press a to add one."
    ),
    "wrap_up": (
        "Confirm every owner and deadline, agree where the document is published and who "
        "reviews it. Press x to check, preview and export the document."
    ),
}

SHORT_PROMPTS: dict[StepKey, str] = {
    "tone": "Read the blameless norm aloud, then go round: who is here, in which role? Press P to add someone.",
    "timeline": (
        "Go through it in order. At each moment ask: what did we know, what did we do? "
        "Press t to add, k for its kind."
    ),
    "root_cause": "Keep asking why, down to the conditions that let it happen. Press r to add a why or a factor.",
    "went_well": "What worked? Detection, good calls, tools that helped. Press w to add one.",
    "improve": "Where did alerting, docs, communication or the response fall short? Press i to add one.",
    "actions": "Specific, measurable actions: each with one owner and a deadline. Press a to add one.",
    "wrap_up": "Confirm owners and deadlines, where it is published and who reviews it. Press x to export.",
}
"""The same in fewer words, for a small step box (80x24): the question and the keys, where
the long prompt would lose its question to keep its keys."""


_KEYS = re.compile(r"\s*Press .*$", re.S)


def room_prompt(key: StepKey) -> str:
    """The prompt for the shared screen: the room has no keys, so no "Press ..." sentence."""
    return _KEYS.sub("", STEP_PROMPTS[key])
