"""What the server knows about its knowledge right now, for the health check and the staff status.

The app's pages load the knowledge through Streamlit's cache; the health check is a plain HTTP route that
must answer even while a load is stuck, so the loader's progress is recorded here, in plain Python, and
the route only reads it. A replica whose load has run for longer than `HUNG_AFTER_SECONDS` (a file on a
stuck network disk, say) reports itself unhealthy, so the balancer sends visitors elsewhere.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from typing import Literal

# The loader's budget. It lives here, not in the loader, so that server.py's health route does not import
# the loader (pydantic and the models: about 0.15 s of start-up before the server can answer).
# A whole load takes about a quarter of a second; one that runs this long is reading from something stuck
# (a network disk, a huge folder) and stops with an error rather than keep the server waiting.
LOAD_TIME_BUDGET_SECONDS = 20.0

# Past the loader's own time budget a load is stuck inside one read, which the budget cannot stop.
HUNG_AFTER_SECONDS = LOAD_TIME_BUDGET_SECONDS + 5.0


def hung_after_seconds() -> float:
    """GLUTEMAP_HUNG_AFTER_SECONDS (a positive number), else HUNG_AFTER_SECONDS."""
    try:
        seconds = float(os.environ.get("GLUTEMAP_HUNG_AFTER_SECONDS", ""))
    except ValueError:
        return HUNG_AFTER_SECONDS
    return seconds if seconds > 0 else HUNG_AFTER_SECONDS

Serving = Literal["nothing yet", "files", "last good", "snapshot", "nothing"]


@dataclass
class _Status:
    lock: threading.Lock = field(default_factory=threading.Lock)
    loading_since: dict[int, float] = field(default_factory=dict)  # by thread: loads may overlap
    serving: Serving = "nothing yet"
    problems: int = 0
    snapshot_saved_at: str | None = None


_STATUS = _Status()


def load_started(now: float | None = None) -> None:
    """Record that this thread started loading the knowledge."""
    with _STATUS.lock:
        _STATUS.loading_since[threading.get_ident()] = time.monotonic() if now is None else now


def load_finished() -> None:
    """Record that this thread's load ended (well or badly)."""
    with _STATUS.lock:
        _STATUS.loading_since.pop(threading.get_ident(), None)


def now_serving(serving: Serving, problems: int = 0, snapshot_saved_at: str | None = None) -> None:
    """Record what visitors are being shown: the files, the last good knowledge in memory, a snapshot, or nothing."""
    with _STATUS.lock:
        _STATUS.serving = serving
        _STATUS.problems = problems
        _STATUS.snapshot_saved_at = snapshot_saved_at


def health(now: float | None = None, hung_after: float | None = None) -> tuple[bool, str]:
    """(healthy, why): unhealthy while a load has hung or when there is no knowledge at all to serve."""
    moment = time.monotonic() if now is None else now
    hung_after = hung_after_seconds() if hung_after is None else hung_after
    with _STATUS.lock:
        longest = max((moment - since for since in _STATUS.loading_since.values()), default=0.0)
        serving = _STATUS.serving
    if longest > hung_after:
        return False, f"knowledge load running for {longest:.1f} s (hung)"
    if serving == "nothing":
        return False, "no valid knowledge to serve"
    return True, "ok"


def status() -> dict[str, object]:
    """The staff view: what is served, how many problems the files have, and the snapshot's date if one is used."""
    with _STATUS.lock:
        return {
            "serving": _STATUS.serving,
            "problems_in_files": _STATUS.problems,
            "snapshot_saved_at": _STATUS.snapshot_saved_at,
            "loads_running": len(_STATUS.loading_since),
        }


def reset() -> None:
    """Forget everything (tests)."""
    with _STATUS.lock:
        _STATUS.loading_since.clear()
        _STATUS.serving = "nothing yet"
        _STATUS.problems = 0
        _STATUS.snapshot_saved_at = None
