"""Several processes on one session file: merging, locking, the shared store and presence.

Pure core: nothing here imports Textual or Rich.
"""

from .merge import merge, same_for_people

__all__ = ["merge", "same_for_people"]
