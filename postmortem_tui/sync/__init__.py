"""Several processes on one session file: merging, locking, the shared store and presence.

Pure core: nothing here imports Textual or Rich.
"""

from .lock import LOCK_TIMEOUT, LockTimeout, SessionLock, lock_path
from .merge import merge, same_for_people
from .presence import Peer, Presence, presence_line
from .store import SessionStore, StoreStatus

__all__ = [
    "LOCK_TIMEOUT",
    "LockTimeout",
    "Peer",
    "Presence",
    "SessionLock",
    "SessionStore",
    "StoreStatus",
    "lock_path",
    "merge",
    "presence_line",
    "same_for_people",
]
