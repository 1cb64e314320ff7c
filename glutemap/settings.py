"""Deployment settings read from the environment (kiosk switches, knowledge folder)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from glutemap.loader import DEFAULT_KNOWLEDGE_DIR

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


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def _seconds(value: str | None) -> int:
    try:
        seconds = int((value or "").strip())
    except ValueError:
        return DEFAULT_IDLE_SECONDS
    return min(max(seconds, MIN_IDLE_SECONDS), MAX_IDLE_SECONDS)


def deployment(environ: Mapping[str, str] | None = None) -> Deployment:
    """Read GLUTEMAP_KIOSK, GLUTEMAP_IDLE_SECONDS and GLUTEMAP_KNOWLEDGE_DIR; bad values fall back safely."""
    env = os.environ if environ is None else environ
    knowledge_dir = env.get("GLUTEMAP_KNOWLEDGE_DIR")
    return Deployment(
        kiosk=_flag(env.get("GLUTEMAP_KIOSK")),
        idle_seconds=_seconds(env.get("GLUTEMAP_IDLE_SECONDS")),
        warning_seconds=WARNING_SECONDS,
        knowledge_dir=Path(knowledge_dir) if knowledge_dir else DEFAULT_KNOWLEDGE_DIR,
    )
