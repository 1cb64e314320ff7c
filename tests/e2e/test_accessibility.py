"""Accessibility in a real browser: axe-core on every page, kiosk portrait and desktop, and keyboard reach."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from glutemap import strings
from glutemap.knowledge.models import KnowledgeBase
from glutemap.screens.explore import safety_checklist
from glutemap.ui.app_shell import screens
from testing.harness import EXPLORE_AREA_LIST, EXPLORE_WARNING_SIGNS, StreamlitServer, open_app, unfold, wait_for_app

from .conftest import NewPage

pytestmark = pytest.mark.browser

PATHS = [url_path if index else "" for index, (_file, _title, url_path, _icon) in enumerate(screens())]
DEEP_LINKS = ["conditions?condition=trochanteric_bursitis", "anatomy?muscle=gluteus_minimus", "exercises?exercise=clam_shell"]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "kiosk_portrait": {"width": 1080, "height": 1920}}
SERIOUS = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe() -> Axe:
    """axe-core as bundled by axe-playwright-python (works offline)."""
    return Axe()


@pytest.fixture(scope="module")
def kiosk_server() -> Iterator[StreamlitServer]:
    """A kiosk-mode server for the portrait checks."""
    with StreamlitServer({"GLUTEMAP_KIOSK": "1"}) as server:
        yield server


def _serious_violations(axe: Axe, page: Page) -> list[str]:
    results = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"]
        if violation.get("impact") in SERIOUS
    ]


@pytest.mark.parametrize("path", PATHS + DEEP_LINKS)
def test_no_serious_axe_violation_on_desktop(page: Page, axe: Axe, path: str) -> None:
    """axe-core reports no serious or critical violation on any page at 1280x800."""
    open_app(page, path)
    assert _serious_violations(axe, page) == []


# Long (every screen again, on the kiosk server); make test-long runs it, as does CI. make test keeps the desktop sweep.
@pytest.mark.long
@pytest.mark.parametrize("path", PATHS)
def test_no_serious_axe_violation_in_kiosk_portrait(new_page: NewPage, kiosk_server: StreamlitServer, axe: Axe,
                                                     path: str) -> None:
    """In kiosk mode at 1080x1920 (portrait touch screen), the welcome screen and every page pass axe-core."""
    page = open_app(new_page(kiosk_server, VIEWPORTS["kiosk_portrait"]))
    assert _serious_violations(axe, page) == []
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    wait_for_app(page)
    if path:
        title = next(title for _file, title, url_path, _icon in screens() if url_path == path)
        page.locator("[data-testid=stPageLink] a", has_text=title).first.click()
        wait_for_app(page)
    assert _serious_violations(axe, page) == []


# The element that really has the focus, looking inside shadow roots (the body map is a web component).
_FOCUSED_ELEMENT_JS = "let el = document.activeElement; " \
    "while (el && el.shadowRoot && el.shadowRoot.activeElement) { el = el.shadowRoot.activeElement; }"


def _tab_through(page: Page, presses: int) -> list[dict[str, object]]:
    seen = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        seen.append(page.evaluate("""() => {
          """ + _FOCUSED_ELEMENT_JS + """
          const style = getComputedStyle(el);
          return {tag: el.tagName, label: (el.getAttribute('aria-label') || el.innerText || el.value || '').trim().slice(0, 60),
                  outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                  shadow: style.boxShadow !== 'none',
                  dashed: (style.strokeDasharray || 'none') !== 'none'};
        }"""))
    return seen


def test_explore_controls_are_reachable_by_tab_with_a_visible_focus(page: Page, knowledge: KnowledgeBase) -> None:
    """Tab reaches the red-flag choices, the body map, the region lists and the text box, each with a visible focus."""
    open_app(page, "explore")
    unfold(page, EXPLORE_WARNING_SIGNS)
    unfold(page, EXPLORE_AREA_LIST)
    page.locator(f"{EXPLORE_WARNING_SIGNS} summary").focus()  # Tab on from the checklist's own heading
    seen = _tab_through(page, 160)
    labels = " | ".join(str(item["label"]) for item in seen)
    first_flag = safety_checklist(knowledge)[0].title[:30]
    assert first_flag in labels  # the red-flag choices (a pill group is one Tab stop; arrows move inside)
    assert any(item["tag"] == "polygon" or item["tag"] == "path" for item in seen)  # body-map areas
    assert "Upper outer buttock (your left)" in labels
    assert any(item["tag"] == "INPUT" for item in seen)  # the one-line text box
    focused = [item for item in seen if item["tag"] in {"BUTTON", "TEXTAREA", "INPUT", "A", "polygon", "path"}]
    assert focused and all(item["outline"] or item["shadow"] or item["dashed"] for item in focused)


def test_body_map_area_toggles_with_the_keyboard(page: Page) -> None:
    """A body-map area takes focus and Enter chooses it, as a click would."""
    open_app(page, "explore")
    area = page.locator('[data-region="calf_r"]').first
    area.focus()
    page.keyboard.press("Enter")
    page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    wait_for_app(page)
    assert page.locator('[data-region="calf_r"]').first.get_attribute("aria-pressed") == "true"


# Every control a keyboard user could reach on the page, shadow roots included. Members of an arrow-key group
# (pills, radios, tabs) share one Tab stop, so the group counts as reached when any member is.
_CONTROLS_JS = """() => {
  const selector = 'a[href], button, input, textarea, select, summary, [tabindex]';
  const controls = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) { walk(el.shadowRoot); }
      if (!el.matches(selector) || el.tabIndex < 0 || el.disabled || el.closest('[inert], [aria-hidden=true]')) { continue; }
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') { continue; }
      if (el.tagName === 'MAIN' || el.tagName === 'SECTION') { continue; }  // scroll containers, not controls
      const group = el.closest('[role=radiogroup], [role=tablist], [data-testid=stButtonGroup]');
      controls.push(el);
      el.__glutemapGroup = group || null;
    }
  };
  walk(document);
  window.__glutemapControls = controls;
  window.__glutemapReached = new Set();
  return controls.length;
}"""

_TAB_STEP_JS = """() => {
  """ + _FOCUSED_ELEMENT_JS + """
  if (!el || el === document.body) { return null; }
  window.__glutemapReached.add(el);
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
    || (style.strokeDasharray || 'none') !== 'none';
  return visible ? null : (el.getAttribute('aria-label') || el.innerText || el.tagName).trim().slice(0, 60);
}"""

_UNREACHED_JS = """() => {
  const reached = window.__glutemapReached;
  const reachedGroups = new Set([...reached].map((el) => el.__glutemapGroup).filter(Boolean));
  return window.__glutemapControls
    .filter((el) => !reached.has(el) && !(el.__glutemapGroup && reachedGroups.has(el.__glutemapGroup)))
    .map((el) => `${el.tagName}: ${(el.getAttribute('aria-label') || el.innerText || '').trim().slice(0, 60)}`);
}"""


def _settled_control_count(page: Page, polls: int = 40) -> int:
    """Count the page's controls once the count holds still: some elements mount after the script run ends."""
    counts = [page.evaluate(_CONTROLS_JS)]
    while len(counts) < polls and not (len(counts) >= 3 and counts[-1] == counts[-2] == counts[-3]):
        page.wait_for_timeout(250)
        counts.append(page.evaluate(_CONTROLS_JS))
    return counts[-1]


