"""Kiosk mode in a real browser: welcome first, locked down, and an idle reset that wipes everything."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from glutemap import strings
from glutemap.ui.app_shell import screens
from testing.harness import StreamlitServer, open_app, wait_for_app

from .conftest import NewPage, StartServer

pytestmark = pytest.mark.browser

IDLE_SECONDS = 5
KIOSK_VIEWPORT = {"width": 1080, "height": 1920}


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[StreamlitServer]:
    """One kiosk-mode server with the default idle time, shared by this module."""
    with StreamlitServer({"GLUTEMAP_KIOSK": "1"}) as server:
        yield server


@pytest.fixture(scope="module")
def impatient_kiosk_server() -> Iterator[StreamlitServer]:
    """A kiosk-mode server with the shortest idle time, for the idle tests."""
    with StreamlitServer({"GLUTEMAP_KIOSK": "1", "GLUTEMAP_IDLE_SECONDS": str(IDLE_SECONDS)}) as server:
        yield server


def _past_welcome(page: Page) -> Page:
    open_app(page)
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    wait_for_app(page)
    return page


@pytest.fixture
def kiosk_page(new_page: NewPage, kiosk_server: StreamlitServer) -> Page:
    """A portrait kiosk screen past the welcome screen."""
    return _past_welcome(new_page(kiosk_server, KIOSK_VIEWPORT))


@pytest.fixture
def impatient_kiosk_page(new_page: NewPage, impatient_kiosk_server: StreamlitServer) -> Page:
    """A portrait kiosk screen past the welcome screen, idle after a few seconds."""
    return _past_welcome(new_page(impatient_kiosk_server, KIOSK_VIEWPORT))


def _go_to_explore_and_type(page: Page, words: str) -> None:
    page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_EXPLORE).first.click()
    page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
    wait_for_app(page)
    box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill(words)
    box.press("Enter")
    page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    wait_for_app(page)


def test_kiosk_opens_on_the_welcome_screen(new_page: NewPage, kiosk_server: StreamlitServer) -> None:
    """A fresh kiosk screen shows the welcome heading, the notice and one Start button."""
    page = open_app(new_page(kiosk_server, KIOSK_VIEWPORT))
    assert page.get_by_role("heading", level=1).first.inner_text() == strings.KIOSK_WELCOME_TITLE
    assert page.get_by_text(strings.KIOSK_WELCOME_NOTICE).is_visible()
    assert page.locator("[data-testid=stMain] button").count() == 1


def test_navigation_is_the_apps_own_large_buttons(kiosk_page: Page) -> None:
    """Every page has a navigation button at least 48 px tall; Streamlit's own nav and sidebar are absent."""
    links = kiosk_page.locator("[data-testid=stPageLink] a")
    for _file, title, _path, _icon in screens():
        link = links.filter(has_text=title).first
        box = link.bounding_box()
        assert box is not None and box["height"] >= 48 and box["width"] >= 48, title
    for selector in ("[data-testid=stSidebar]", "[data-testid=stSidebarNav]", "[data-testid=stTopNavLinkContainer]",
                     "[data-testid=stMainMenu]", "[data-testid=stAppDeployButton]", "[data-testid=stToolbarActions]"):
        assert kiosk_page.locator(selector).count() == 0, selector


def test_explore_uses_the_portrait_screen(kiosk_page: Page) -> None:
    """On a 1,080 px wide portrait screen the page spans nearly all of it and the map gets about half."""
    kiosk_page.locator("[data-testid=stPageLink] a").filter(has_text=strings.NAV_EXPLORE).first.click()
    kiosk_page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
    content = kiosk_page.locator("[data-testid=stMainBlockContainer]").bounding_box()
    body = kiosk_page.locator('svg.gm-view[data-view="back"]').bounding_box()
    assert content is not None and content["width"] >= 0.95 * KIOSK_VIEWPORT["width"]
    assert body is not None and body["width"] >= 0.4 * KIOSK_VIEWPORT["width"]


