"""What the health check and the staff status say about the knowledge (glutemap/knowledge/knowledge_status.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from glutemap.knowledge import knowledge_status


@pytest.fixture(autouse=True)
def fresh_status() -> Iterator[None]:
    """Each test starts from a server that has loaded nothing yet."""
    knowledge_status.reset()
    yield
    knowledge_status.reset()


def test_a_server_serving_its_files_is_healthy() -> None:
    """With valid knowledge served and no load running, the health check says ok."""
    knowledge_status.now_serving("files")
    assert knowledge_status.health() == (True, "ok")


def test_a_short_load_keeps_the_server_healthy() -> None:
    """A load that has run for a few seconds is normal work, not a fault."""
    knowledge_status.now_serving("files")
    knowledge_status.load_started(now=100.0)
    assert knowledge_status.health(now=103.0, hung_after=25.0) == (True, "ok")


def test_a_hung_load_makes_the_server_unhealthy() -> None:
    """A load running past the hung limit fails the health check, so the balancer takes the replica out."""
    knowledge_status.now_serving("files")
    knowledge_status.load_started(now=100.0)
    healthy, why = knowledge_status.health(now=130.0, hung_after=25.0)
    assert not healthy
    assert why == "knowledge load running for 30.0 s (hung)"


def test_a_finished_load_clears_the_hang() -> None:
    """Once the load ends the replica is healthy again."""
    knowledge_status.now_serving("files")
    knowledge_status.load_started(now=100.0)
    knowledge_status.load_finished()
    assert knowledge_status.health(now=500.0, hung_after=25.0)[0]


def test_nothing_to_serve_is_unhealthy() -> None:
    """A replica with no valid knowledge and no snapshot shows only the unavailable page: send visitors elsewhere."""
    knowledge_status.now_serving("nothing", problems=3)
    assert knowledge_status.health() == (False, "no valid knowledge to serve")


def test_serving_a_snapshot_is_healthy_and_the_status_says_so() -> None:
    """A replica serving the snapshot answers visitors; staff see the snapshot's date and the problem count."""
    knowledge_status.now_serving("snapshot", problems=2, snapshot_saved_at="2026-12-04T03:00:00+00:00")
    assert knowledge_status.health()[0]
    assert knowledge_status.status() == {
        "serving": "snapshot",
        "problems_in_files": 2,
        "snapshot_saved_at": "2026-12-04T03:00:00+00:00",
        "loads_running": 0,
    }


def test_the_hung_limit_can_be_set_for_a_slow_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """GLUTEMAP_HUNG_AFTER_SECONDS changes the limit; a bad value keeps the default."""
    monkeypatch.setenv("GLUTEMAP_HUNG_AFTER_SECONDS", "60")
    assert knowledge_status.hung_after_seconds() == 60.0
    monkeypatch.setenv("GLUTEMAP_HUNG_AFTER_SECONDS", "soon")
    assert knowledge_status.hung_after_seconds() == knowledge_status.HUNG_AFTER_SECONDS
