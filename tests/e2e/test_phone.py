"""On a phone (390 x 844, touch): Explore is short and its answer comes into view; no screen cuts text off at 360 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from glutemap import strings
from glutemap.ui.app_shell import screens
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

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 360, "height": 780}

# Elements whose text overflows their box and is hidden or ended with an ellipsis.
CUT_OFF_PROBE = """(root) => {
  const cut = [];
  for (const el of (root || document).querySelectorAll('*')) {
    if (!el.textContent || !el.textContent.trim() || el.children.length > 2) continue;
    if (el.clientWidth < 2 || el.getClientRects().length === 0) continue;  // hidden, or visually hidden on purpose
    const style = getComputedStyle(el);
    const hides = style.textOverflow === 'ellipsis' || style.overflow === 'hidden' || style.overflowX === 'hidden';
    if (hides && el.scrollWidth > el.clientWidth + 1) cut.push(el.textContent.trim().slice(0, 60));
  }
  return cut;
}"""


@pytest.fixture
def phone(new_page: NewPage, app_server: StreamlitServer) -> Page:
    """Explore on a phone-sized screen, scrolled to the top."""
    page = open_app(new_page(app_server, PHONE), "explore")
    page.evaluate("window.scrollTo(0, 0)")
    return page


def test_enter_in_the_text_box_brings_the_answer_into_view(phone: Page) -> None:
    """Typing a description and pressing Enter (no Ctrl) shows the results on screen."""
    box = phone.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill("pain on the outside of my hip when I lie on it")
    box.press("Enter")
    expect(phone.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)
    expect(phone.get_by_text(strings.EXPLORE_WHY).first).to_be_visible()


def test_the_show_button_applies_the_text_too(phone: Page) -> None:
    """A visitor without an Enter key can press the button instead."""
    phone.get_by_label(strings.EXPLORE_TEXT_LABEL).fill("heel pain first thing in the morning")
    phone.get_by_role("button", name=strings.EXPLORE_APPLY).click()
    expect(phone.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


def test_a_ticked_warning_sign_brings_seek_care_now_into_view(phone: Page) -> None:
    """Ticking a warning sign near the top of the page shows the urgent panel at once, not thousands of pixels away."""
    unfold(phone, EXPLORE_WARNING_SIGNS)
    phone.locator(WARNING_SIGN_BUTTONS).first.click()
    expect(phone.locator(URGENT_PANEL)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


def test_a_tapped_description_brings_the_answer_into_view(phone: Page) -> None:
    """Without typing at all: a suggested description is one tap, and its answer comes on screen."""
    phone.locator(SUGGESTION_BUTTONS).first.click()
    expect(phone.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)
    expect(phone.get_by_text(strings.EXPLORE_WHY).first).to_be_visible()


def test_a_warning_sign_in_words_brings_seek_care_now_into_view(phone: Page) -> None:
    """A warning sign typed in everyday words also scrolls to the urgent panel."""
    box = phone.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill("my back hurts and I can't feel anything between my legs")
    box.press("Enter")
    expect(phone.locator(URGENT_PANEL)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


def test_a_chosen_area_brings_the_answer_into_view(phone: Page) -> None:
    """Choosing an area from the list shows the results on screen."""
    unfold(phone, EXPLORE_AREA_LIST)
    phone.locator(AREA_LIST_BUTTONS).first.click()
    expect(phone.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


# Opens the folded section and, on every frame for longer than Streamlit's half-second unfolding animation,
# measures how much of its content it hides (its scroll height beyond its own height).
HIDDEN_WHILE_OPENING = """async (details) => {
  const hidden = [];
  details.querySelector('summary').click();
  const start = performance.now();
  while (performance.now() - start < 700) {
    hidden.push(details.scrollHeight - details.clientHeight);
    await new Promise((done) => requestAnimationFrame(done));
  }
  return hidden;
}"""


def test_a_folded_list_opens_at_once(phone: Page) -> None:
    """The area list never hides part of itself while it opens, so a quick tap meets the choice it was aimed at."""
    hidden = phone.locator(f"{EXPLORE_AREA_LIST} details").first.evaluate(HIDDEN_WHILE_OPENING)
    assert len(hidden) > 5 and max(hidden) <= 1, hidden


def test_a_folded_list_closes_at_once(phone: Page) -> None:
    """Folding the list hides its choices straight away instead of leaving them tappable while it shrinks."""
    unfold(phone, EXPLORE_AREA_LIST)
    phone.locator(f"{EXPLORE_AREA_LIST} summary").first.click()
    assert not phone.locator(f"{EXPLORE_AREA_LIST} [data-testid=stButtonGroup]").first.is_visible()


def test_other_reruns_do_not_move_the_page(phone: Page) -> None:
    """Once the answer is shown, a rerun that changes nothing it depends on leaves the scroll where the visitor put it."""
    box = phone.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill("outer knee pain when running")
    box.press("Enter")
    expect(phone.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)
    phone.evaluate("window.scrollTo(0, 0)")
    phone.get_by_role("button", name=strings.EXPLORE_APPLY).click()
    wait_for_app(phone)
    phone.wait_for_timeout(800)
    assert phone.evaluate("window.scrollY") == 0


def _settled(phone: Page) -> Page:
    """The page once the body map is drawn (shown or not): an earlier measure can miss half the page."""
    phone.locator("svg.gm-view").first.wait_for(state="attached")
    wait_for_app(phone)
    return phone


def _show_the_drawing(phone: Page) -> None:
    phone.get_by_role("radio", name=strings.EXPLORE_INPUT_MODES["map"], exact=True).click()
    expect(phone.locator("svg.gm-view:visible").first).to_be_visible()
    wait_for_app(phone)


def test_the_text_box_and_its_button_are_on_the_first_screen(phone: Page) -> None:
    """A visitor on a phone can describe the pain and press the button without scrolling."""
    page = _settled(phone)
    for element in (page.get_by_label(strings.EXPLORE_TEXT_LABEL), page.get_by_role("button", name=strings.EXPLORE_APPLY)):
        box = element.bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], box


def test_a_phone_shows_one_way_of_saying_where_at_a_time(phone: Page) -> None:
    """Words first, the body map hidden; choosing the drawing shows the map in place of the words."""
    page = _settled(phone)
    expect(page.locator("svg.gm-view:visible")).to_have_count(0)
    _show_the_drawing(page)
    expect(page.get_by_label(strings.EXPLORE_TEXT_LABEL)).to_be_hidden()
    box = page.locator("svg.gm-view:visible").first.bounding_box()
    assert box is not None and box["y"] <= 1.5 * PHONE["height"], box


def test_an_area_tapped_on_the_drawing_brings_the_answer_into_view(phone: Page) -> None:
    """On the phone's drawing, a tapped area shows the results on screen."""
    _show_the_drawing(phone)
    phone.locator("svg.gm-view:visible [data-region]").first.click()
    expect(phone.locator(EXPLORE_RESULTS)).to_be_in_viewport(timeout=ANSWER_IN_VIEW_MS)


