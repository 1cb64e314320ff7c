"""Soak: one kiosk screen cycling through whole visits and idle resets while the server's resources stay flat.

The length comes from GLUTEMAP_SOAK_SECONDS: 900 (15 minutes, the CI run) by default;
`make test-long GLUTEMAP_SOAK_SECONDS=14400` soaks for 4 hours. The run stops by itself at that length (the
visit in progress is finished first), and everything stays on 127.0.0.1.

One visit: welcome -> Start -> Explore -> say where it hurts (map, list or own words) -> open the first
condition -> open one of its exercises -> add it to the plan -> My plan shows the QR code. Every third visit
is then left alone until the kiosk's idle reset brings back the welcome screen, and nothing of the visit may
remain; the other visits end with the next visitor's page load. The server's process tree is sampled every
10 s throughout.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import ConsoleMessage, Locator, Page, sync_playwright

from glutemap import strings
from glutemap.figures import body
from glutemap.knowledge.models import Condition, Exercise, KnowledgeBase
from glutemap.screens.explore import explore_view
from glutemap.settings import WARNING_SECONDS
from testing.harness import (
    EXCEPTION,
    EXPLORE_AREA_LIST,
    StreamlitServer,
    launch_chromium,
    new_context,
    open_app,
    unfold,
    wait_for_app,
)
from testing.process_stats import ResourceSampler, Sample, slope_per_hour

from .conftest import ReportNumbers


def _soak_seconds() -> int:
    raw = os.environ.get("GLUTEMAP_SOAK_SECONDS", "").strip()
    return int(raw) if raw else 900


SOAK_SECONDS = _soak_seconds()
IDLE_SECONDS = 5  # the shortest idle time the app accepts, so idle resets fit in the loop
SAMPLE_EVERY_SECONDS = 10.0
# Start-up growth (imports on first use, caches filling, the first sessions) is not a leak.
WARM_UP_SECONDS = max(120.0, 0.2 * SOAK_SECONDS)
IDLE_RESET_EVERY = 3
MAX_FAILURES_IN_A_ROW = 3  # then the app is broken, not flaky: stop instead of soaking on for hours

MAX_RSS_SLOPE_MB_PER_HOUR = 5.0
# One visitor at a time: the open visit's rerun thread, the thread of a session still finishing after a page
# load, and worker threads started on demand. Measured here: 6-7 threads after the warm-up.
MAX_THREAD_SPREAD = 4
# Open files rise and fall with the sessions alive: each session holds an event loop (an epoll descriptor and
# a socket pair, 3 descriptors) until server.disconnectedSessionTTL (60 s) after its page was left, and
# Chromium holds 1-6 keep-alive connections. So the band follows the visit rate; a leak shows as the peak
# of the last third of the run rising above the peak of the first third (each third spans minutes in CI).
MAX_OPEN_FILE_PEAK_RISE = 6

KIOSK_VIEWPORT = {"width": 1080, "height": 1920}
QR_MIN_WIDTH_PX = 100

pytestmark = [pytest.mark.long, pytest.mark.timeout(SOAK_SECONDS + 600)]

# Reports every Streamlit exception box the moment it appears, even one a rerun replaces a moment later.
EXCEPTION_WATCH = """
(() => {
  const seen = new WeakSet();
  const report = () => {
    for (const box of document.querySelectorAll('[data-testid="stException"]')) {
      if (!seen.has(box)) { seen.add(box); window.__glutemapSoakException(box.textContent || ""); }
    }
  };
  new MutationObserver(report).observe(document, {childList: true, subtree: true});
})();
"""


@dataclass(frozen=True)
class Visit:
    """How one visitor says where it hurts; the rest of the visit is the same for everyone."""

    label: str
    view: str | None = None  # a body view to switch to first (None: the map's default back view)
    map_tap: str | None = None
    list_tap: str | None = None
    words: str | None = None

    def expected_condition(self, knowledge: KnowledgeBase) -> str:
        """The id of the first condition the Explore screen lists for this input."""
        regions = [tap for tap in (self.map_tap, self.list_tap) if tap]
        cards = explore_view(knowledge, regions=regions, text=self.words or "").cards
        assert cards, f"{self.label}: the knowledge no longer lists any condition for this input"
        return cards[0].id


VISITS = (
    Visit("map: bottom of the left heel", map_tap="heel_plantar_l"),
    Visit("own words: outer knee", words="outer knee pain when running"),
    Visit("list: right Achilles tendon", list_tap="achilles_r"),
    Visit("right-side map: side of the hip", view="side_right", map_tap="hip_lateral_r"),
    Visit("own words: side of the hip", words="ache on the side of my hip at night"),
)


@dataclass
class SoakRun:
    """What one soak run saw: resource samples, visits, and every failure or error on the way."""

    samples: list[Sample] = field(default_factory=list)
    visits: int = 0
    idle_resets: int = 0
    warnings_dismissed: int = 0
    step_seconds: dict[str, list[float]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    app_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    hosts: set[str] = field(default_factory=set)
    server_log: str = ""
    seconds: float = 0.0

    def after_warm_up(self) -> list[Sample]:
        """The samples taken after the warm-up."""
        return [sample for sample in self.samples if sample.seconds >= WARM_UP_SECONDS]


def peak_rise(values: list[int]) -> int:
    """How far the highest value of the last third is above the highest value of the first third."""
    third = len(values) // 3
    return max(values[-third:]) - max(values[:third])


class VisitStepFailed(AssertionError):
    """One step of a visit did not do what a visitor would see it do."""


@contextmanager
def _step(run: SoakRun, visit_number: int, visit: Visit, name: str) -> Iterator[None]:
    started = time.monotonic()
    try:
        yield
    except Exception as problem:
        # The first lines of a Playwright error name the locator it waited for and what it saw.
        summary = " | ".join((str(problem).strip().splitlines() or [type(problem).__name__])[:6])
        raise VisitStepFailed(f"visit {visit_number} ({visit.label}), step '{name}': {summary}") from problem
    run.step_seconds.setdefault(name, []).append(time.monotonic() - started)


def _settle(page: Page) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page)


def _go_to(page: Page, title: str) -> None:
    page.locator("[data-testid=stPageLink] a", has_text=title).first.click()


def _say_where_it_hurts(page: Page, visit: Visit, knowledge: KnowledgeBase) -> None:
    if visit.view:
        page.get_by_role("radio", name=strings.BODYMAP_VIEW_CHOICES[visit.view]).click()
        _settle(page)
    if visit.map_tap:
        page.locator(f'svg.gm-view[data-view="{visit.view or "back"}"] [data-region="{visit.map_tap}"]').click()
    if visit.list_tap:
        unfold(page, EXPLORE_AREA_LIST)
        page.locator("[data-testid=stButtonGroup] button").filter(
            has=page.get_by_text(_list_label(knowledge, visit), exact=True)
        ).first.click()
    if visit.words:
        box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
        box.fill(visit.words)
        box.press("Enter")


def _list_label(knowledge: KnowledgeBase, visit: Visit) -> str:
    assert visit.list_tap is not None
    return body.tap_labels(knowledge.regions, visit.view or "back")[visit.list_tap]


@contextmanager
def _pressing_still_here(page: Page, run: SoakRun) -> Iterator[None]:
    """A step slower than the 5 s idle time brings up the idle warning: press "I'm still here" as a visitor would."""
    warning = page.get_by_test_id("kiosk-idle-warning")

    def dismiss(shown: Locator) -> None:
        run.warnings_dismissed += 1
        shown.get_by_test_id("kiosk-still-here").click()

    page.add_locator_handler(warning, dismiss)
    try:
        yield
    finally:
        page.remove_locator_handler(warning)


def run_visit(page: Page, knowledge: KnowledgeBase, visit: Visit, number: int, idle_reset: bool, run: SoakRun) -> None:
    """One whole visit, from a fresh welcome screen to the plan's QR code (and the idle reset, if asked)."""
    condition = knowledge.conditions[visit.expected_condition(knowledge)]
    exercise = knowledge.exercises[condition.exercises[number % len(condition.exercises)]]
    with _pressing_still_here(page, run):
        _visit_to_the_qr_code(page, knowledge, visit, number, condition, exercise, run)
    if idle_reset:
        _idle_reset(page, visit, number, condition, exercise, run)


