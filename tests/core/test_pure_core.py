"""The core (model, clock, persistence, export, CLI commands) never imports Textual."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "postmortem_tui.model",
    "postmortem_tui.agenda_clock",
    "postmortem_tui.clock",
    "postmortem_tui.collector",
    "postmortem_tui.durations",
    "postmortem_tui.timeparse",
    "postmortem_tui.persistence",
    "postmortem_tui.export",
    "postmortem_tui.export.links",
    "postmortem_tui.visible_text",
    "postmortem_tui.text_encoding",
    "postmortem_tui.cli",
    "postmortem_tui.checks",
    "postmortem_tui.checklist",
    "postmortem_tui.editing",
    "postmortem_tui.edit_merge",
    "postmortem_tui.rescue",
    "postmortem_tui.incident_window",
    "postmortem_tui.config",
    "postmortem_tui.importers",
    "postmortem_tui.importers.apply",
    "postmortem_tui.importers.csv_table",
    "postmortem_tui.importers.dating",
    "postmortem_tui.importers.detect",
    "postmortem_tui.importers.files",
    "postmortem_tui.importers.logs",
    "postmortem_tui.importers.markdown",
    "postmortem_tui.importers.pagerduty",
    "postmortem_tui.importers.preview",
    "postmortem_tui.importers.reading",
    "postmortem_tui.importers.rows",
    "postmortem_tui.importers.slack",
    "postmortem_tui.importers.stamps",
    "postmortem_tui.importers.text",
    "postmortem_tui.importers.zones",
    "postmortem_tui.cli.import_command",
    "postmortem_tui.cli.output",
    "postmortem_tui.sync",
    "postmortem_tui.sync.identity",
    "postmortem_tui.sync.rebase",
    "postmortem_tui.sync.combine",
    "postmortem_tui.persistence.hand_ids",
    "postmortem_tui.trace",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        + "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
