"""A fresh server: warmed up as it starts, and its very first visit on a page URL still goes through app.py's router."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from glutemap import strings
from testing.harness import open_app

from .conftest import NewPage, StartServer

pytestmark = pytest.mark.browser


def test_first_visit_on_a_page_url_gets_the_app_navigation(start_server: StartServer, new_page: NewPage) -> None:
    """A fresh server's first request for /about shows the app's navigation and touch styles (app.py ran)."""
    server = start_server()
    page = open_app(new_page(server), "about")
    assert page.get_by_role("heading", name=strings.NAV_ABOUT, level=1).is_visible()
    assert page.get_by_role("link", name=strings.NAV_EXPLORE).count() >= 1
    assert "min-height: 48px" in page.content()


def test_first_kiosk_visit_on_a_page_url_still_shows_the_welcome(start_server: StartServer, new_page: NewPage) -> None:
    """A fresh kiosk server's first request for /explore cannot skip the welcome screen."""
    server = start_server(GLUTEMAP_KIOSK="1")
    page = open_app(new_page(server), "explore")
    assert page.get_by_role("heading", level=1).first.inner_text() == strings.KIOSK_WELCOME_TITLE


def test_a_broken_knowledge_folder_is_reported_as_the_server_starts(start_server: StartServer, tmp_path: Path) -> None:
    """The warm-up at start loads the knowledge, so staff see a broken folder in the log before anyone visits."""
    (tmp_path / "disclaimer.yaml").write_text("text: [unclosed\n", encoding="utf-8")
    server = start_server(GLUTEMAP_KNOWLEDGE_DIR=str(tmp_path))
    deadline = time.monotonic() + 15
    while "disclaimer.yaml:" not in server.log_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "disclaimer.yaml:" in server.log_text(), server.log_text()