def test_a_wide_screen_shows_the_words_and_the_map_side_by_side(new_page: NewPage, app_server: StreamlitServer) -> None:
    """On a laptop both ways are on screen together, and the phone's choice between them is not shown."""
    page = open_app(new_page(app_server), "explore")
    expect(page.locator("svg.gm-view:visible").first).to_be_visible()
    expect(page.get_by_label(strings.EXPLORE_TEXT_LABEL)).to_be_visible()
    expect(page.get_by_role("radio", name=strings.EXPLORE_INPUT_MODES["map"], exact=True)).to_be_hidden()


def test_explore_before_any_choice_is_at_most_three_screens_tall(phone: Page) -> None:
    """A first-time visitor on a phone reaches the warning signs, the text box and the answer's place within three screens."""
    height = _settled(phone).evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
    assert height <= 3 * PHONE["height"], f"Explore is {height / PHONE['height']:.1f} screens tall"


def test_warning_sign_questions_are_readable_in_full_at_360_px(new_page: NewPage, app_server: StreamlitServer) -> None:
    """No warning-sign question or area choice on Explore is cut off with an ellipsis on a narrow phone."""
    page = open_app(new_page(app_server, NARROW), "explore")
    unfold(page, EXPLORE_WARNING_SIGNS)
    unfold(page, EXPLORE_AREA_LIST)
    assert page.evaluate(CUT_OFF_PROBE, None) == []