def _visit_to_the_qr_code(
    page: Page, knowledge: KnowledgeBase, visit: Visit, number: int, condition: Condition, exercise: Exercise, run: SoakRun
) -> None:
    with _step(run, number, visit, "welcome screen"):
        open_app(page)
        page.get_by_role("heading", name=strings.KIOSK_WELCOME_TITLE, level=1).wait_for()
    with _step(run, number, visit, "start"):
        page.get_by_role("button", name=strings.KIOSK_START).click()
        page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
        wait_for_app(page)
    with _step(run, number, visit, "open Explore"):
        _go_to(page, strings.NAV_EXPLORE)
        page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
        _settle(page)
    with _step(run, number, visit, "say where it hurts"):
        _say_where_it_hurts(page, visit, knowledge)
        page.get_by_role("heading", name=condition.name).first.wait_for()
        _settle(page)
    with _step(run, number, visit, "open the condition"):
        page.get_by_role("link", name=strings.EXPLORE_OPEN_CONDITION.format(name=condition.name)).first.click()
        page.get_by_role("heading", name=strings.CONDITIONS_TITLE, level=1).wait_for()
        page.get_by_role("heading", name=condition.name, level=2).wait_for()
        _settle(page)
    with _step(run, number, visit, "open an exercise"):
        unfold(page, ".st-key-condition_exercises")  # a condition opens short: its exercises are a tap away
        page.locator("[data-testid=stPageLink] a", has_text=exercise.name).first.click()
        page.get_by_role("heading", name=strings.EXERCISES_TITLE, level=1).wait_for()
        page.get_by_role("heading", name=exercise.name, level=2).wait_for()
        _settle(page)
    with _step(run, number, visit, "add it to the plan"):
        page.get_by_role("button", name=strings.PLAN_ADD.format(name=exercise.name)).first.click()
        page.get_by_text(strings.PLAN_ADDED.format(name=exercise.name)).first.wait_for()
        _settle(page)
    with _step(run, number, visit, "plan shows the QR code"):
        _go_to(page, strings.NAV_PLAN)
        page.get_by_role("heading", name=strings.PLAN_TITLE, level=1).wait_for()
        _settle(page)
        assert page.get_by_text(exercise.name).first.is_visible(), "the exercise is not in the plan"
        qr = page.get_by_role("img", name=strings.PLAN_QR_CAPTION)
        qr.wait_for()
        box = qr.bounding_box()
        assert box is not None and box["width"] > QR_MIN_WIDTH_PX, f"the QR code is too small: {box}"


