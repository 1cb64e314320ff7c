"""Every area of the body map answers in a real browser: conditions, muscles that refer pain there, or a note."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from glutemap import strings
from glutemap.figures.body import VIEWS
from testing.harness import open_app, wait_for_app

# About a minute (every tap target on four views): run by `make test-long`, which CI also runs, rather
# than `make test`. tests/test_matching.py checks every tap id answers, in-process, on each run.
pytestmark = [pytest.mark.browser, pytest.mark.long]


def _settle(page: Page) -> None:
    page.wait_for_timeout(250)
    wait_for_app(page)


def test_every_area_on_every_view_answers_when_tapped(page: Page) -> None:
    """Tapping each area alone never leaves the visitor with "nothing fits"; tapping it again clears it."""
    open_app(page, "explore")
    tapped: list[str] = []
    silent: list[str] = []
    for view in VIEWS:
        page.get_by_role("radio", name=strings.BODYMAP_VIEW_CHOICES[view], exact=True).click()
        _settle(page)
        regions = page.locator("[data-region]").filter(visible=True)
        taps = list(dict.fromkeys(regions.nth(i).get_attribute("data-region") or "" for i in range(regions.count())))
        for tap in taps:
            if tap in tapped:
                continue
            tapped.append(tap)
            area = page.locator(f'[data-region="{tap}"]').filter(visible=True).first
            area.click()
            _settle(page)
            answered = page.locator("[class*=st-key-result_], [class*=st-key-area_note_]")
            muscles_only = page.get_by_text(strings.EXPLORE_MUSCLES_ONLY)
            if page.get_by_text(strings.EXPLORE_NO_MATCH).count() or not (answered.count() or muscles_only.count()):
                silent.append(tap)
            area.click()
            _settle(page)
    assert len(tapped) >= 33
    assert silent == []
