"""Serve GluteMap to many visitors: N identical app replicas on loopback behind Debian's HAProxy (`make serve`).

    python scripts/serve.py                          # 2 replicas, the balancer on http://127.0.0.1:8080
    python scripts/serve.py --replicas 4 --port 9000 --address 0.0.0.0
    python scripts/serve.py --replicas 4 --write-config /etc/glutemap/haproxy.cfg   # for deploy/*.service

The balancer's config is generated for N replicas from deploy/haproxy.cfg.template into a private
temporary folder (removed on exit). Each replica is `streamlit run server.py` on 127.0.0.1 (ports from
--first-replica-port on), started with the same environment, so kiosk and clinic settings
(GLUTEMAP_KIOSK, STREAMLIT_SERVER_ALLOWED_HOSTS, ...) apply to every replica alike. A replica that dies
is started again; Ctrl-C or SIGTERM stops every process this script started, and nothing is left running.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ipaddress
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from glutemap.processes import stop_process_group

REPO_ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = REPO_ROOT / "deploy" / "haproxy.cfg.template"
REPLICA_HOST = "127.0.0.1"
DEFAULT_REPLICAS = 2
MAX_REPLICAS = 32
DEFAULT_PORT = 8080
DEFAULT_FIRST_REPLICA_PORT = 8601
STARTUP_TIMEOUT_SECONDS = 90.0  # several replicas starting at once on two slow cores
STOP_TIMEOUT_SECONDS = 5.0
RESTART_DELAY_SECONDS = 1.0
MAX_RESTARTS_PER_MINUTE = 5
HAPROXY_CANDIDATES = ("/usr/sbin/haproxy", "/usr/bin/haproxy")
HAPROXY_MISSING = (
    "HAProxy is needed to balance the replicas but was not found. Install Debian's package with "
    "`sudo apt-get install -y haproxy` (`make serve` does this for you)."
)
PR_SET_PDEATHSIG = 1


class ServeError(RuntimeError):
    """Serving could not start (a port is taken, a replica or the balancer failed)."""


class StopRequested(ServeError):
    """Ctrl-C or SIGTERM arrived while starting up."""


def replica_name(number: int) -> str:
    """The name of replica `number` (1-based): the balancer's server name and its sticky-cookie value."""
    return f"app{number}"


@dataclass(frozen=True)
class SourceLimits:
    """What one client address may hold or open at the balancer (behind a clinic router, everyone's)."""

    connections: int = 300  # open at once; a visitor's page uses about three
    new_connections: int = 300  # per 10 seconds
    requests: int = 2000  # per 10 seconds; a first page load is about forty


# What the balancer answers for /_stcore/host-config instead of a replica: the same keys Streamlit 1.67
# sends, with no outside origin allowed to embed or message the app (a test compares the keys).
HOST_CONFIG = {
    "allowedOrigins": [],
    "useExternalAuthToken": False,
    "enableCustomParentMessages": False,
    "enforceDownloadInNewTab": False,
    "metricsUrl": "",
    "blockErrorDialogs": False,
    "resourceCrossOriginMode": None,
}


REPLICA_HEADER_LINE = "    http-response set-header X-GluteMap-Replica %s\n"


def render_config(
    template: str,
    replica_ports: Sequence[int],
    bind_address: str,
    port: int,
    runtime_dir: str,
    limits: SourceLimits = SourceLimits(),
    expose_replica: bool = False,
) -> str:
    """The balancer config for one replica per port, listening on bind_address:port.

    `expose_replica` adds a response header naming the replica that answered: for tests and for
    diagnosing a deployment, never for visitors (it tells the outside how the service is built).
    """
    if not replica_ports:
        raise ValueError("at least one replica is needed")
    servers = "\n".join(
        f"    server {replica_name(number)} {REPLICA_HOST}:{replica_port} cookie {replica_name(number)}"
        for number, replica_port in enumerate(replica_ports, start=1)
    )
    values = {
        "replica_count": str(len(replica_ports)),
        "bind": f"{_bracketed(bind_address)}:{port}",
        "runtime_dir": runtime_dir,
        "servers": servers,
        "max_connections_per_source": str(limits.connections),
        "max_new_connections_per_source": str(limits.new_connections),
        "max_requests_per_source": str(limits.requests),
        "replica_header": REPLICA_HEADER_LINE if expose_replica else "",
        # One HAProxy word in single quotes; the JSON holds no single quote.
        "host_config": "'" + json.dumps(HOST_CONFIG, separators=(",", ":")) + "'",
    }
    config = template
    for name, value in values.items():
        config = config.replace("{{" + name + "}}", value)
    if "{{" in config:
        raise ValueError(f"the template has a placeholder nobody fills: {config[config.index('{{'):][:40]!r}")
    return config


