"""Exports of a session: the Markdown post-mortem document."""

from .document import render, sorted_actions

__all__ = ["render", "sorted_actions"]
