"""The very first visit to a fresh server on a page URL still goes through app.py's router."""

from __future__ import annotations

import pytest

from glutemap import strings

from .conftest import NewPage, StartServer
from .harness import open_app

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
