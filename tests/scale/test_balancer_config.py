"""The balancer config generated from deploy/haproxy.cfg.template (fast: no processes, no haproxy needed)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .cluster import serve_module

serve = serve_module()
TEMPLATE = serve.TEMPLATE.read_text()
PORTS = [8601, 8602, 8603, 8604]


def config(ports: list[int] = PORTS, address: str = "127.0.0.1", port: int = 8080) -> str:
    """The config as `make serve` would generate it."""
    return str(serve.render_config(TEMPLATE, ports, address, port, "/run/glutemap-test"))


def directives(text: str) -> list[str]:
    """Every config line without comments and surrounding space."""
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


def test_one_server_line_per_replica_with_its_own_cookie_value() -> None:
    """N replicas give N server lines on loopback, each with the sticky-cookie value of its own name."""
    servers = [line for line in directives(config()) if line.startswith("server ")]
    assert servers == [f"server app{n} 127.0.0.1:{port} cookie app{n}" for n, port in enumerate(PORTS, start=1)]


def test_visitors_stick_to_a_replica_by_cookie_never_by_address() -> None:
    """Stickiness is an inserted cookie; nothing balances or sticks on the client's address."""
    lines = directives(config())
    assert any(line.startswith("cookie GLUTEMAP_SRV insert indirect nocache httponly") for line in lines)
    assert not any(re.search(r"\b(balance source|stick on src|stick-table)\b", line) for line in lines)


def test_health_checks_ask_the_streamlit_health_endpoint() -> None:
    """Every replica is checked actively on /_stcore/health."""
    lines = directives(config())
    assert "option httpchk" in lines
    assert any("uri /_stcore/health" in line for line in lines)
    assert any(line.startswith("default-server check ") for line in lines)


def test_an_open_websocket_outlives_ten_minutes_of_reading() -> None:
    """The tunnel timeout (the websocket after its upgrade) is longer than ten idle minutes."""
    units = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}
    (value,) = [line.split()[-1] for line in directives(config()) if line.startswith("timeout tunnel ")]
    number, unit = re.fullmatch(r"(\d+)(ms|s|m|h|d)?", value).groups()  # type: ignore[union-attr]
    assert int(number) * units[unit or "ms"] > 600


def test_the_balancer_writes_no_log() -> None:
    """No log target is configured, so nothing from a visit (addresses, URLs, typed text) is logged."""
    logging = {"log", "log-format", "option httplog", "option tcplog", "option httpslog", "capture"}
    assert [line for line in directives(config()) if any(line == d or line.startswith(d + " ") for d in logging)] == []


def test_listen_address_and_port_come_from_the_options() -> None:
    """The frontend binds the requested address and port; IPv6 addresses are bracketed."""
    assert "bind 0.0.0.0:9000" in directives(config(address="0.0.0.0", port=9000))
    assert "bind [::]:8080" in directives(config(address="::"))


def test_no_placeholder_is_left_unfilled() -> None:
    """Rendering fills every {{placeholder}} of the template."""
    assert "{{" not in config([8601])


def test_rendering_without_replicas_is_refused() -> None:
    """A config with no server at all is an error, not an empty backend."""
    with pytest.raises(ValueError, match="at least one replica"):
        config([])


@pytest.mark.scale
def test_haproxy_accepts_the_generated_config(haproxy_path: str, tmp_path: Path) -> None:
    """Debian's haproxy validates the config generated for four replicas."""
    path = tmp_path / "haproxy.cfg"
    path.write_text(serve.render_config(TEMPLATE, PORTS, "127.0.0.1", 8080, str(tmp_path)))
    check = subprocess.run([haproxy_path, "-c", "-f", str(path)], capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stdout + check.stderr
