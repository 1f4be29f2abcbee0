from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_sessions"
SAMPLE = SAMPLES / "checkout-outage.toml"
EMPTY_SAMPLE = SAMPLES / "new-session.toml"
REALDATA = ROOT.parent / "shared" / "realdata"


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real home: platformdirs' folders point into a temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    # Pilot waits for animations; the tab underline's can stall it, and snapshots need none.
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    return home


@pytest.fixture
def sample_path(tmp_path: Path) -> Path:
    """A private copy of the worked-example session."""
    path = tmp_path / "checkout-outage.toml"
    shutil.copyfile(SAMPLE, path)
    return path


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    path = tmp_path / "new-session.toml"
    shutil.copyfile(EMPTY_SAMPLE, path)
    return path
