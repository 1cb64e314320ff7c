"""Whole visitor journeys in a real browser: map -> results -> condition -> exercise -> plan -> QR code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase
from testing.harness import EXPLORE_WARNING_SIGNS, URGENT_PANEL, StreamlitServer, open_app, unfold, wait_for_app

from .conftest import NewPage

pytestmark = pytest.mark.browser

KIOSK_VIEWPORT = {"width": 1080, "height": 1920}


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[StreamlitServer]:
    """A kiosk-mode server for the touch journey."""
    with StreamlitServer({"GLUTEMAP_KIOSK": "1"}) as server:
        yield server


def _settle(page: Page) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page)


def _tap_region(page: Page, tap_id: str) -> None:
    page.locator(f'[data-region="{tap_id}"]').first.click()
    _settle(page)


def test_clicking_a_body_region_changes_the_results(page: Page, knowledge: KnowledgeBase) -> None:
    """Clicking the outer knee on the side view brings up IT band syndrome with why it was shown."""
    open_app(page, "explore")
    assert page.get_by_text(strings.EXPLORE_NO_INPUT).is_visible()
    page.get_by_role("radio", name=strings.BODYMAP_VIEW_CHOICES["side_right"]).click()
    _settle(page)
    _tap_region(page, "knee_lateral_r")
    name = knowledge.conditions["it_band_syndrome"].name
    page.get_by_role("heading", name=name).first.wait_for()
    assert page.get_by_text(strings.EXPLORE_WHY).first.is_visible()
    assert page.locator('[data-region="knee_lateral_r"]').first.get_attribute("aria-pressed") == "true"
    _tap_region(page, "knee_lateral_r")
    page.get_by_text(strings.EXPLORE_NO_INPUT).wait_for()


def test_result_sections_open_on_demand_and_keep_the_choices(page: Page, knowledge: KnowledgeBase) -> None:
    """Each results section, once chosen, shows (built only then); the conditions come back intact."""
    open_app(page, "explore")
    page.get_by_label(strings.EXPLORE_TEXT_LABEL).fill("outer knee pain when running")
    page.get_by_label(strings.EXPLORE_TEXT_LABEL).press("Enter")
    condition = knowledge.conditions["it_band_syndrome"].name
    page.get_by_role("heading", name=condition).first.wait_for()
    assert page.locator("[data-testid=stPlotlyChart]").count() == 0  # not built until its section is chosen
    page.get_by_role("radio", name=strings.EXPLORE_SECTION_FLOW, exact=True).click()
    page.locator("[data-testid=stPlotlyChart]").first.wait_for()
    page.get_by_role("radio", name=strings.EXPLORE_SECTION_MUSCLES, exact=True).click()
    medius = knowledge.muscles["gluteus_medius"].name
    page.get_by_role("img", name=strings.REFERRAL_ALT.format(view=strings.BODYMAP_VIEW_TITLES["back"], muscle=medius)).wait_for()
    page.get_by_role("radio", name=strings.EXPLORE_SECTION_NEXT, exact=True).click()
    page.get_by_role("heading", name=strings.DECIDE_HEADING).wait_for()
    page.get_by_role("radio", name=strings.EXPLORE_SECTION_CONDITIONS, exact=True).click()
    page.get_by_role("heading", name=condition).first.wait_for()
    assert page.get_by_label(strings.EXPLORE_TEXT_LABEL).input_value() == "outer knee pain when running"
    assert page.locator("[data-testid=stException]").count() == 0


def test_touch_journey_from_welcome_to_a_qr_code(new_page: NewPage, kiosk_server: StreamlitServer,
                                                 knowledge: KnowledgeBase) -> None:
    """Start -> tap a region -> see conditions -> open one -> open an exercise -> add it -> see the plan's QR code."""
    page = new_page(kiosk_server, KIOSK_VIEWPORT)
    open_app(page)
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_EXPLORE).first.click()
    page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
    _settle(page)
    _tap_region(page, "heel_plantar_l")
    condition = knowledge.conditions["plantar_fasciitis"]
    page.get_by_role("heading", name=condition.name).first.wait_for()
    page.get_by_role("link", name=strings.EXPLORE_OPEN_CONDITION.format(name=condition.name)).first.click()
    page.get_by_role("heading", name=condition.name).first.wait_for()
    _settle(page)
    exercise = knowledge.exercises[condition.exercises[0]]
    unfold(page, ".st-key-condition_exercises")  # a condition opens short: its exercises are a tap away
    page.locator("[data-testid=stPageLink] a", has_text=exercise.name).first.click()
    page.get_by_role("heading", name=exercise.name).first.wait_for()
    _settle(page)
    page.get_by_role("button", name=strings.PLAN_ADD.format(name=exercise.name)).first.click()
    _settle(page)
    page.locator("[data-testid=stPageLink] a", has_text=strings.NAV_PLAN).first.click()
    page.get_by_role("heading", name=strings.PLAN_TITLE, level=1).wait_for()
    _settle(page)
    assert page.get_by_text(exercise.name).first.is_visible()
    qr = page.get_by_role("img", name=strings.PLAN_QR_CAPTION)
    qr.wait_for()
    box = qr.bounding_box()
    assert box is not None and box["width"] > 100
    assert page.get_by_role("button", name="Download").count() == 0  # kiosk: QR only, no download


