"""Fixtures for the real-browser tests: Debian's chromium, `streamlit run` servers and fresh pages.

One server and one browser are shared by the whole session (starting either costs seconds); each test gets
its own browser context, so no cookie, storage or session leaks between tests. Tests that need a server with
other settings (kiosk mode, a short idle time, a broken knowledge folder) start one with `start_server`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from glutemap import language
from glutemap.knowledge.loader import load_knowledge
from glutemap.knowledge.models import KnowledgeBase
from glutemap.language import localize
from glutemap.settings import deployment
from testing.harness import (
    APP_TIMEOUT_MS,
    DESKTOP_VIEWPORT,
    StreamlitServer,
    chromium_or_skip,
    launch_chromium,
    new_context,
)

# A rerun on a busy 2-core machine can take longer than expect()'s default 5 s.
expect.set_options(timeout=APP_TIMEOUT_MS)

StartServer = Callable[..., StreamlitServer]
NewPage = Callable[..., Page]



@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium; fails (CI, `make test`) or skips (a quick local run) when it is missing."""
    return chromium_or_skip()


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    """The sync Playwright driver, started once."""
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright, chromium_path: str) -> Iterator[Browser]:
    """One headless chromium for the session."""
    launched = launch_chromium(playwright_driver, chromium_path)
    yield launched
    launched.close()


@pytest.fixture(scope="session")
def app_server() -> Iterator[StreamlitServer]:
    """The app with its default settings, shared by every plain test."""
    with StreamlitServer() as server:
        yield server


@pytest.fixture
def start_server() -> Iterator[StartServer]:
    """Start a server with environment overrides, e.g. start_server(GLUTEMAP_KIOSK="1"); stopped afterwards."""
    started: list[StreamlitServer] = []

    def start(env: Mapping[str, str] | None = None, **overrides: str) -> StreamlitServer:
        server = StreamlitServer({**(env or {}), **overrides})
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[NewPage]:
    """Open a page in a fresh browser context on any server: new_page(server, viewport={...})."""
    contexts = []

    def open_page(server: StreamlitServer, viewport: Mapping[str, int] = DESKTOP_VIEWPORT) -> Page:
        context = new_context(browser, server, viewport)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: NewPage, app_server: StreamlitServer) -> Page:
    """A page in a fresh 1280x800 browser context on the shared server."""
    return new_page(app_server)


@pytest.fixture(scope="session")
def knowledge() -> KnowledgeBase:
    """The knowledge the app serves, as a visitor reads it by default, so tests never hard-code its text."""
    return localize(load_knowledge(deployment().knowledge_dir), language.DEFAULT)
