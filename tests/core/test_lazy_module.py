"""A lazily imported module runs only when first used, and is the real module from then on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from postmortem_tui.lazy_module import lazy_module


def test_the_module_runs_at_its_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "slow_thing.py").write_text("import builtins\nbuiltins.RAN = True\nVALUE = 42\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "slow_thing", raising=False)
    import builtins

    monkeypatch.setattr(builtins, "RAN", False, raising=False)
    module = lazy_module("slow_thing")
    assert builtins.RAN is False  # imported, not yet run
    assert module.VALUE == 42 and builtins.RAN is True
    assert lazy_module("slow_thing") is sys.modules["slow_thing"] is module


def test_a_missing_module_is_an_import_error() -> None:
    with pytest.raises(ModuleNotFoundError):
        lazy_module("postmortem_tui.no_such_module")
