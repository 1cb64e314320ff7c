"""Take full-page screenshots of every GluteMap screen into docs/screenshots/.

Run with `.venv/bin/python scripts/screenshots.py`. It starts the app on a free 127.0.0.1 port and drives
Debian's chromium, exactly as the browser tests do (testing/harness.py), and stops the app afterwards.
Writes <page>.png at 1280x800 for every screen, <page>-portrait.png at 1080x1920 for Home and Explore,
<page>-phone.png at 390x844 for Explore, Anatomy and Exercises, and explore-selected.png with a body region
chosen and a description typed, and plan-pdf.png: the first page of a three-exercise plan's PDF.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from playwright.sync_api import Browser, Error, Page, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

from glutemap import strings  # noqa: E402
from glutemap.knowledge.loader import check_knowledge  # noqa: E402
from glutemap.knowledge.models import KnowledgeBase  # noqa: E402
from glutemap.language import DEFAULT, localize  # noqa: E402
from glutemap.screens.plan import PlanItem  # noqa: E402
from glutemap.settings import deployment  # noqa: E402
from glutemap.takehome.handout import build_handout, handout_pdf  # noqa: E402
from glutemap.ui.app_shell import screens  # noqa: E402
from testing.harness import (  # noqa: E402
    CHROMIUM_MISSING,
    DESKTOP_VIEWPORT,
    EXPLORE_AREA_LIST,
    StreamlitServer,
    find_chromium,
    launch_chromium,
    new_context,
    open_app,
    unfold,
    wait_for_app,
)

OUTPUT_DIR = REPO_ROOT / "docs" / "screenshots"
PORTRAIT_VIEWPORT = {"width": 1080, "height": 1920}
PORTRAIT_PAGES = ("home", "explore")
PHONE_VIEWPORT = {"width": 390, "height": 844}
# The body map, a muscle drawn on the bones, an exercise's moving picture (its first frame) as a phone shows them.
PHONE_PAGES = ("explore", "anatomy", "exercises")
# Widgets of the Explore screen (see pages/explore.py and glutemap/ui/explore_widgets.py).
EXPLORE_REGION_CHOICES = "[class*=st-key-explore_list] button[data-variant=pills]"
# Where gluteus medius trouble typically hurts, so the screenshot shows a typical result.
PREFERRED_REGION = re.compile("upper outer buttock", re.IGNORECASE)
EXPLORE_TEXT = ".st-key-symptom_text input"
WIDGET_WAIT_MS = 10_000
EXAMPLE_DESCRIPTION = "Aching on the outside of my hip when I lie on that side"
# Charts and the body map draw after the script run ends; a short pause lets them finish.
RENDER_SETTLE_MS = 800
# A typical take-home plan for side-of-hip pain, printed to PDF and shown in Chromium's PDF viewer.
HANDOUT_PLAN = (PlanItem("clam_shell", "right"), PlanItem("side_plank", "both"), PlanItem("glute_bridge", "both"))
HANDOUT_CONDITIONS = ("trochanteric_bursitis",)
PDF_VIEWPORT = {"width": 900, "height": 1200}
PDF_SETTLE_MS = 2500


def address_of(url_path: str) -> str:
    """The path a visitor opens: the default (first) page lives at the root."""
    return "" if url_path == screens()[0][2] else url_path


def settle(page: Page) -> None:
    """Wait for the run to end, for every chart to be drawn, and for the layout to stop moving."""
    wait_for_app(page)
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')]
                  .every(chart => chart.querySelector('.main-svg'))"""
    )
    page.wait_for_timeout(RENDER_SETTLE_MS)


# The tallest scrolling area: Streamlit scrolls inside its own containers, not the document.
CONTENT_HEIGHT_JS = """() => Math.max(document.documentElement.scrollHeight,
    ...[...document.querySelectorAll('[data-testid=stApp] *')]
        .filter(element => ['auto', 'scroll'].includes(getComputedStyle(element).overflowY))
        .map(element => element.scrollHeight))"""
MAX_GROW_STEPS = 4


def full_page_screenshot(page: Page, path: Path) -> None:
    """Screenshot the whole page: grow the viewport until the app's scrolling area fits, then shoot."""
    viewport = page.viewport_size or DESKTOP_VIEWPORT
    height = viewport["height"]
    for _ in range(MAX_GROW_STEPS):
        settle(page)
        needed = max(viewport["height"], int(page.evaluate(CONTENT_HEIGHT_JS)))
        if needed <= height:
            break
        height = needed
        page.set_viewport_size({"width": viewport["width"], "height": height})
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": viewport["width"], "height": viewport["height"]})
    print(f"wrote {path.relative_to(REPO_ROOT)} ({viewport['width']}x{height})")


