"""Warming the server up as it starts: the first run finds the knowledge loaded; a failure is only logged."""

from __future__ import annotations

import ast
import asyncio
import logging
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.web.server.app_discovery import discover_asgi_app

import glutemap.ui.knowledge
import glutemap.ui.warm_up
from glutemap.knowledge.loader import check_knowledge
from glutemap.ui.knowledge import current_knowledge
from glutemap.ui.warm_up import warm_up, warm_up_in_background

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


def test_after_the_warm_up_the_first_run_does_not_load_the_knowledge_again(counted_loads: list[Path]) -> None:
    warm_up()
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
        warm_up()
    assert "Warm-up at server start failed" in caplog.text
    assert "disk went away" in caplog.text


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
