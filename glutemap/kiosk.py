"""Kiosk idle policy as a pure, clock-injected function (the browser timer follows the same rule)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Phase = Literal["active", "warning", "reset"]


@dataclass(frozen=True)
class IdleState:
    phase: Phase
    seconds_left: int  # until the warning (active), or until the reset (warning); 0 when resetting


def idle_state(now: float, last_activity: float, idle_seconds: int, warning_seconds: int) -> IdleState:
    """After `idle_seconds` without input a warning counts down `warning_seconds`, then the session resets."""
    idle_for = max(0.0, now - last_activity)
    if idle_for < idle_seconds:
        return IdleState("active", int(idle_seconds - idle_for + 0.999))
    into_warning = idle_for - idle_seconds
    if into_warning < warning_seconds:
        return IdleState("warning", int(warning_seconds - into_warning + 0.999))
    return IdleState("reset", 0)