def _assert_every_control_is_reachable_with_a_visible_focus(page: Page) -> None:
    control_count = _settled_control_count(page)
    assert control_count > 0
    without_focus_ring = []
    for _ in range(control_count + 10):  # one full lap, plus the browser's own stops
        page.keyboard.press("Tab")
        label = page.evaluate(_TAB_STEP_JS)
        if label is not None:
            without_focus_ring.append(label)
    assert page.evaluate(_UNREACHED_JS) == []
    assert without_focus_ring == []


@pytest.mark.parametrize("path", PATHS + DEEP_LINKS)
def test_every_control_on_the_page_is_reachable_by_tab_with_a_visible_focus(page: Page, path: str) -> None:
    """Tabbing through a page reaches every visible control, and each one shows where the focus is."""
    _assert_every_control_is_reachable_with_a_visible_focus(open_app(page, path))


def test_every_kiosk_control_is_reachable_by_tab_with_a_visible_focus(new_page: NewPage,
                                                                       kiosk_server: StreamlitServer) -> None:
    """In kiosk mode, the welcome screen and then the home screen with its large navigation pass the Tab check."""
    page = open_app(new_page(kiosk_server, VIEWPORTS["kiosk_portrait"]))
    _assert_every_control_is_reachable_with_a_visible_focus(page)
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    wait_for_app(page)
    _assert_every_control_is_reachable_with_a_visible_focus(page)