def test_shortcut_keys_change_nothing(kiosk_page: Page) -> None:
    """Pressing c, r and Escape opens no dialog and starts no rerun."""
    kiosk_page.mouse.click(5, 5)
    reruns: list[str] = []
    kiosk_page.on("websocket", lambda ws: reruns.append("new socket"))
    for key in ("c", "r", "Escape", "C", "R"):
        kiosk_page.keyboard.press(key)
        time.sleep(0.3)
        assert kiosk_page.locator("[role=dialog]").count() == 0, key
        assert kiosk_page.locator("[data-testid=stApp][data-test-script-state=running]").count() == 0, key
    assert kiosk_page.get_by_role("heading", name=strings.HOME_TITLE, level=1).is_visible()
    assert reruns == []


def test_still_here_keeps_the_visit(impatient_kiosk_page: Page) -> None:
    """The idle warning appears after the idle time, and "I'm still here" keeps what the visitor typed."""
    _go_to_explore_and_type(impatient_kiosk_page, "outer knee pain when running")
    warning = impatient_kiosk_page.get_by_test_id("kiosk-idle-warning")
    warning.wait_for(state="visible", timeout=(IDLE_SECONDS + 5) * 1000)
    assert "seconds" in warning.inner_text()
    impatient_kiosk_page.get_by_test_id("kiosk-still-here").click()
    assert warning.is_hidden()
    assert impatient_kiosk_page.get_by_label(strings.EXPLORE_TEXT_LABEL).input_value() == "outer knee pain when running"
    assert impatient_kiosk_page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).is_visible()


# Long (about half a minute each: the idle timer runs out for real); make test-long runs it, as does CI.
@pytest.mark.long
def test_idle_timeout_wipes_the_visit_and_returns_to_welcome(impatient_kiosk_page: Page) -> None:
    """Letting the countdown run out reloads to the welcome screen with no trace of the earlier input."""
    _go_to_explore_and_type(impatient_kiosk_page, "pain down the side of my leg")
    impatient_kiosk_page.mouse.wheel(0, 600)
    warning_seconds = 20
    impatient_kiosk_page.get_by_role("heading", name=strings.KIOSK_WELCOME_TITLE, level=1).wait_for(
        timeout=(IDLE_SECONDS + warning_seconds + 15) * 1000
    )
    wait_for_app(impatient_kiosk_page)
    assert impatient_kiosk_page.evaluate("window.scrollY") == 0
    assert "side of my leg" not in impatient_kiosk_page.content()
    impatient_kiosk_page.get_by_role("button", name=strings.KIOSK_START).click()
    impatient_kiosk_page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    impatient_kiosk_page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_EXPLORE).first.click()
    impatient_kiosk_page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
    wait_for_app(impatient_kiosk_page)
    assert impatient_kiosk_page.get_by_label(strings.EXPLORE_TEXT_LABEL).input_value() == ""
    assert strings.EXPLORE_WHY not in impatient_kiosk_page.content()


def test_every_request_stays_on_the_kiosk_machine(start_server: StartServer, new_page: NewPage) -> None:
    """Through a whole kiosk visit every request goes to 127.0.0.1."""
    server = start_server(GLUTEMAP_KIOSK="1")
    page = new_page(server, KIOSK_VIEWPORT)
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2].split(":")[0]))
    open_app(page)
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    for _file, title, _path, _icon in screens():
        page.locator("[data-testid=stPageLink] a", has_text=title).first.click()
        wait_for_app(page)
    assert hosts == {"127.0.0.1"}


# Links or frames off the app's origin, and chart toolbars (plotly's mode bar, Streamlit's hover toolbar).
LOCKDOWN_PROBE = """() => {
  const found = [];
  for (const el of document.querySelectorAll('a[href], iframe[src], area[href], form[action]')) {
    const address = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action');
    const url = new URL(address, location.href);
    if (url.origin !== location.origin) found.push(el.tagName + ' ' + url.href);
    if (el.getAttribute('target') === '_blank') found.push('new window ' + url.href);
  }
  for (const el of document.querySelectorAll('.modebar, .modebar-container, [data-testid=stElementToolbar]')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden') found.push('toolbar');
  }
  return found;
}"""


