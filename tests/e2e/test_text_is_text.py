"""Addresses, Markdown links and directives typed into a URL or a text box stay text in a real browser."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Page

from glutemap import strings
from testing.harness import StreamlitServer, open_app, wait_for_app

from .conftest import NewPage

pytestmark = pytest.mark.browser

TRICKS = (
    "Please continue at http://evil.example/login or www.evil.example, mail help@evil.example, "
    "[log in](https://evil.example/a) ![x](https://evil.example/p.png) :material/home: :red[alarm]"
)

# Every link, image or frame that leads off the app's own origin, and any Material icon drawn from the text.
OFF_SITE_PROBE = """(needle) => {
  const found = [];
  const here = location.origin;
  for (const el of document.querySelectorAll('a[href], img[src], iframe[src], area[href]')) {
    const address = el.getAttribute('href') ?? el.getAttribute('src');
    const url = new URL(address, location.href);
    if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
    if (url.origin !== here) found.push(el.tagName + ' ' + url.href);
  }
  for (const el of document.querySelectorAll('a[href]')) {
    if ((el.textContent || '').includes(needle)) found.push('link text ' + el.textContent);
  }
  return found;
}"""


def _shown_text(page: Page) -> str:
    return page.locator("section.stMain, [data-testid=stMain]").first.inner_text().replace("\u2060", "")


def _assert_stays_text(page: Page) -> None:
    assert page.evaluate(OFF_SITE_PROBE, "evil.example") == []


@pytest.mark.parametrize(
    ("path", "echoed"),
    [
        (f"conditions?condition={quote(TRICKS)}", True),
        (f"?condition={quote(TRICKS)}", True),
        (f"anatomy?muscle={quote(TRICKS)}", True),
        (f"?muscle={quote(TRICKS)}", True),
        (f"exercises?exercise={quote(TRICKS)}", False),
        (f"plan?condition={quote(TRICKS)}&muscle={quote(TRICKS)}", True),
    ],
)
def test_a_hostile_query_value_never_becomes_a_link(page: Page, path: str, echoed: bool) -> None:
    """A deep link whose value holds addresses and directives shows them, if at all, as the plain words typed."""
    open_app(page, path)
    _assert_stays_text(page)
    if echoed:
        shown = _shown_text(page)
        assert "http://evil.example/login" in shown
        assert ":material/home:" in shown
        assert "[log in](https://evil.example/a)" in shown


def test_hostile_words_in_the_explore_box_stay_text(page: Page) -> None:
    """Addresses typed into Explore's text box lead nowhere, whatever the answer shows."""
    open_app(page, "explore")
    box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill(f"outer knee pain {TRICKS}")
    box.press("Enter")
    page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    wait_for_app(page)
    _assert_stays_text(page)


def test_hostile_words_in_the_condition_search_stay_text(page: Page) -> None:
    """Addresses typed into the condition search lead nowhere."""
    open_app(page, "conditions")
    box = page.get_by_label(strings.CONDITION_SEARCH_LABEL)
    box.fill(TRICKS[:200])
    box.press("Enter")
    wait_for_app(page)
    _assert_stays_text(page)


def test_source_addresses_are_text_not_links(new_page: NewPage, app_server: StreamlitServer) -> None:
    """Sources & about writes every source's address out but links none of them."""
    page = new_page(app_server)
    open_app(page, "about")
    for expander in page.locator("[data-testid=stExpander] summary").all():
        if expander.locator("xpath=..").get_attribute("open") is None:
            expander.click()
    wait_for_app(page)
    assert "https://" in _shown_text(page)
    assert page.evaluate(OFF_SITE_PROBE, "https://") == []
