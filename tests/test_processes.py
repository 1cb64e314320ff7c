"""Stopping a child process group: the replica launcher and the browser-test harness rely on it."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from glutemap.processes import stop_process_group

# Each command prints one line once it is set up, so a test never races its start.
SHELL_WITH_CHILD = ["sh", "-c", "sleep 60 & echo $!; wait"]
IGNORES_SIGTERM = [
    sys.executable, "-c",
    "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('ready', flush=True); time.sleep(60)",
]  # fmt: skip


def _start(command: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    process = subprocess.Popen(command, stdout=subprocess.PIPE, start_new_session=True)
    assert process.stdout is not None
    return process, process.stdout.readline().decode().strip()


def _running(pid: int) -> bool:
    """Whether `pid` is a live process (a zombie waiting to be reaped has finished running)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _gone_soon(pid: int, seconds: float = 2.0) -> bool:
    deadline = time.monotonic() + seconds
    while _running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_stopping_ends_the_process_and_what_it_started() -> None:
    process, child = _start(SHELL_WITH_CHILD)
    try:
        stop_process_group(process, timeout=5.0)
        assert process.returncode == -signal.SIGTERM
        assert _gone_soon(int(child))
    finally:
        if process.poll() is None:
            process.kill()


def test_a_process_that_ignores_sigterm_is_killed_after_the_timeout() -> None:
    process, _ = _start(IGNORES_SIGTERM)
    try:
        started = time.monotonic()
        stop_process_group(process, timeout=0.3)
        assert process.returncode == -signal.SIGKILL
        assert time.monotonic() - started >= 0.3
    finally:
        if process.poll() is None:
            process.kill()


def test_stopping_a_process_that_already_exited_is_harmless() -> None:
    process = subprocess.Popen(["true"], start_new_session=True)
    process.wait()
    stop_process_group(process, timeout=0.3)
    assert process.returncode == 0