def _open_every_expander(page: Page) -> None:
    closed = page.locator("[data-testid=stExpander] details:not([open]) > summary")
    for _pass in range(3):  # a rerun can redraw an expander closed while the others are being opened
        for _ in range(100):
            if closed.count() == 0:
                break
            closed.first.click()
        wait_for_app(page)
        if closed.count() == 0:
            break
    assert closed.count() == 0, closed.all_inner_texts()


def _hover_every_chart(page: Page) -> None:
    for figure in page.locator("[data-testid=stPlotlyChart]").all():
        if not figure.is_visible():
            continue
        figure.scroll_into_view_if_needed()
        figure.hover()


def test_no_screen_offers_a_way_out_or_a_chart_toolbar(kiosk_page: Page) -> None:
    """Every screen, every expander open and every chart hovered: no link off the kiosk and no chart toolbar."""
    visited = []
    for _file, title, _path, _icon in screens():
        kiosk_page.locator("[data-testid=stPageLink] a", has_text=title).first.click()
        wait_for_app(kiosk_page)
        if title == strings.NAV_CONDITIONS:
            kiosk_page.locator("[data-testid=stButton] button", has_text="Trochanteric").first.click()
            wait_for_app(kiosk_page)
        if title == strings.NAV_EXPLORE:
            box = kiosk_page.get_by_label(strings.EXPLORE_TEXT_LABEL)
            box.fill("pain on the outside of my hip when I lie on it")
            box.press("Enter")
            kiosk_page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
            wait_for_app(kiosk_page)
        _open_every_expander(kiosk_page)
        _hover_every_chart(kiosk_page)
        assert kiosk_page.evaluate(LOCKDOWN_PROBE) == [], title
        visited.append(title)
    assert len(visited) == len(screens())


# Long (about half a minute each: the idle timer runs out for real); make test-long runs it, as does CI.
@pytest.mark.long
def test_back_after_an_idle_reset_shows_welcome_and_start_opens_home(impatient_kiosk_page: Page) -> None:
    """The previous visitor's page is not reachable: Back after the reset shows the welcome screen, then Start opens Home."""
    page = impatient_kiosk_page
    page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_CONDITIONS).first.click()
    wait_for_app(page)
    page.locator("[data-testid=stButton] button", has_text="Trochanteric").first.click()
    page.wait_for_url("**condition=trochanteric_bursitis**")
    wait_for_app(page)
    page.get_by_role("heading", name=strings.KIOSK_WELCOME_TITLE, level=1).wait_for(timeout=(IDLE_SECONDS + 35) * 1000)
    page.go_back()
    page.get_by_role("heading", name=strings.KIOSK_WELCOME_TITLE, level=1).wait_for()
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    wait_for_app(page)
    assert "condition=" not in page.url
    assert "Trochanteric" not in page.locator("h1, h2").all_inner_texts()


def test_a_kiosk_visit_leaves_no_media_on_the_server(kiosk_page: Page) -> None:
    """Exercise drawings and the plan's QR code are drawn into the page: nothing of the visit is served by URL."""
    media: list[str] = []
    kiosk_page.on("request", lambda request: media.append(request.url) if "/media/" in request.url else None)
    kiosk_page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_EXERCISES).first.click()
    wait_for_app(kiosk_page)
    kiosk_page.locator("[data-testid=stButton] button", has_text="to my plan").first.click()
    wait_for_app(kiosk_page)
    kiosk_page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_PLAN).first.click()
    wait_for_app(kiosk_page)
    kiosk_page.get_by_text(strings.PLAN_QR_CAPTION).first.wait_for()
    assert kiosk_page.locator("[data-testid=stImage] img").count() >= 3
    assert media == []