@pytest.mark.parametrize("url_path", [url_path for _, _, url_path, _ in screens() if url_path != "explore"])
def test_no_text_is_cut_off_at_360_px(url_path: str, new_page: NewPage, app_server: StreamlitServer) -> None:
    """Links, choices and labels on every other screen wrap onto more lines instead of ending in "…"."""
    page = open_app(new_page(app_server, NARROW), url_path)
    assert page.evaluate(CUT_OFF_PROBE, None) == []


# The exercise library's cards sit in a row that scrolls sideways on purpose (tested below), so theirs are not counted.
PAST_THE_EDGE = """() => [...document.querySelectorAll('[data-testid=stImage], [data-testid=stImage] img')]
  .filter((element) => !element.closest('.st-key-exercise_cards'))
  .map((element) => element.getBoundingClientRect())
  .filter((box) => box.width > 0 && box.right > document.documentElement.clientWidth + 1)
  .map((box) => Math.round(box.right))"""


@pytest.mark.parametrize(
    "url_path", ["exercises?exercise=abduction_lift", "anatomy?muscle=gluteus_medius", "plan?plan=clam_shell.r"]
)
def test_no_picture_runs_past_the_edge_at_360_px(url_path: str, new_page: NewPage, app_server: StreamlitServer) -> None:
    """A picture drawn at a set width (an exercise's moving picture was 600 px) shrinks to a narrow phone's column."""
    page = open_app(new_page(app_server, NARROW), url_path)
    page.locator("[data-testid=stImage] img").first.wait_for()
    assert page.evaluate(PAST_THE_EDGE) == []


EXERCISE_CARDS = ".st-key-exercise_cards"
CARD_BUTTONS = "[class*=st-key-exercise_open_] button"  # a card's name (not its picture's full-screen button)


def test_the_exercise_cards_scroll_sideways_in_their_row_not_the_page(new_page: NewPage, app_server: StreamlitServer) -> None:
    """On a narrow phone the library is one row of cards that scrolls by itself: the page never scrolls sideways,
    and every card's name is readable in full on a button at least 48 px tall."""
    page = open_app(new_page(app_server, NARROW), "exercises")
    row = page.locator(EXERCISE_CARDS)
    row.locator("[data-testid=stImage] img").first.wait_for()
    widths = row.evaluate("(element) => [element.scrollWidth, element.clientWidth]")
    assert widths[0] > widths[1] + 100  # more cards than fit: the row scrolls
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    heights = page.locator(CARD_BUTTONS).evaluate_all("(buttons) => buttons.map((button) => button.offsetHeight)")
    assert heights and min(heights) >= 48
    pictures = row.locator("[data-testid=stImage] img").evaluate_all("(images) => images.map((image) => image.offsetHeight)")
    assert set(pictures) == {96}  # a standing exercise's tall picture does not make the whole row tall
    assert page.evaluate(CUT_OFF_PROBE, row.element_handle()) == []


def test_a_tapped_exercise_card_opens_that_exercise(new_page: NewPage, app_server: StreamlitServer) -> None:
    """Tapping a card's name shows that exercise under the row and marks its card as shown."""
    page = open_app(new_page(app_server, PHONE), "exercises")
    card = page.locator(CARD_BUTTONS).nth(2)
    name = card.inner_text().strip()
    card.click()
    expect(page.locator("[data-testid=stMain] h2").first).to_have_text(name)
    expect(page.locator(CARD_BUTTONS).nth(2)).to_contain_text(strings.EXERCISES_CARD_SHOWN.format(name="").strip())
