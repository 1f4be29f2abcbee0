"""Root cause analysis: 5-Whys chains, contributing factors and the root-cause statement."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from .base import Entry, Model, Text, UtcTimestamp, empty_list

FactorCategory = Literal["technical", "process", "organisational"]
FACTOR_CATEGORIES: tuple[FactorCategory, ...] = get_args(FactorCategory)


class WhyStep(Entry):
    why: Text = ""
    because: Text = ""


class WhyChain(Entry):
    title: Text = ""
    steps: list[WhyStep] = Field(default_factory=empty_list)


class Factor(Entry):
    category: FactorCategory = "technical"
    text: Text = ""


class RootCause(Model):
    statement: Text = ""
    chains: list[WhyChain] = Field(default_factory=empty_list)
    factors: list[Factor] = Field(default_factory=empty_list)
    updated: UtcTimestamp | None = None
    """When the statement was last changed (chains and factors carry their own times)."""
