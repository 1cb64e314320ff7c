"""On the portrait kiosk (1080 x 1920, touch): after a tap, a typed description or a ticked warning sign, the
answer is on screen without scrolling, as on a phone (tests/e2e/test_phone.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from glutemap import strings
from testing.harness import (
    ANSWER_IN_VIEW_MS,
    AREA_LIST_BUTTONS,
    EXPLORE_AREA_LIST,
    EXPLORE_RESULTS,
    EXPLORE_WARNING_SIGNS,
    SUGGESTION_BUTTONS,
    URGENT_PANEL,
    WARNING_SIGN_BUTTONS,
    StreamlitServer,
    open_app,
    unfold,
    wait_for_app,
)

from .conftest import NewPage

pytestmark = pytest.mark.browser

KIOSK_VIEWPORT = {"width": 1080, "height": 1920}


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[StreamlitServer]:
    """One kiosk-mode server shared by this module."""
    with StreamlitServer({"GLUTEMAP_KIOSK": "1"}) as server:
        yield server


@pytest.fixture
def kiosk_explore(new_page: NewPage, kiosk_server: StreamlitServer) -> Page:
    """Explore on the portrait kiosk, past the welcome screen, scrolled to the top."""
    page = open_app(new_page(kiosk_server, KIOSK_VIEWPORT))
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    wait_for_app(page)
    page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_EXPLORE).first.click()
    page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
    wait_for_app(page)
    page.evaluate("window.scrollTo(0, 0)")
    return page


def test_a_tapped_description_brings_the_answer_into_view_on_the_kiosk(kiosk_explore: Page) -> None:
    """A visitor at the kiosk need not type: one tap on a suggested description and its answer is on screen."""
    kiosk_explore.locator(SUGGESTION_BUTTONS).first.click()
    expect(kiosk_explore.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


def test_a_chosen_area_brings_the_answer_into_view_on_the_kiosk(kiosk_explore: Page) -> None:
    unfold(kiosk_explore, EXPLORE_AREA_LIST)
    kiosk_explore.locator(AREA_LIST_BUTTONS).first.click()
    expect(kiosk_explore.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


def test_a_typed_description_brings_the_answer_into_view_on_the_kiosk(kiosk_explore: Page) -> None:
    box = kiosk_explore.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill("sore under my heel when I get out of bed")
    box.press("Enter")
    expect(kiosk_explore.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


def test_a_ticked_warning_sign_brings_seek_care_now_into_view_on_the_kiosk(kiosk_explore: Page) -> None:
    unfold(kiosk_explore, EXPLORE_WARNING_SIGNS)
    kiosk_explore.locator(WARNING_SIGN_BUTTONS).first.click()
    expect(kiosk_explore.locator(URGENT_PANEL)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)