def _idle_reset(page: Page, visit: Visit, number: int, condition: Condition, exercise: Exercise, run: SoakRun) -> None:
    with _step(run, number, visit, "idle warning"):
        page.get_by_test_id("kiosk-idle-warning").wait_for(state="visible", timeout=(IDLE_SECONDS + 10) * 1000)
    with _step(run, number, visit, "idle reset to the welcome screen"):
        page.get_by_role("heading", name=strings.KIOSK_WELCOME_TITLE, level=1).wait_for(
            timeout=(WARNING_SECONDS + 15) * 1000
        )
        wait_for_app(page)
    with _step(run, number, visit, "the welcome screen shows nothing of the visit"):
        traces = [exercise.name, condition.name, *([visit.words] if visit.words else [])]
        left = [trace for trace in traces if trace in page.content()]
        assert not left, f"the welcome screen still shows {left}"
    with _step(run, number, visit, "the plan and Explore are empty again"), _pressing_still_here(page, run):
        page.get_by_role("button", name=strings.KIOSK_START).click()
        page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
        _go_to(page, strings.NAV_PLAN)
        page.get_by_role("heading", name=strings.PLAN_TITLE, level=1).wait_for()
        _settle(page)
        assert page.get_by_text(strings.PLAN_EMPTY).first.is_visible(), "the plan is not empty after the reset"
        assert exercise.name not in page.content(), "the previous visitor's exercise is still on the plan page"
        _go_to(page, strings.NAV_EXPLORE)
        page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
        _settle(page)
        assert page.get_by_label(strings.EXPLORE_TEXT_LABEL).input_value() == "", "the text box is not empty"
        assert page.get_by_text(strings.EXPLORE_NO_INPUT).is_visible(), "Explore still shows results"


