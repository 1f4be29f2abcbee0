"""The side panels: their ids and tab titles, and the panel each agenda step brings forward."""

PANELS = [
    ("timeline", "Timeline"),
    ("root_cause", "Causes"),
    ("went_well", "Well"),
    ("could_improve", "Improve"),
    ("got_lucky", "Lucky"),
    ("action_items", "Actions"),
    ("participants", "People"),
    ("wrap_up", "Wrap-up"),
]
STEP_PANELS = {
    "tone": "participants",
    "timeline": "timeline",
    "root_cause": "root_cause",
    "went_well": "went_well",
    "improve": "could_improve",
    "actions": "action_items",
    "wrap_up": "wrap_up",
}
