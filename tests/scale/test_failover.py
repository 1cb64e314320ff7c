"""A hung replica (SIGSTOP) is taken out of rotation by the health checks and taken back when it recovers.

HTTP requests only, no browser: a request without the sticky cookie is a new visitor, and the balancer's
X-GluteMap-Replica header says which replica it was given. The hang-and-recover cycle runs once per module.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from testing.cluster import ServedCluster

pytestmark = pytest.mark.scale

OUT_LIMIT_SECONDS = 8.0  # two failed checks of up to 2 s each, 0.5-1 s apart
BACK_LIMIT_SECONDS = 5.0
NEW_VISITORS = 8


@dataclass(frozen=True)
class HangCycle:
    """What the balancer did while app1 was hung and after it resumed."""

    out_after: float | None
    replicas_while_hung: set[str]
    back_after: float | None
    replicas_after: set[str]


def _seconds_until(cluster: ServedCluster, name: str, wanted: str, limit: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < limit + 2:
        if cluster.server_states().get(name) == wanted:
            return time.monotonic() - started
        time.sleep(0.1)
    return None


@pytest.fixture(scope="module")
def hang_cycle(haproxy_path: str) -> Iterator[HangCycle]:
    """Two replicas; app1 is hung with SIGSTOP, new visitors arrive, app1 is resumed, new visitors arrive."""
    with ServedCluster(2) as cluster:
        cluster.signal_replica("app1", signal.SIGSTOP)
        try:
            out_after = _seconds_until(cluster, "app1", "DOWN", OUT_LIMIT_SECONDS)
            while_hung = {cluster.replica_for_new_visitor() for _ in range(NEW_VISITORS)}
        finally:
            cluster.signal_replica("app1", signal.SIGCONT)
        back_after = _seconds_until(cluster, "app1", "UP", BACK_LIMIT_SECONDS)
        after = {cluster.replica_for_new_visitor() for _ in range(NEW_VISITORS)}
    yield HangCycle(out_after, while_hung, back_after, after)


def test_a_hung_replica_is_taken_out_within_seconds(hang_cycle: HangCycle) -> None:
    """Health checks mark a replica that stopped answering DOWN within 8 seconds."""
    assert hang_cycle.out_after is not None and hang_cycle.out_after < OUT_LIMIT_SECONDS


def test_a_hung_replica_gets_no_new_visitors(hang_cycle: HangCycle) -> None:
    """While a replica is out, every new visitor is given another one."""
    assert hang_cycle.replicas_while_hung == {"app2"}


def test_a_recovered_replica_is_back_within_seconds(hang_cycle: HangCycle) -> None:
    """A replica that answers again is marked UP within 5 seconds."""
    assert hang_cycle.back_after is not None and hang_cycle.back_after < BACK_LIMIT_SECONDS


def test_a_recovered_replica_gets_new_visitors_again(hang_cycle: HangCycle) -> None:
    """Once back, the replica is given new visitors again."""
    assert "app1" in hang_cycle.replicas_after
