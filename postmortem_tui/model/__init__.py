"""The post-mortem session model (pydantic v2). Imports nothing from Textual."""

from .actions import ACTION_STATUSES, ACTION_TYPES, LEVELS, PRIORITIES, ActionItem
from .agenda import DEFAULT_MINUTES, STEP_KEYS, STEP_TITLES, Agenda, AgendaStep
from .base import Entry, new_id, utcnow
from .criteria import CRITERIA, CRITERION_TITLES, Criteria
from .incident import SEVERITIES, Impact, Incident
from .meeting import DOCUMENT_STATUSES, Meeting
from .notes import IMPROVEMENT_TAGS, Improvement, Note
from .participants import ROLE_TITLES, ROLES, Participant
from .root_cause import FACTOR_CATEGORIES, Factor, RootCause, WhyChain, WhyStep
from .session import SCHEMA_VERSION, Session, Tombstone
from .timeline import KIND_TITLES, KINDS, SOURCES, TimelineEntry

__all__ = [
    "ACTION_STATUSES",
    "ACTION_TYPES",
    "CRITERIA",
    "CRITERION_TITLES",
    "DEFAULT_MINUTES",
    "DOCUMENT_STATUSES",
    "FACTOR_CATEGORIES",
    "IMPROVEMENT_TAGS",
    "KINDS",
    "KIND_TITLES",
    "LEVELS",
    "PRIORITIES",
    "ROLES",
    "ROLE_TITLES",
    "SCHEMA_VERSION",
    "SEVERITIES",
    "SOURCES",
    "STEP_KEYS",
    "STEP_TITLES",
    "ActionItem",
    "Agenda",
    "AgendaStep",
    "Criteria",
    "Entry",
    "Factor",
    "Impact",
    "Improvement",
    "Incident",
    "Meeting",
    "Note",
    "Participant",
    "RootCause",
    "Session",
    "Tombstone",
    "TimelineEntry",
    "WhyChain",
    "WhyStep",
    "new_id",
    "utcnow",
]
