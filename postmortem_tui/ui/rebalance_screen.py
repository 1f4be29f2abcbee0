"""Rebalance: show the new plan that takes the overrun from the steps to come; apply on yes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from ..checks.pace import Rebalance
from ..model import Agenda
from .styles_on_demand import StyledOnDemand
from .widgets.key_bar import KeyBar


def plan_lines(agenda: Agenda, plan: Rebalance) -> list[str]:
    lines = []
    for index, (step, before, after) in enumerate(zip(agenda.steps, plan.before, plan.minutes)):
        change = f"{before:>3} \u2192 {after:>3} min" if before != after else f"{before:>3} min"
        mark = "\u2022" if index in plan.changed else " "
        lines.append(f"{mark} {index + 1} {step.title:<26} {change}")
    return lines


class RebalanceScreen(StyledOnDemand, ModalScreen[bool]):
    BINDINGS = [
        Binding("escape,n", "keep", "Keep the plan"),
        Binding("y,enter", "apply", "Apply"),
    ]

    def __init__(self, agenda: Agenda, plan: Rebalance) -> None:
        super().__init__()
        self.agenda = agenda
        self.plan = plan

    def compose(self) -> ComposeResult:
        plan = self.plan
        with Vertical(classes="form small"):
            yield Label(
                f"At this pace the meeting runs {plan.overrun_minutes} min over", classes="form-title"
            )
            yield Label(
                "Take the time from the steps still to come (\u2022: changed; never under 2 "
                "minutes a step):",
                markup=False,
                classes="form-message",
            )
            yield Static("\n".join(plan_lines(self.agenda, plan)), classes="plan", markup=False)
            if plan.shortfall_minutes:
                yield Label(
                    f"{plan.shortfall_minutes} min cannot be found without going under 2 minutes "
                    "a step: the meeting will still run over.",
                    classes="field-error",
                    markup=False,
                )
            with Horizontal(classes="form-buttons"):
                yield Button("Apply (y)", variant="primary", id="apply")
                yield Button("Keep the plan (n)", id="keep")
        yield KeyBar()

    @on(Button.Pressed, "#apply")
    def action_apply(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(False)
