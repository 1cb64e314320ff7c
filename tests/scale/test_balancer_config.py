"""The balancer config generated from deploy/haproxy.cfg.template (fast: no processes, no haproxy needed)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from testing.cluster import serve_module

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
    # The per-source limits keep a stick table of counters; nothing sticks a server to an address.
    assert not any(re.search(r"\b(balance source|stick on|stick match|stick store-\w+)\b", line) for line in lines)
    assert not any("server_id" in line for line in lines)


def test_health_checks_ask_glutemaps_own_health_endpoint() -> None:
    """Every replica is checked actively on /_glutemap/health, which also fails while a knowledge load hangs."""
    lines = directives(config())
    assert "option httpchk" in lines
    assert any("uri /_glutemap/health" in line for line in lines)
    assert any(line.startswith("default-server check ") for line in lines)


def test_every_answer_carries_the_security_headers_and_no_server_name() -> None:
    """No framing by other sites, no type sniffing, no referrer; the server header is removed (all answers)."""
    lines = directives(config())
    assert "http-after-response set-header Content-Security-Policy \"frame-ancestors 'none'\"" in lines
    assert "http-after-response set-header X-Frame-Options DENY" in lines
    assert "http-after-response set-header X-Content-Type-Options nosniff" in lines
    assert "http-after-response set-header Referrer-Policy no-referrer" in lines
    assert "http-after-response del-header server" in lines


def test_the_replica_is_named_only_when_asked() -> None:
    """By default no header tells the outside which replica answered; --expose-replica adds it for tests."""
    assert not any("X-GluteMap-Replica" in line for line in directives(config()))
    exposed = serve.render_config(TEMPLATE, PORTS, "127.0.0.1", 8080, "/run/x", expose_replica=True)
    assert "http-response set-header X-GluteMap-Replica %s" in directives(exposed)


def test_internal_endpoints_are_refused_from_outside() -> None:
    """Session counts, the staff routes, script checks and uploads answer 404 at the balancer."""
    (deny,) = [line for line in directives(config()) if line.startswith("http-request deny deny_status 404")]
    for path in ("/_stcore/metrics", "/_glutemap/", "/_stcore/script-health-check", "/_stcore/upload_file"):
        assert path in deny


def test_host_config_is_answered_by_the_balancer_with_no_outside_origin() -> None:
    """The page's start-up config comes from the balancer, with no site allowed to embed or message the app."""
    lines = directives(config())
    (answer,) = [line for line in lines if "/_stcore/host-config" in line and line.startswith("http-request return")]
    document = json.loads(answer.split("string '", 1)[1].split("' if ", 1)[0])
    assert document == serve.HOST_CONFIG
    assert document["allowedOrigins"] == []


def test_per_source_limits_come_from_the_options() -> None:
    """Connections held, new connections and requests per client address are capped at the chosen numbers."""
    lines = directives(serve.render_config(TEMPLATE, PORTS, "127.0.0.1", 8080, "/run/x", serve.SourceLimits(7, 8, 9)))
    assert "tcp-request connection track-sc0 src" in lines
    assert "tcp-request connection reject if { sc_conn_cur(0) gt 7 }" in lines
    assert "tcp-request connection reject if { sc_conn_rate(0) gt 8 }" in lines
    assert "http-request deny deny_status 429 if { sc_http_req_rate(0) gt 9 }" in lines


def test_request_bodies_are_capped() -> None:
    """A request body over 1 MB, or one sent in chunks of unknown size, is refused."""
    lines = directives(config())
    assert "http-request deny deny_status 413 if { req.hdr_val(content-length) gt 1048576 }" in lines
    assert "http-request deny deny_status 413 if { req.hdr(transfer-encoding) -m found }" in lines


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
