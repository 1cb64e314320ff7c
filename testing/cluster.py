"""Run `scripts/serve.py` (replicas behind HAProxy) from tests and benchmarks, and look inside it.

The cluster is started exactly as `make serve` starts it, on free loopback ports. Its output names every
process it started (replicas, restarted replicas, the balancer) so a test can kill one replica, read the
balancer's view of each replica through its stats socket, and check afterwards that nothing is left.
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from testing.script_modules import script_module

REPO_ROOT = Path(__file__).resolve().parents[1]
SERVE = REPO_ROOT / "scripts" / "serve.py"
HOST = "127.0.0.1"
STARTUP_TIMEOUT_SECONDS = 120.0  # three replicas starting together on two busy cores
STOP_TIMEOUT_SECONDS = 20.0
REPLICA_COOKIE = "GLUTEMAP_SRV"
REPLICA_HEADER = "x-glutemap-replica"

_REPLICA_LINE = re.compile(r"^replica (?P<name>app\d+) (?:on \S+ \(pid (?P<pid>\d+)\)|restarted \(pid (?P<again>\d+)\))")
_BALANCER_LINE = re.compile(r"^balancer haproxy on \S+ \(pid (?P<pid>\d+), stats socket (?P<socket>\S+)\)")
_READY_LINE = "GluteMap: http"


@functools.cache
def serve_module() -> ModuleType:
    """scripts/serve.py as a module (scripts/ is not a package), for its config renderer and helpers."""
    return script_module("serve")


class ClusterFailed(RuntimeError):
    """scripts/serve.py exited or did not report ready in time."""


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def free_port_run(count: int) -> int:
    """The first of `count` consecutive free ports on 127.0.0.1 (replica ports are consecutive)."""
    for _attempt in range(200):
        first = random.randrange(20_000, 40_000)
        if all(_port_free(first + offset) for offset in range(count)):
            return first
    raise RuntimeError(f"no {count} consecutive free ports found")


def port_listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError, ProcessLookupError):
        return False
    return state != "Z"


@dataclass
class ServedCluster:
    """`scripts/serve.py --replicas N` on free loopback ports, in its own process group."""

    replicas: int
    env: dict[str, str] = field(default_factory=dict)
    # Extra serve.py options; by default the balancer names the replica that answered (--expose-replica).
    options: tuple[str, ...] = ("--expose-replica",)
    port: int = 0
    first_replica_port: int = 0
    process: subprocess.Popen[bytes] | None = None
    replica_pids: dict[str, int] = field(default_factory=dict)
    every_pid: set[int] = field(default_factory=set)  # everything it ever started, restarts included
    balancer_pid: int = 0
    stats_socket: str = ""
    lines: list[str] = field(default_factory=list)
    left_running: list[int] = field(default_factory=list)  # still alive right after stop(), then killed
    _ready: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        """The balancer's root URL: where every visitor goes."""
        return f"http://{HOST}:{self.port}"

    @property
    def replica_ports(self) -> dict[str, int]:
        """Each replica's own loopback port, by name."""
        return {f"app{n}": self.first_replica_port + n - 1 for n in range(1, self.replicas + 1)}

    def start(self) -> ServedCluster:
        """Start serve.py and wait for its ready line."""
        first = free_port_run(self.replicas + 1)
        self.port, self.first_replica_port = first, first + 1
        self.process = subprocess.Popen(
            [sys.executable, str(SERVE), "--replicas", str(self.replicas), "--port", str(self.port),
             "--first-replica-port", str(self.first_replica_port), *self.options],
            cwd=REPO_ROOT, env={**os.environ, **self.env}, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.every_pid.add(self.process.pid)
        threading.Thread(target=self._read_output, daemon=True).start()
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while not self._ready.wait(0.2):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise ClusterFailed("scripts/serve.py did not start:\n" + self.output())
        return self

    def _read_output(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        for raw in iter(self.process.stdout.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip()
            self.lines.append(line)
            if replica := _REPLICA_LINE.match(line):
                pid = int(replica["pid"] or replica["again"])
                self.replica_pids[replica["name"]] = pid
                self.every_pid.add(pid)
            elif balancer := _BALANCER_LINE.match(line):
                self.balancer_pid = int(balancer["pid"])
                self.every_pid.add(self.balancer_pid)
                self.stats_socket = balancer["socket"]
            elif line.startswith(_READY_LINE):
                self._ready.set()

    def output(self) -> str:
        """Everything serve.py and its processes printed so far."""
        return "\n".join(self.lines)

    def kill_replica(self, name: str) -> None:
        """SIGKILL a replica's whole process group, as a crash would."""
        os.killpg(self.replica_pids[name], signal.SIGKILL)

    def signal_replica(self, name: str, sig: signal.Signals) -> None:
        """Send a signal to a replica's process group (SIGSTOP hangs it, SIGCONT resumes it)."""
        os.killpg(self.replica_pids[name], sig)

    def server_states(self) -> dict[str, str]:
        """The balancer's current view of each replica: UP, DOWN, "UP 1/2", ... (from `show stat`)."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as stats:
            stats.settimeout(2)
            stats.connect(self.stats_socket)
            stats.sendall(b"show stat\n")
            chunks = []
            while chunk := stats.recv(65536):
                chunks.append(chunk)
        rows = b"".join(chunks).decode().splitlines()
        header = rows[0].lstrip("# ").split(",")
        states = {}
        for row in rows[1:]:
            values = dict(zip(header, row.split(","), strict=False))
            if values.get("pxname") == "replicas" and values.get("svname", "").startswith("app"):
                states[values["svname"]] = values["status"]
        return states

    def replica_for_new_visitor(self) -> str:
        """Which replica the balancer gives a visitor with no cookie (an HTTP request, no browser)."""
        with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=5) as response:
            return str(response.headers[REPLICA_HEADER])

    def stop(self, sig: signal.Signals = signal.SIGINT) -> int | None:
        """Stop serve.py as Ctrl-C does and return its exit code; SIGKILL whatever is left (never leak)."""
        code = None
        if self.process is not None:
            if self.process.poll() is None:
                os.kill(self.process.pid, sig)
                try:
                    code = self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
                except subprocess.TimeoutExpired:
                    code = None
            else:
                code = self.process.returncode
        # Checked right after the stop, so a process id cannot have been reused by anyone else's process yet.
        self.left_running = sorted(pid for pid in self.every_pid if process_alive(pid))
        for pid in self.left_running:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        if self.process is not None and self.process.poll() is None:
            self.process.wait()
        return code

    def __enter__(self) -> ServedCluster:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