def _soak(server: StreamlitServer, chromium_path: str, knowledge: KnowledgeBase) -> SoakRun:
    assert server.process is not None
    run = SoakRun()
    sampler = ResourceSampler(server.process.pid, SAMPLE_EVERY_SECONDS).start()
    started = time.monotonic()
    failures_in_a_row = 0
    try:
        with sync_playwright() as driver:
            browser = launch_chromium(driver, chromium_path)
            context = new_context(browser, server, KIOSK_VIEWPORT)
            context.expose_binding(
                "__glutemapSoakException", lambda _source, text: run.app_errors.append(f"exception box: {text}")
            )
            context.add_init_script(EXCEPTION_WATCH)
            page = context.new_page()
            page.on("pageerror", lambda error: run.app_errors.append(f"page error: {error}"))
            page.on("request", lambda request: run.hosts.add(request.url.split("/")[2].rsplit(":", 1)[0]))

            def console(message: ConsoleMessage) -> None:
                if message.type == "error":
                    run.console_errors.append(message.text)

            page.on("console", console)
            while time.monotonic() - started < SOAK_SECONDS:
                visit = VISITS[run.visits % len(VISITS)]
                idle_reset = run.visits % IDLE_RESET_EVERY == 1
                try:
                    run_visit(page, knowledge, visit, run.visits, idle_reset, run)
                    failures_in_a_row = 0
                    run.idle_resets += idle_reset
                except VisitStepFailed as failure:
                    run.failures.append(str(failure))
                    failures_in_a_row += 1
                    if failures_in_a_row >= MAX_FAILURES_IN_A_ROW or server.process.poll() is not None:
                        run.failures.append(f"stopped after {failures_in_a_row} failed visits in a row")
                        break
                run.visits += 1
                if page.locator(EXCEPTION).count():
                    run.app_errors.append(f"exception box left on screen after visit {run.visits}")
            context.close()
            browser.close()
    finally:
        run.seconds = time.monotonic() - started
        run.samples = sampler.stop() if server.process.poll() is None else sampler.samples
        run.server_log = server.log_text()
    return run


