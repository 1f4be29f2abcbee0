"""The meeting screen's guidance keys: rebalance the pace, the impact x effort grid, the
backlog check and the review criteria. Their dialogs, and the checks behind them, are
imported when first used."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model.criteria import Criteria
from ..paths import sessions_dir
from .session_actions import SessionActions

if TYPE_CHECKING:
    from .panels.actions_panel import ActionsPanel


class GuidanceActions(SessionActions):
    def action_rebalance(self) -> None:
        from ..checks.pace import apply_rebalance, rebalance_for
        from .rebalance_screen import RebalanceScreen

        clock = self.live.clock
        plan = rebalance_for(clock, self.live.session.planned_minutes)
        if plan is None:
            self.notify("On pace: the meeting is not heading past its planned length.", timeout=4)
            return
        if not plan.changed:
            self.notify(
                "No step still to come has time to give (each keeps at least 2 minutes).",
                severity="warning",
            )
            return

        def decided(apply: bool | None) -> None:
            if apply:
                now = self.live.now()
                self.live.clock_action(lambda clock: apply_rebalance(clock.agenda, plan, now))
                self.clock_changed()
                self.notify("The rest of the agenda is rebalanced.", timeout=4)

        self.app.push_screen(RebalanceScreen(self.live.session.agenda, plan), decided)

    async def action_toggle_grid(self) -> None:
        panel: ActionsPanel = await self.bring_forward("action_items")
        panel.toggle_grid()

    def action_backlog(self) -> None:
        from .backlog_screen import BacklogScreen

        today = self.live.now().astimezone().date()
        screen = BacklogScreen(self.live.session, self.live.store.path, sessions_dir(), today)
        self.app.push_screen(screen)

    def action_criteria(self) -> None:
        from ..checks.criteria import suggest_criteria
        from .forms.criteria_form import CriteriaForm

        config = self.live.config.criteria
        session = self.live.session
        suggestions = suggest_criteria(session, config.impact_minutes, config.resolve_minutes)

        def saved(criteria: Criteria | None) -> None:
            if criteria is not None:
                self.live.change(lambda s: setattr(s, "criteria", criteria))
                self._changed("wrap_up")

        self.app.push_screen(CriteriaForm(session.criteria, suggestions), saved)