def test_plan_built_from_explore_results_shows_its_qr_code(page: Page, knowledge: KnowledgeBase) -> None:
    """An exercise added straight from the Explore results appears in My plan with a QR code."""
    open_app(page, "explore")
    box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill("outer knee pain when running")
    box.press("Enter")
    page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    _settle(page)
    exercise = knowledge.exercises[knowledge.conditions["it_band_syndrome"].exercises[0]]
    unfold(page, ".st-key-exercises_for_it_band_syndrome")  # a result card opens short: its exercises are a tap away
    page.get_by_role("button", name=strings.PLAN_ADD.format(name=exercise.name)).first.click()
    _settle(page)
    page.get_by_role("link", name=strings.NAV_PLAN).first.click()
    page.get_by_role("heading", name=strings.PLAN_TITLE, level=1).wait_for()
    _settle(page)
    assert page.get_by_text(exercise.name).first.is_visible()
    page.get_by_role("img", name=strings.PLAN_QR_CAPTION).wait_for()


TICKED_SIGN = "button[aria-pressed=true]"


def test_clear_also_unticks_the_warning_signs(page: Page, knowledge: KnowledgeBase) -> None:
    """"Clear" forgets the ticked signs with the places and words: none stays ticked and the urgent panel goes."""
    open_app(page, "explore")
    unfold(page, EXPLORE_WARNING_SIGNS)
    page.get_by_role("button", name=knowledge.red_flags["saddle_numbness"].title).click()
    page.locator(URGENT_PANEL).wait_for()
    assert page.locator(f"{EXPLORE_WARNING_SIGNS} {TICKED_SIGN}").count() == 1
    page.get_by_role("button", name=strings.EXPLORE_CLEAR).click()
    page.locator(URGENT_PANEL).wait_for(state="detached")
    _settle(page)
    assert page.locator(f"{EXPLORE_WARNING_SIGNS} {TICKED_SIGN}").count() == 0


def test_yes_to_a_question_asked_back_ticks_the_sign_in_the_safety_check(page: Page, knowledge: KnowledgeBase) -> None:
    """Words that only suggest a warning sign ask about it; "Yes" shows the urgent panel and ticks the sign above."""
    open_app(page, "explore")
    unfold(page, EXPLORE_WARNING_SIGNS)
    flag = knowledge.red_flags["bladder_trouble"]
    page.get_by_label(strings.EXPLORE_TEXT_LABEL).fill("my back aches, what if I cannot pee later on")
    page.get_by_label(strings.EXPLORE_TEXT_LABEL).press("Enter")
    page.locator(".st-key-explore_ask").wait_for()
    page.locator(f".st-key-explore_ask_{flag.id} button").click()
    page.locator(URGENT_PANEL).wait_for()
    _settle(page)
    assert page.locator(f"{EXPLORE_WARNING_SIGNS} {TICKED_SIGN}").all_inner_texts() == [flag.title]


def test_red_flag_journey_shows_the_urgent_panel_before_any_result(page: Page, knowledge: KnowledgeBase) -> None:
    """Ticking a red flag with a region chosen puts "Seek care now" above every result and hides exercises."""
    open_app(page, "explore")
    flag = knowledge.red_flags["saddle_numbness"]
    unfold(page, EXPLORE_WARNING_SIGNS)
    page.get_by_role("button", name=flag.title).click()
    _settle(page)
    page.get_by_role("radio", name=strings.BODYMAP_VIEW_CHOICES["side_right"]).click()
    _settle(page)
    _tap_region(page, "knee_lateral_r")
    urgent = page.get_by_text(strings.URGENT_TITLE).first
    result = page.get_by_role("heading", name=knowledge.conditions["it_band_syndrome"].name).first
    result.wait_for()
    assert urgent.bounding_box()["y"] < result.bounding_box()["y"]
    assert page.get_by_text(strings.EXPLORE_EXERCISES_HIDDEN).first.is_visible()
    assert page.get_by_role("button", name=strings.PLAN_ADD.format(name=knowledge.exercises["clam_shell"].name)).count() == 0