def _summary(run: SoakRun) -> list[str]:
    kept = run.after_warm_up()
    lines = [
        f"soak: {run.seconds:.0f} s, {run.visits} visits, {run.idle_resets} idle resets, {len(run.failures)} failed, "
        f"{len(run.app_errors)} app errors, {len(run.console_errors)} console errors, "
        f"{run.warnings_dismissed} idle warnings dismissed mid-visit (a step slower than {IDLE_SECONDS} s); "
        f"{len(run.samples)} samples every {SAMPLE_EVERY_SECONDS:.0f} s, {len(kept)} after a {WARM_UP_SECONDS:.0f} s warm-up",
    ]
    lines.append("soak: step seconds, median/max: " + ", ".join(
        f"{name} {statistics.median(times):.1f}/{max(times):.1f}" for name, times in run.step_seconds.items()
    ))
    if len(kept) >= 3:
        times = [s.seconds for s in kept]
        rss = [s.rss_mb for s in kept]
        open_files = [s.open_files for s in kept]
        lines += [
            f"soak: server RSS after warm-up {min(rss):.1f}-{max(rss):.1f} MB (first {rss[0]:.1f}, last {rss[-1]:.1f}), "
            f"slope {slope_per_hour(times, rss):+.2f} MB/h (limit {MAX_RSS_SLOPE_MB_PER_HOUR:.0f}); "
            f"whole run {min(s.rss_mb for s in run.samples):.1f}-{max(s.rss_mb for s in run.samples):.1f} MB",
            f"soak: threads after warm-up {min(s.threads for s in kept)}-{max(s.threads for s in kept)} "
            f"(limit spread {MAX_THREAD_SPREAD}), open files {min(open_files)}-{max(open_files)}, "
            f"peak rise {peak_rise(open_files)} (limit {MAX_OPEN_FILE_PEAK_RISE})",
        ]
    lines.append(f"soak: machine load average over the last 15 min {os.getloadavg()[2]:.1f} ({os.cpu_count()} cores)")
    return lines


@pytest.fixture(scope="module")
def soak_run(chromium_path: str, shipped_knowledge: KnowledgeBase, report_numbers: ReportNumbers) -> SoakRun:
    """One soak run on a kiosk-mode server with the shortest idle time, shared by every check below."""
    with StreamlitServer({"GLUTEMAP_KIOSK": "1", "GLUTEMAP_IDLE_SECONDS": str(IDLE_SECONDS)}) as server:
        run = _soak(server, chromium_path, shipped_knowledge)
    for line in _summary(run):
        report_numbers(line)
    return run


def test_every_visit_completes(soak_run: SoakRun) -> None:
    """Every visit and every idle reset in the soak did what a visitor would see it do."""
    assert soak_run.failures == []
    assert soak_run.visits >= 2 and soak_run.idle_resets >= 1


def test_no_error_ever_shows_in_the_browser(soak_run: SoakRun) -> None:
    """No Streamlit exception box, uncaught script error or console error appeared at any moment of the soak."""
    assert soak_run.app_errors == []
    assert soak_run.console_errors == []


def test_server_log_has_no_traceback(soak_run: SoakRun) -> None:
    """The server printed no traceback during the whole soak."""
    assert "Traceback" not in soak_run.server_log, soak_run.server_log[-4000:]


def test_every_request_stays_on_loopback(soak_run: SoakRun) -> None:
    """Through the whole soak the browser asked only 127.0.0.1 for anything."""
    assert soak_run.hosts == {"127.0.0.1"}


def test_server_memory_does_not_grow(soak_run: SoakRun) -> None:
    """After the warm-up the server's resident memory grows by at most 5 MB per hour (least-squares slope)."""
    kept = soak_run.after_warm_up()
    assert len(kept) >= 2, f"only {len(kept)} samples after the warm-up: run the soak longer"
    slope = slope_per_hour([s.seconds for s in kept], [s.rss_mb for s in kept])
    assert slope <= MAX_RSS_SLOPE_MB_PER_HOUR, f"RSS grows {slope:.2f} MB/h after the warm-up"


def test_server_threads_stay_flat(soak_run: SoakRun) -> None:
    """After the warm-up the server's thread count stays within a small band."""
    threads = [s.threads for s in soak_run.after_warm_up()]
    assert threads, "no samples after the warm-up"
    assert max(threads) - min(threads) <= MAX_THREAD_SPREAD, threads


def test_server_open_files_stay_flat(soak_run: SoakRun) -> None:
    """After the warm-up the peak of open file descriptors in the last third is at most 6 above the first third's."""
    open_files = [s.open_files for s in soak_run.after_warm_up()]
    assert len(open_files) >= 6, f"only {len(open_files)} samples after the warm-up: run the soak longer"
    assert peak_rise(open_files) <= MAX_OPEN_FILE_PEAK_RISE, open_files
