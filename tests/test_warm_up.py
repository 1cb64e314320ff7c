"""Warming the server up as it starts: the first run finds the knowledge loaded, the first search its index
built after the first page is out; a failure is only logged."""

from __future__ import annotations

import ast
import asyncio
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.web.server.app_discovery import discover_asgi_app

import glutemap.ui.knowledge
import glutemap.ui.warm_up
from glutemap.knowledge.loader import check_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.ui.knowledge import current_knowledge
from glutemap.ui.warm_up import first_page_served, warm_up, warm_up_in_background

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def counted_loads(tiny_knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    """The tiny knowledge folder as the deployment's, an empty knowledge cache, and a list of every load."""
    loads: list[Path] = []

    def counting_check(root: Path) -> object:
        loads.append(root)
        return check_knowledge(root)

    monkeypatch.setenv("GLUTEMAP_KNOWLEDGE_DIR", str(tiny_knowledge_dir))
    monkeypatch.setattr(glutemap.ui.knowledge, "check_knowledge", counting_check)
    glutemap.ui.knowledge._load.clear()
    yield loads
    glutemap.ui.knowledge._load.clear()


@pytest.fixture
def search_builds(counted_loads: list[Path], monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every search index the warm-up prepares, on a server whose first page has not been served yet."""
    builds: list[object] = []
    real_prepare = glutemap.ui.knowledge._prepare_search

    def counting_prepare(shown: KnowledgeBase) -> bool:
        builds.append(shown)
        return real_prepare(shown)

    monkeypatch.setattr(glutemap.ui.knowledge, "_prepare_search", counting_prepare)
    monkeypatch.setattr(glutemap.ui.warm_up, "_first_page_served", threading.Event())
    return builds


def test_after_the_warm_up_the_first_run_does_not_load_the_knowledge_again(counted_loads: list[Path]) -> None:
    warm_up(search_waits_seconds=0)
    assert len(counted_loads) == 1
    assert current_knowledge().knowledge is not None
    assert len(counted_loads) == 1


def test_a_failing_warm_up_is_logged_and_does_not_raise(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> None:
        raise OSError("disk went away")

    monkeypatch.setattr(glutemap.ui.knowledge, "current_knowledge", broken)
    with caplog.at_level(logging.ERROR, logger="glutemap"):
        warm_up(search_waits_seconds=0)
    assert "Warm-up at server start failed" in caplog.text
    assert "disk went away" in caplog.text


def test_the_search_index_waits_until_the_first_page_is_served(
    counted_loads: list[Path], search_builds: list[object]
) -> None:
    warming = threading.Thread(target=warm_up, kwargs={"then_seconds": 0})
    warming.start()
    try:
        warming.join(1.0)  # the tiny knowledge loads in a few milliseconds
        assert counted_loads, "the warm-up did not load the knowledge"
        assert warming.is_alive() and search_builds == [], "the index was built on the way to the first page"
    finally:
        first_page_served()
        warming.join(5)
    assert not warming.is_alive()
    assert len(search_builds) == 1


def test_a_server_nobody_opens_still_builds_its_search_index(search_builds: list[object]) -> None:
    warm_up(search_waits_seconds=0.05)
    assert len(search_builds) == 1


def test_a_page_run_tells_the_warm_up_the_first_page_is_served(monkeypatch: pytest.MonkeyPatch) -> None:
    served = threading.Event()
    monkeypatch.setattr(glutemap.ui.warm_up, "_first_page_served", served)
    AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert served.is_set()


def test_server_py_answers_without_importing_the_knowledge_models() -> None:
    """The health route is served from the first moment; pydantic and the models load in the warm-up."""
    check = "import runpy, sys; runpy.run_path('server.py'); print('glutemap.knowledge.models' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", check], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_start_up_hook_lets_the_server_answer_before_the_warm_up_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    release, finished = threading.Event(), threading.Event()

    def slow_warm_up() -> None:
        release.wait(5)
        finished.set()

    monkeypatch.setattr(glutemap.ui.warm_up, "warm_up", slow_warm_up)

    async def start_and_stop_server() -> bool:
        async with warm_up_in_background(object()):
            return finished.is_set()

    # In a thread of its own: the browser tests' event loop may be running in this one.
    with ThreadPoolExecutor(max_workers=1) as server_thread:
        finished_before_serving = server_thread.submit(asyncio.run, start_and_stop_server()).result(timeout=10)
    release.set()
    assert finished.wait(5), "the warm-up never ran"
    assert not finished_before_serving


def test_streamlit_run_server_py_serves_app_py_with_the_warm_up() -> None:
    """`streamlit run server.py` finds an st.App (not a plain script) whose script is app.py."""
    assert discover_asgi_app(ROOT / "server.py").is_asgi_app
    calls = [node for node in ast.walk(ast.parse((ROOT / "server.py").read_text())) if isinstance(node, ast.Call)]
    app_calls = [call for call in calls if ast.unparse(call.func) == "st.App"]
    assert len(app_calls) == 1
    assert ast.literal_eval(app_calls[0].args[0]) == "app.py"
    assert [ast.unparse(k.value) for k in app_calls[0].keywords if k.arg == "lifespan"] == ["warm_up_in_background"]
