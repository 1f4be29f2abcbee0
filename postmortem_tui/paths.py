"""Where sessions and settings live (platformdirs), and how new session files are named."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import platformdirs

APP_NAME = "postmortem-tui"


def sessions_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME) / "sessions"


def config_file() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


def slugify(text: str, limit: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "post-mortem"


def new_session_path(title: str, day: date, folder: Path | None = None) -> Path:
    """A free file name such as ``2026-11-24-checkout-outage.toml`` in ``folder``."""
    folder = folder or sessions_dir()
    stem = f"{day.isoformat()}-{slugify(title)}"
    candidate = folder / f"{stem}.toml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.toml"
        number += 1
    return candidate
