"""Deployment settings read from the environment (kiosk switches, knowledge folder)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from glutemap.knowledge.loader import DEFAULT_KNOWLEDGE_DIR
from glutemap.language import LANGUAGE_CODES, LanguageCode

DEFAULT_IDLE_SECONDS = 90
MIN_IDLE_SECONDS = 5
MAX_IDLE_SECONDS = 3600
WARNING_SECONDS = 20


@dataclass(frozen=True)
class Deployment:
    kiosk: bool
    idle_seconds: int
    warning_seconds: int
    knowledge_dir: Path
    # Where the last knowledge that validated is kept (glutemap/knowledge/snapshot.py); None when switched off.
    snapshot_dir: Path | None = None
    # The language every visitor starts in (GLUTEMAP_LANGUAGE): "en", or "en-XA" for the pseudo-locale.
    language: LanguageCode = "en"


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _seconds(value: str | None) -> int:
    try:
        seconds = int((value or "").strip())
    except ValueError:
        return DEFAULT_IDLE_SECONDS
    return min(max(seconds, MIN_IDLE_SECONDS), MAX_IDLE_SECONDS)


def _snapshot_dir(env: Mapping[str, str]) -> Path | None:
    """GLUTEMAP_SNAPSHOT_DIR, "off" for none, else the user's state folder (~/.local/state/glutemap)."""
    chosen = (env.get("GLUTEMAP_SNAPSHOT_DIR") or "").strip()
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    state_home = (env.get("XDG_STATE_HOME") or "").strip()
    return (Path(state_home) if state_home else Path.home() / ".local" / "state") / "glutemap"


def _language(value: str | None) -> LanguageCode:
    chosen = (value or "").strip()
    return next((code for code in LANGUAGE_CODES if code.lower() == chosen.lower()), "en")


def deployment(environ: Mapping[str, str] | None = None) -> Deployment:
    """The GLUTEMAP_* settings (kiosk, idle seconds, knowledge and snapshot folders, language); bad values fall back safely."""
    env = os.environ if environ is None else environ
    knowledge_dir = env.get("GLUTEMAP_KNOWLEDGE_DIR")
    return Deployment(
        kiosk=_flag(env.get("GLUTEMAP_KIOSK")),
        idle_seconds=_seconds(env.get("GLUTEMAP_IDLE_SECONDS")),
        warning_seconds=WARNING_SECONDS,
        knowledge_dir=Path(knowledge_dir) if knowledge_dir else DEFAULT_KNOWLEDGE_DIR,
        snapshot_dir=_snapshot_dir(env),
        language=_language(env.get("GLUTEMAP_LANGUAGE")),
    )
