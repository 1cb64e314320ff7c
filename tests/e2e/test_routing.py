"""Every screen opens by its URL, deep links open their record, and in-app navigation reaches the right page."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase
from glutemap.ui.app_shell import screens
from testing.harness import MAIN_HEADING, StreamlitServer, new_context, open_app, unfold, wait_for_app

pytestmark = pytest.mark.browser

MAIN = "[data-testid=stMain]"
# (url path, navigation title) of every screen, straight from the router's page list.
SCREENS = [(url_path, title) for _file, title, url_path, _icon in screens()]
HOME_URL_PATH = SCREENS[0][0]
# (link as shared, kind of record, record id, the page path it must land on)
DEEP_LINKS = [
    ("conditions?condition=it_band_syndrome", "conditions", "it_band_syndrome", "/conditions"),
    ("anatomy?muscle=gluteus_minimus", "muscles", "gluteus_minimus", "/anatomy"),
    ("exercises?exercise=clam_shell", "exercises", "clam_shell", "/exercises"),
    ("?condition=it_band_syndrome", "conditions", "it_band_syndrome", "/conditions"),
]


@pytest.fixture(scope="module")
def opened_screen(browser: Browser, app_server: StreamlitServer) -> Iterator[Callable[[str], Page]]:
    """Open a screen once per module and hand out the same page, for tests that only look at it."""
    context = new_context(browser, app_server)
    opened: dict[str, Page] = {}

    def screen(address: str) -> Page:
        if address not in opened:
            page = context.new_page()
            open_app(page, address)
            opened[address] = page
        return opened[address]

    yield screen
    context.close()


def address_of(url_path: str) -> str:
    """The URL path a visitor types: the default page lives at the root."""
    return "" if url_path == HOME_URL_PATH else url_path


def heading_for(url_path: str) -> str:
    """The screen's heading, from strings.<URL_PATH>_TITLE (e.g. strings.EXPLORE_TITLE)."""
    name = f"{url_path.upper()}_TITLE"
    heading = getattr(strings, name, None)
    if heading is None:
        pytest.fail(f"glutemap.strings.{name} is not defined: the {url_path!r} screen has no heading yet")
    return str(heading)


def expect_record_shown(page: Page, knowledge: KnowledgeBase, kind: str, record_id: str) -> None:
    """The record's name is a heading in the main area and the start of its summary is visible."""
    record = getattr(knowledge, kind)[record_id]
    main = page.locator(MAIN)
    expect(main.get_by_role("heading", name=record.name, exact=True)).to_be_visible()
    opening = " ".join(record.summary.split()[:8])
    expect(main.get_by_text(opening).first).to_be_visible()


@pytest.mark.parametrize("url_path", [s[0] for s in SCREENS])
def test_screen_opens_by_its_url_with_its_heading(opened_screen: Callable[[str], Page], url_path: str) -> None:
    """Typing a screen's URL shows that screen, recognised by its own heading."""
    page = opened_screen(address_of(url_path))
    expect(page.locator(MAIN_HEADING).first).to_have_text(heading_for(url_path))


@pytest.mark.parametrize("url_path", [s[0] for s in SCREENS])
def test_screen_shows_the_short_disclaimer(opened_screen: Callable[[str], Page], knowledge: KnowledgeBase, url_path: str) -> None:
    """Every screen shows the short educational-only notice from knowledge/disclaimer.yaml."""
    page = opened_screen(address_of(url_path))
    expect(page.locator(MAIN).get_by_text(knowledge.disclaimer.short).first).to_be_visible()


@pytest.mark.parametrize(("link", "kind", "record_id", "_path"), DEEP_LINKS, ids=[d[0] for d in DEEP_LINKS])
def test_deep_link_shows_its_record(
    opened_screen: Callable[[str], Page], knowledge: KnowledgeBase, link: str, kind: str, record_id: str, _path: str
) -> None:
    """A shared link such as /anatomy?muscle=gluteus_minimus opens showing that record."""
    page = opened_screen(link)
    expect_record_shown(page, knowledge, kind, record_id)


@pytest.mark.parametrize(("link", "kind", "record_id", "path"), DEEP_LINKS, ids=[d[0] for d in DEEP_LINKS])
def test_deep_link_survives_a_reload(
    page: Page, knowledge: KnowledgeBase, link: str, kind: str, record_id: str, path: str
) -> None:
    """Reloading a deep-linked page keeps its address (page and query) and still shows the record."""
    open_app(page, link)
    page.reload()
    wait_for_app(page)
    address = urlsplit(page.url)
    assert (address.path, address.query) == (path, link.partition("?")[2])
    expect_record_shown(page, knowledge, kind, record_id)


def test_record_link_on_home_switches_to_the_conditions_page(opened_screen: Callable[[str], Page]) -> None:
    """/?condition=x arrives on Home and is switched (st.switch_page) to /conditions with the query kept."""
    page = opened_screen("?condition=it_band_syndrome")
    expect(page).to_have_url(re.compile(r"/conditions\?condition=it_band_syndrome$"))
    expect(page.locator(MAIN_HEADING).first).to_have_text(heading_for("conditions"))


def test_page_link_on_home_opens_explore(page: Page) -> None:
    """Clicking Home's st.page_link to Explore opens the Explore screen."""
    open_app(page)
    page.locator(f'{MAIN} [data-testid=stPageLink] a[href$="explore"]').first.click()
    expect(page).to_have_url(re.compile(r"/explore(\?|$)"))
    wait_for_app(page)
    expect(page.locator(MAIN_HEADING).first).to_have_text(heading_for("explore"))


def test_muscle_link_on_a_condition_opens_that_muscle(page: Page, knowledge: KnowledgeBase) -> None:
    """A condition's st.page_link to one of its muscles opens the Anatomy screen showing that muscle."""
    muscle_id = knowledge.conditions["it_band_syndrome"].muscle_links[0].muscle
    open_app(page, "conditions?condition=it_band_syndrome")
    unfold(page, ".st-key-condition_muscles")  # a condition opens short: how its muscles are involved is a tap away
    page.locator(f'{MAIN} [data-testid=stPageLink] a[href$="anatomy?muscle={muscle_id}"]').first.click()
    expect(page).to_have_url(re.compile(rf"/anatomy\?muscle={muscle_id}$"))
    wait_for_app(page)
    expect_record_shown(page, knowledge, "muscles", muscle_id)


def test_navigation_bar_link_opens_its_screen(page: Page) -> None:
    """Clicking a screen's name in the top navigation (st.navigation) opens that screen."""
    url_path, nav_title = next(screen for screen in SCREENS if screen[0] == "exercises")
    open_app(page)
    page.locator("[data-testid=stTopNavLink]").filter(has_text=nav_title).click()
    # The screen may add its current choice to the address (/exercises?exercise=...).
    expect(page).to_have_url(re.compile(rf"/{url_path}(\?|$)"))
    wait_for_app(page)
    expect(page.locator(MAIN_HEADING).first).to_have_text(heading_for(url_path))