def _bracketed(address: str) -> str:
    """IPv6 addresses go in brackets before a port."""
    try:
        return f"[{address}]" if ipaddress.ip_address(address).version == 6 else address
    except ValueError:
        return address


def find_haproxy() -> str | None:
    """Debian's haproxy binary, or None when the package is not installed."""
    for candidate in (*HAPROXY_CANDIDATES, shutil.which("haproxy")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def port_is_free(address: str, port: int) -> bool:
    """Whether nothing listens on address:port (so we may bind it)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((address, port))
        except OSError:
            return False
    return True


def healthy(url: str) -> bool:
    """Whether GET url answers 200 right now."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _die_with_parent() -> None:
    """Runs in the child before exec: if this script is killed outright, the kernel stops the child too."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Child:
    """One process this script started, in its own process group so stopping it reaches its children."""

    name: str
    command: list[str]
    process: subprocess.Popen[bytes] | None = None
    starts: list[float] = field(default_factory=list)

    def start(self, env: dict[str, str]) -> None:
        """Start (or restart) the process; its output goes to ours, each line prefixed with its name."""
        self.process = subprocess.Popen(
            self.command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent,
        )  # fmt: skip
        self.starts.append(time.monotonic())
        assert self.process.stdout is not None
        threading.Thread(target=_relay, args=(self.name, self.process.stdout), daemon=True).start()

    @property
    def running(self) -> bool:
        """Whether the process is alive."""
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        """SIGTERM the process group, then SIGKILL it if it has not exited in time."""
        if self.process is not None:
            stop_process_group(self.process, STOP_TIMEOUT_SECONDS)


def _relay(name: str, stream: IO[bytes]) -> None:
    for raw in iter(stream.readline, b""):
        line = raw.decode("utf-8", "replace").rstrip()
        # Each replica announces its own loopback URL; visitors must use the balancer's instead.
        if line and "You can now view" not in line and "URL: http" not in line:
            print(f"[{name}] {line}", flush=True)
    stream.close()


@dataclass
class Cluster:
    """The replicas and the balancer of one `serve` run."""

    replica_ports: list[int]
    address: str
    port: int
    haproxy: str
    env: dict[str, str]
    runtime_dir: Path
    stopping: threading.Event
    limits: SourceLimits = SourceLimits()
    expose_replica: bool = False
    replicas: list[Child] = field(default_factory=list)
    balancer: Child | None = None

    @property
    def url(self) -> str:
        """Where visitors go (the balancer)."""
        host = REPLICA_HOST if self.address in {"0.0.0.0", "::"} else _bracketed(self.address)
        return f"http://{host}:{self.port}/"

    def start(self) -> None:
        """Start every replica, wait until all are healthy, then start the balancer and wait for it."""
        for address, port in [(REPLICA_HOST, p) for p in self.replica_ports] + [(self.address, self.port)]:
            if not port_is_free(address, port):
                raise ServeError(f"port {port} on {address} is already in use; choose others (--port, --first-replica-port)")
        config = self.runtime_dir / "haproxy.cfg"
        config.write_text(render_config(TEMPLATE.read_text(), self.replica_ports, self.address, self.port,
                                        str(self.runtime_dir), self.limits, self.expose_replica))
        check = subprocess.run([self.haproxy, "-c", "-q", "-f", str(config)], capture_output=True, text=True, check=False)
        if check.returncode != 0:
            raise ServeError(f"HAProxy rejected the generated config {config}:\n{check.stdout}{check.stderr}")
        for number, replica_port in enumerate(self.replica_ports, start=1):
            replica = Child(replica_name(number), [
                sys.executable, "-m", "streamlit", "run", "server.py",
                "--server.address", REPLICA_HOST, "--server.port", str(replica_port), "--server.headless", "true",
            ])  # fmt: skip
            replica.start(self.env)
            self.replicas.append(replica)
        for replica, replica_port in zip(self.replicas, self.replica_ports, strict=True):
            self._wait(replica, f"http://{REPLICA_HOST}:{replica_port}/_stcore/health")
            assert replica.process is not None
            print(f"replica {replica.name} on {REPLICA_HOST}:{replica_port} (pid {replica.process.pid})", flush=True)
        self.balancer = Child("haproxy", [self.haproxy, "-db", "-f", str(config)])
        self.balancer.start(self.env)
        self._wait(self.balancer, f"{self.url}_stcore/health")
        assert self.balancer.process is not None
        print(f"balancer haproxy on {self.address}:{self.port} (pid {self.balancer.process.pid}, "
              f"stats socket {self.runtime_dir / 'haproxy.sock'})", flush=True)

    def _wait(self, child: Child, health_url: str) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.stopping.is_set():
                raise StopRequested("stopped during start-up")
            if not child.running:
                raise ServeError(f"{child.name} exited during start-up (code {child.process and child.process.returncode})")
            if healthy(health_url):
                return
            time.sleep(0.2)
        raise ServeError(f"{child.name} did not answer {health_url} within {STARTUP_TIMEOUT_SECONDS:.0f} s")

    def supervise(self) -> None:
        """Until a stop is requested: restart a replica that died; give up if the balancer dies or a replica keeps dying."""
        stop = self.stopping
        while not stop.wait(0.5):
            if self.balancer is not None and not self.balancer.running:
                raise ServeError("the balancer (haproxy) exited")
            for replica in self.replicas:
                if replica.running:
                    continue
                assert replica.process is not None
                print(f"replica {replica.name} exited (code {replica.process.returncode}); starting it again", flush=True)
                recent = [t for t in replica.starts if time.monotonic() - t < 60]
                if len(recent) >= MAX_RESTARTS_PER_MINUTE:
                    raise ServeError(f"replica {replica.name} exited {len(recent)} times within a minute")
                if stop.wait(RESTART_DELAY_SECONDS):
                    return
                replica.start(self.env)
                assert replica.process is not None
                print(f"replica {replica.name} restarted (pid {replica.process.pid})", flush=True)

    def stop(self) -> None:
        """Stop the balancer first (no new requests), then every replica."""
        for child in [c for c in (self.balancer, *self.replicas) if c is not None]:
            child.stop()


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line; every option also has an environment variable for `make serve` and systemd."""
    env = os.environ
    parser = argparse.ArgumentParser(prog="scripts/serve.py", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--replicas", type=int, default=int(env.get("GLUTEMAP_REPLICAS", DEFAULT_REPLICAS)),
                        help=f"app processes to start (default {DEFAULT_REPLICAS}; env GLUTEMAP_REPLICAS)")
    parser.add_argument("--port", type=int, default=int(env.get("GLUTEMAP_PORT", DEFAULT_PORT)),
                        help=f"the balancer's port (default {DEFAULT_PORT}; env GLUTEMAP_PORT)")
    parser.add_argument("--address", default=env.get("GLUTEMAP_LISTEN_ADDRESS", REPLICA_HOST),
                        help="the balancer's listen address (default 127.0.0.1, this machine only; 0.0.0.0 = every "
                             "network; env GLUTEMAP_LISTEN_ADDRESS)")
    parser.add_argument("--first-replica-port", type=int,
                        default=int(env.get("GLUTEMAP_FIRST_REPLICA_PORT", DEFAULT_FIRST_REPLICA_PORT)),
                        help=f"replica N listens on 127.0.0.1:(this + N - 1) (default {DEFAULT_FIRST_REPLICA_PORT})")
    parser.add_argument("--write-config", type=Path, metavar="FILE",
                        help="only write the balancer config for a systemd deployment to FILE, then exit")
    parser.add_argument("--runtime-dir", default="/run/glutemap",
                        help="with --write-config: where the balancer keeps its stats socket (default /run/glutemap)")
    defaults = SourceLimits()
    parser.add_argument("--source-connections", type=int,
                        default=int(env.get("GLUTEMAP_SOURCE_CONNECTIONS", defaults.connections)),
                        help=f"connections one client address may hold open (default {defaults.connections}; "
                             "behind a clinic router every visitor shares one address; env GLUTEMAP_SOURCE_CONNECTIONS)")
    parser.add_argument("--source-new-connections", type=int,
                        default=int(env.get("GLUTEMAP_SOURCE_NEW_CONNECTIONS", defaults.new_connections)),
                        help=f"new connections per 10 s from one address (default {defaults.new_connections})")
    parser.add_argument("--source-requests", type=int,
                        default=int(env.get("GLUTEMAP_SOURCE_REQUESTS", defaults.requests)),
                        help=f"requests per 10 s from one address (default {defaults.requests})")
    parser.add_argument("--expose-replica", action="store_true",
                        help="add an X-GluteMap-Replica response header naming the replica that answered "
                             "(tests and diagnosis only: it tells visitors how the service is built)")
    args = parser.parse_args(argv)
    args.limits = SourceLimits(args.source_connections, args.source_new_connections, args.source_requests)
    if min(args.source_connections, args.source_new_connections, args.source_requests) < 1:
        parser.error("the per-source limits must be at least 1")
    if not 1 <= args.replicas <= MAX_REPLICAS:
        parser.error(f"--replicas must be between 1 and {MAX_REPLICAS}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until Ctrl-C or SIGTERM; exit 0 after a requested stop, 1 when serving failed."""
    args = parse_arguments(argv)
    replica_ports = [args.first_replica_port + offset for offset in range(args.replicas)]
    if args.write_config:
        config = render_config(TEMPLATE.read_text(), replica_ports, args.address, args.port, args.runtime_dir, args.limits,
                               args.expose_replica)
        args.write_config.write_text(config)
        print(f"wrote {args.write_config} for {args.replicas} replicas on ports {replica_ports[0]}-{replica_ports[-1]}")
        return 0
    haproxy = find_haproxy()
    if haproxy is None:
        print(HAPROXY_MISSING, file=sys.stderr)
        return 1
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda _signum, _frame: stop.set())
    if args.address not in {REPLICA_HOST, "localhost", "::1"} and "STREAMLIT_SERVER_ALLOWED_HOSTS" not in os.environ:
        print("Note: visitors from other machines use this machine's name or address in the URL; list it in "
              "STREAMLIT_SERVER_ALLOWED_HOSTS, separated by spaces and keeping 127.0.0.1, e.g. "
              "STREAMLIT_SERVER_ALLOWED_HOSTS='127.0.0.1 localhost glutemap.clinic.lan'", flush=True)
    with tempfile.TemporaryDirectory(prefix="glutemap-serve-") as runtime_dir:
        cluster = Cluster(replica_ports, args.address, args.port, haproxy, dict(os.environ), Path(runtime_dir), stop,
                          args.limits, args.expose_replica)
        try:
            cluster.start()
            print(f"GluteMap: {cluster.url} served by {args.replicas} replica(s) behind HAProxy (Ctrl-C stops them all)",
                  flush=True)
            cluster.supervise()
        except StopRequested:
            return 0
        except ServeError as problem:
            print(f"serve: {problem}", file=sys.stderr, flush=True)
            return 1
        finally:
            cluster.stop()
            print("serve: every replica and the balancer stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
