"""The balancer as the front door, checked over real HTTP: headers, refused endpoints, body and per-source limits.

One cluster with the default (unexposed) replica header and small per-source limits, so the limits can
be reached by a test without opening hundreds of connections.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
from collections.abc import Iterator

import pytest

from testing.cluster import HOST, REPLICA_HEADER, ServedCluster

pytestmark = pytest.mark.scale

CONNECTIONS = 6
REQUESTS = 60


@pytest.fixture(scope="module")
def front_door(haproxy_path: str) -> Iterator[ServedCluster]:
    """Two replicas behind a balancer that allows CONNECTIONS open connections and REQUESTS per 10 s per address."""
    options = ("--source-connections", str(CONNECTIONS), "--source-requests", str(REQUESTS))
    with ServedCluster(2, options=options) as cluster:
        yield cluster


def _request(cluster: ServedCluster, method: str, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(HOST, cluster.port, timeout=10)
    connection.request(method, path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def _pause_for_the_request_window() -> None:
    time.sleep(10.5)  # the per-source request rate is counted over 10 s


def test_pages_and_refusals_alike_carry_the_security_headers(front_door: ServedCluster) -> None:
    """The app's page and the balancer's own 404 both forbid framing, sniffing and referrers, and name no server."""
    for path in ("/", "/_stcore/metrics"):
        response = _request(front_door, "GET", path)
        assert response.getheader("Content-Security-Policy") == "frame-ancestors 'none'", path
        assert response.getheader("X-Frame-Options") == "DENY", path
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
        assert response.getheader("Referrer-Policy") == "no-referrer", path
        assert response.getheader("Server") is None, path
        assert response.getheader(REPLICA_HEADER) is None, path


@pytest.mark.parametrize("path", ["/_stcore/metrics", "/_glutemap/status", "/_glutemap/health",
                                  "/_stcore/script-health-check", "/_stcore/upload_file/x/y"])
def test_internal_endpoints_answer_404_from_outside(front_door: ServedCluster, path: str) -> None:
    """Session counts, the staff routes and the other internal endpoints are not reachable through the balancer."""
    assert _request(front_door, "GET", path).status == 404


def test_host_config_comes_from_the_balancer_with_no_outside_origin(front_door: ServedCluster) -> None:
    """The page still gets its start-up config, emptied of the cloud sites a replica would list."""
    connection = http.client.HTTPConnection(HOST, front_door.port, timeout=10)
    connection.request("GET", "/_stcore/host-config")
    response = connection.getresponse()
    document = json.loads(response.read())
    assert response.status == 200
    assert document["allowedOrigins"] == []


def test_a_request_body_over_the_cap_is_refused(front_door: ServedCluster) -> None:
    """A 2 MB body (the app takes no uploads) gets 413 at the balancer."""
    with socket.create_connection((HOST, front_door.port), timeout=10) as connection:
        # Only the headers: the balancer answers from them, before any of the body arrives.
        connection.sendall(b"POST /_stcore/upload_file/a/b HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           b"Content-Length: 2097152\r\n\r\n")
        status_line = connection.recv(100).split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 413 Payload Too Large"


def test_one_address_cannot_hold_more_than_its_share_of_connections(front_door: ServedCluster) -> None:
    """Idle connections from one address stop at the per-source cap; the next is closed, and works again once they go."""
    _pause_for_the_request_window()
    held = [socket.create_connection((HOST, front_door.port), timeout=5) for _ in range(CONNECTIONS)]
    try:
        time.sleep(0.5)
        try:
            with socket.create_connection((HOST, front_door.port), timeout=5) as extra:
                extra.sendall(b"GET /_stcore/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                answer = extra.recv(100)
        except (ConnectionResetError, BrokenPipeError):
            answer = b""  # refused while connecting or sending
        assert answer == b""
    finally:
        for connection in held:
            connection.close()
    time.sleep(0.5)
    assert _request(front_door, "GET", "/_stcore/health").status == 200


def test_one_address_sending_too_many_requests_gets_429(front_door: ServedCluster) -> None:
    """Past the per-source request rate the balancer answers 429 instead of passing requests on."""
    _pause_for_the_request_window()
    statuses = [_request(front_door, "GET", "/_stcore/health").status for _ in range(REQUESTS + 5)]
    # HAProxy's rate is a sliding estimate over the last two periods, so the cut-off is near, not at, REQUESTS.
    assert statuses[: REQUESTS // 2] == [200] * (REQUESTS // 2)
    assert statuses[-1] == 429
    assert set(statuses) == {200, 429}
