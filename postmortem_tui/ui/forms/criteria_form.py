"""Should this incident get a post-mortem? The review criteria that apply, and why."""

from __future__ import annotations

from typing import Any

from textual.widgets import SelectionList

from ...checks.criteria import Suggestion
from ...model.criteria import CRITERIA, CRITERION_TITLES, Criteria
from .fields import Field, text_input
from .form import FormScreen


class CriteriaForm(FormScreen[Criteria]):
    TITLE_TEXT = "Why this incident gets a post-mortem"

    def __init__(self, criteria: Criteria, suggestions: list[Suggestion]) -> None:
        super().__init__()
        self.criteria = criteria
        self.suggestions = {s.key: s.evidence for s in suggestions}

    def fields(self) -> list[Field]:
        ticked = set(self.criteria.met) if self.criteria.met else set(self.suggestions)
        hint = "; ".join(f"{CRITERION_TITLES[k]}: {v}" for k, v in self.suggestions.items())
        return [
            Field(
                "met",
                "Criteria that apply (space to tick)",
                lambda: SelectionList[str](*((CRITERION_TITLES[k], k, k in ticked) for k in CRITERIA)),
                hint=("Suggested from the session: " + hint) if hint else "",
            ),
            Field("other", "Other reason, or a note", text_input(self.criteria.other)),
        ]

    def build(self, values: dict[str, Any]) -> Criteria:
        met = list(values["met"])
        if values["other"].strip() and "other" not in met:
            met.append("other")
        return Criteria(met=met, other=values["other"].strip())
