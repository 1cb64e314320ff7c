"""GluteMap's log lines: a timestamp and a level on every line, to standard error (the journal under systemd).

Nothing from a visit is logged: only knowledge problems, snapshots and the server's own faults.
"""

from __future__ import annotations

import logging
import sys

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def configure_logging(level: int = logging.INFO) -> logging.Logger:
    """Give the "glutemap" logger one timestamped handler (idempotent: a second call adds nothing)."""
    log = logging.getLogger("glutemap")
    if not any(getattr(handler, "glutemap", False) for handler in log.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(LOG_FORMAT, DATE_FORMAT))
        handler.glutemap = True  # type: ignore[attr-defined]
        log.addHandler(handler)
    log.setLevel(level)
    return log
