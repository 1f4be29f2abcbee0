"""Facilitation guidance: gentle checks a meeting screen can run on every keystroke.

Pure core: nothing here imports Textual or Rich. Every check returns :class:`Hint`s (for one
text) or :class:`Finding`s (hints located in a session by key path).
"""

from .hint import Finding, Hint

__all__ = ["Finding", "Hint"]
