"""The plan survives a reload in a real browser (it lives in the address), except on a kiosk."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from glutemap import strings
from testing.harness import open_app, wait_for_app

from .conftest import NewPage, StartServer

pytestmark = pytest.mark.browser


def _add_clam_shell(page: Page) -> None:
    open_app(page, "exercises?exercise=clam_shell")
    page.locator("[data-testid=stButton] button", has_text="to my plan").first.click()
    page.get_by_text("is in your plan").first.wait_for()
    wait_for_app(page)


def test_a_reload_keeps_the_plan(page: Page) -> None:
    """After adding an exercise and reloading any page, My plan still holds it."""
    _add_clam_shell(page)
    expect(page).to_have_url(re.compile(r"plan=clam_shell\.b"))
    page.reload()
    wait_for_app(page)
    page.locator("[data-testid=stPageLink] a, a", has_text=strings.NAV_PLAN).first.click()
    wait_for_app(page)
    assert page.get_by_text("Clam shell").first.is_visible()


def test_the_kiosk_keeps_no_plan_in_the_address(start_server: StartServer, new_page: NewPage) -> None:
    """On a kiosk the address never names the plan, so the next visitor cannot reload it."""
    server = start_server(GLUTEMAP_KIOSK="1")
    page = open_app(new_page(server))
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_EXERCISES).first.click()
    wait_for_app(page)
    page.locator("[data-testid=stButton] button", has_text="to my plan").first.click()
    page.get_by_text("is in your plan").first.wait_for()
    wait_for_app(page)
    page.wait_for_timeout(500)
    assert "plan=" not in page.url