def shoot(
    browser: Browser,
    server: StreamlitServer,
    url_path: str,
    name: str,
    viewport: Mapping[str, int],
    prepare: Callable[[Page], None] | None = None,
) -> None:
    """Open one screen in a fresh context (then `prepare` it) and save its full-page screenshot as <name>.png."""
    context = new_context(browser, server, viewport)
    try:
        page = context.new_page()
        open_app(page, address_of(url_path))
        if prepare is not None:
            prepare(page)
        full_page_screenshot(page, OUTPUT_DIR / f"{name}.png")
    finally:
        context.close()


def show_the_drawing(page: Page) -> None:
    """On a phone, Explore's second way of saying where it hurts: the body map."""
    page.get_by_role("radio", name=strings.EXPLORE_INPUT_MODES["map"], exact=True).click()
    page.locator("svg.gm-view:visible").first.wait_for()
    wait_for_app(page)


def shoot_explore_with_choices(browser: Browser, server: StreamlitServer) -> bool:
    """Explore with the first body region chosen and a description typed; False if the screen lacks them."""
    context = new_context(browser, server)
    try:
        page = context.new_page()
        open_app(page, "explore")
        unfold(page, EXPLORE_AREA_LIST)
        choices = page.locator(EXPLORE_REGION_CHOICES)
        text = page.locator(EXPLORE_TEXT)
        try:
            choices.first.wait_for(timeout=WIDGET_WAIT_MS)
            text.first.wait_for(timeout=WIDGET_WAIT_MS)
        except PlaywrightTimeout:
            print(f"skipped explore-selected.png: no {EXPLORE_REGION_CHOICES} or {EXPLORE_TEXT} on Explore")
            return False
        preferred = choices.filter(has_text=PREFERRED_REGION)
        (preferred if preferred.count() else choices).first.click()
        settle(page)
        text.first.fill(EXAMPLE_DESCRIPTION)
        # The text box applies its value on Enter (or on losing focus).
        text.first.press("Enter")
        text.first.blur()
        settle(page)
        full_page_screenshot(page, OUTPUT_DIR / "explore-selected.png")
        return True
    finally:
        context.close()


def shoot_handout_pdf(browser: Browser, knowledge: KnowledgeBase) -> None:
    """The first page of a three-exercise plan's PDF, as Chromium's PDF viewer shows it, into plan-pdf.png."""
    shown = localize(knowledge, DEFAULT)
    handout = build_handout(shown, HANDOUT_PLAN, dt.date.today(), HANDOUT_CONDITIONS)
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "plan.pdf"
        pdf.write_bytes(handout_pdf(handout))
        context = browser.new_context(viewport=PDF_VIEWPORT)
        page = context.new_page()
        page.goto(pdf.as_uri())
        page.wait_for_timeout(PDF_SETTLE_MS)
        page.screenshot(path=str(OUTPUT_DIR / "plan-pdf.png"))
        context.close()


def main(argv: list[str] | None = None) -> int:
    """Start the app, take every screenshot, stop the app; non-zero exit when it cannot."""
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    knowledge_dir = deployment().knowledge_dir
    knowledge, errors = check_knowledge(knowledge_dir)
    if knowledge is None:
        print(f"The knowledge in {knowledge_dir} is not valid, so every screen would be the 'unavailable' page:")
        print("\n".join(f"  {error}" for error in errors))
        return 1
    chromium = find_chromium()
    if chromium is None:
        print(CHROMIUM_MISSING)
        return 1
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    with StreamlitServer() as server, sync_playwright() as driver:
        browser = launch_chromium(driver, chromium)
        try:
            for _file, _title, url_path, _icon in screens():
                shoot(browser, server, url_path, url_path, DESKTOP_VIEWPORT)
            for url_path in PORTRAIT_PAGES:
                shoot(browser, server, url_path, f"{url_path}-portrait", PORTRAIT_VIEWPORT)
            for url_path in PHONE_PAGES:
                shoot(browser, server, url_path, f"{url_path}-phone", PHONE_VIEWPORT)
            shoot(browser, server, "explore", "explore-phone-map", PHONE_VIEWPORT, show_the_drawing)
            shoot_explore_with_choices(browser, server)
            shoot_handout_pdf(browser, knowledge)
        except Error as error:
            print(f"Screenshots failed: {error}\nServer output:\n{server.log_text()}")
            return 1
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
