"""Stopping a child process together with everything it started.

The replica launcher (scripts/serve.py) and the test harness both start `streamlit run` in its own process
group (`start_new_session=True`), so that stopping it also reaches any process it started in turn.
"""

from __future__ import annotations

import os
import signal
import subprocess


def stop_process_group(process: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM the process group led by `process`, SIGKILL it if the leader has not exited within `timeout`
    seconds, and reap the leader. A group that is already gone is fine."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=timeout)
            break
        except subprocess.TimeoutExpired:
            continue
    process.wait()
