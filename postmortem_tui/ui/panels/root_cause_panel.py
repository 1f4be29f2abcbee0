"""Root causes: the 5-Whys chains, contributing factors and the root-cause statement."""

from __future__ import annotations

from ...model import Session
from ..widgets.entry_table import ColumnSpec, Row
from .list_panel import ListPanel

STATEMENT_KEY = "root-cause-statement"
CATEGORY_SHORT = {"technical": "tech", "process": "proc", "organisational": "org"}


class RootCausePanel(ListPanel):
    COLUMNS = (ColumnSpec("ref", "", 6), ColumnSpec("text", "Why / because, factors", None))
    EMPTY = "Press r to add a why/because pair, a contributing factor or the root-cause statement."

    def update_from(self, session: Session) -> None:
        rca = session.root_cause
        rows = []
        details = {}
        checked = {}
        for chain_number, chain in enumerate(rca.chains, start=1):
            for step_number, step in enumerate(chain.steps, start=1):
                ref = f"{chain_number}.{step_number}"
                text = f"{step.why}  \u2192  {step.because}"
                rows.append(Row(step.id, (ref, step.updated), (ref, text)))
                details[step.id] = f"Chain {ref}\nWhy: {step.why}\nBecause: {step.because}"
                checked[step.id] = f"{step.why}\n{step.because}"
        for factor in rca.factors:
            short = CATEGORY_SHORT[factor.category]
            rows.append(Row(factor.id, factor.updated, (short, factor.text)))
            details[factor.id] = f"Contributing factor ({factor.category})\n{factor.text}"
            checked[factor.id] = factor.text
        if rca.statement.strip():
            rows.append(Row(STATEMENT_KEY, rca.statement, ("root", rca.statement)))
            details[STATEMENT_KEY] = f"Root-cause statement\n{rca.statement}"
            checked[STATEMENT_KEY] = rca.statement
        self.show_rows(rows, details, checked)
