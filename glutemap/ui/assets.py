"""The app's own JavaScript and CSS, kept as files in glutemap/ui/web/ so editors and linters see them.

They are static and trusted (never built from knowledge or visitor text); read once per process.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

WEB = Path(__file__).resolve().parent / "web"


@cache
def asset(name: str) -> str:
    """The text of glutemap/ui/web/`name`."""
    return (WEB / name).read_text(encoding="utf-8")
