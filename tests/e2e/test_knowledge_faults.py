"""Knowledge faults against a real server: a pipe in the folder, a restart with broken files, a hung load."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import Page

from bench.synthetic import write_synthetic_knowledge
from glutemap import strings
from testing.harness import REPO_ROOT, StreamlitServer, open_app

from .conftest import NewPage, StartServer

pytestmark = pytest.mark.browser

ANSWER_SECONDS = 5.0
# "2026-12-04T05:48:29+0000 WARNING glutemap: ..." (glutemap/logs.py)
def _stamped(level: str) -> str:
    """The start of one of our log lines at `level`: its timestamp, level and logger name."""
    return r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} " + level + " glutemap: "


def _get(server: StreamlitServer, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(server.url + path, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _wait_for_log(server: StreamlitServer, pattern: str, seconds: float = 30.0) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = re.search(pattern, server.log_text(), re.MULTILINE)
        if found:
            return found.group(0)
        time.sleep(0.1)
    raise AssertionError(f"no log line matching {pattern!r} in:\n{server.log_text()[-3000:]}")


@pytest.fixture
def knowledge_folder(tmp_path: Path) -> Path:
    """A private copy of the shipped knowledge."""
    folder = tmp_path / "knowledge"
    shutil.copytree(REPO_ROOT / "knowledge", folder)
    return folder


def test_a_pipe_in_the_folder_is_a_located_error_and_the_app_still_answers(
    start_server: StartServer, new_page: NewPage, knowledge_folder: Path
) -> None:
    """A FIFO named like a record: the server logs where within seconds and visitors get the calm page, not a hang."""
    os.mkfifo(knowledge_folder / "conditions" / "x.yaml")
    started = time.monotonic()
    server = start_server(GLUTEMAP_KNOWLEDGE_DIR=str(knowledge_folder))
    line = _wait_for_log(server, _stamped("ERROR") + r"Knowledge base at .* has 1 problem", ANSWER_SECONDS)
    assert line
    assert "knowledge/conditions/x.yaml: not an ordinary file" in server.log_text()
    page = open_app(new_page(server))
    assert page.get_by_role("heading", name=strings.UNAVAILABLE_TITLE, level=1).is_visible()
    assert time.monotonic() - started < ANSWER_SECONDS + 10  # server start included
    assert _get(server, "/_glutemap/health") == (503, "no valid knowledge to serve")


def test_a_restart_with_broken_files_serves_the_last_snapshot(
    start_server: StartServer, new_page: NewPage, knowledge_folder: Path, tmp_path: Path
) -> None:
    """The nightly restart during a broken edit: visitors get the last valid knowledge, staff the log and status."""
    snapshots = tmp_path / "snapshots"
    env = {"GLUTEMAP_KNOWLEDGE_DIR": str(knowledge_folder), "GLUTEMAP_SNAPSHOT_DIR": str(snapshots)}
    first = start_server(**env)
    _wait_for_log(first, _stamped("INFO") + "Saved the validated knowledge as the snapshot")
    first.stop()
    condition = knowledge_folder / "conditions" / "it_band_syndrome.yaml"
    condition.write_text(condition.read_text(encoding="utf-8").replace("exercises:", "exercises: [nope]\nagain:", 1),
                         encoding="utf-8")

    second = start_server(**env)
    _wait_for_log(second, _stamped("WARNING") + "Serving the knowledge snapshot saved at ")
    page: Page = open_app(new_page(second), "conditions?condition=it_band_syndrome")
    assert page.get_by_role("heading", name="Iliotibial band syndrome").first.is_visible()
    assert "knowledge files" not in page.locator("[data-testid=stMain]").inner_text().lower()
    status, body = _get(second, "/_glutemap/status")
    assert status == 200
    assert json.loads(body)["serving"] == "snapshot"
    assert json.loads(body)["problems_in_files"] >= 1
    assert _get(second, "/_glutemap/health") == (200, "ok")


def test_the_health_check_fails_while_a_load_hangs(start_server: StartServer, tmp_path: Path) -> None:
    """A load running past the hung limit makes /_glutemap/health answer 503 until it ends."""
    folder = tmp_path / "large"
    write_synthetic_knowledge(REPO_ROOT / "knowledge", folder, factor=4)
    server = start_server(GLUTEMAP_KNOWLEDGE_DIR=str(folder), GLUTEMAP_HUNG_AFTER_SECONDS="0.2")
    answers: list[tuple[int, str]] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not any(code == 503 for code, _ in answers):
        answers.append(_get(server, "/_glutemap/health"))
        time.sleep(0.02)
    hung = [why for code, why in answers if code == 503]
    assert hung and hung[0].startswith("knowledge load running for") and hung[0].endswith("(hung)"), answers
    while time.monotonic() < deadline and answers[-1] != (200, "ok"):
        answers.append(_get(server, "/_glutemap/health"))
        time.sleep(0.05)
    assert answers[-1] == (200, "ok")


def test_streamlits_own_health_check_stays_ok_so_the_balancer_must_use_ours(start_server: StartServer,
                                                                            knowledge_folder: Path) -> None:
    """The control for the tests above: /_stcore/health says ok even with nothing valid to serve."""
    (knowledge_folder / "sources.yaml").unlink()
    server = start_server(GLUTEMAP_KNOWLEDGE_DIR=str(knowledge_folder))
    _wait_for_log(server, r"Knowledge base at .* problem")
    assert _get(server, "/_stcore/health")[0] == 200
    assert _get(server, "/_glutemap/health")[0] == 503
