"""Browser benchmarks: cold start, tap-to-updated-results and server memory, each against the hello-world app.

Servers and Chromium come from the e2e harness (testing/harness.py), so the benchmark starts the app
exactly as the browser tests do: `streamlit run` on 127.0.0.1, a free port, the project's
.streamlit/config.toml, Debian's chromium with networking switched off.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bench.report import Row, median, say
from testing.harness import (
    APP_IDLE,
    CHROMIUM_MISSING,
    EXPLORE_AREA_LIST,
    StreamlitServer,
    find_chromium,
    launch_chromium,
    new_context,
    unfold,
    wait_for_app,
)

HELLO_APP = Path(__file__).resolve().parent / "hello_app.py"
HELLO_AS_APP = Path(__file__).resolve().parent / "hello_server.py"
# One tap on the plain choice for knee_lateral_r gives one condition card (IT band syndrome).
TAP_REGION = "knee_lateral_r"
TAP_LABEL = re.compile(r"^\s*Outer side of the knee \(your right\)")
GLUTEMAP_RESULT = '[class*="st-key-result_"]'  # a result card (st.container(key="result_<id>"))
HELLO_RESULT = ".st-key-hello_result"
SESSIONS = 8
TAP_TIMEOUT_MS = 15_000
TAP_ATTEMPTS = 3
QUIET_MS = 1500  # no change to the page for this long after the result showed = everything drawn
SETTLE_SECONDS = 3.0  # after the last page load, before reading RSS, so the server is idle again

# Installed before the tap, on a page where the result is not shown yet. Times, inside the page, from the
# tap's pointerdown to the first moment the result is in the DOM and the script state is back to notRunning
# (what the visitor waits for). A quick rerun may never show "running" in the DOM (React batches the two
# state changes), so "running" is recorded for information only.
TAP_PROBE = """
(resultSelector) => {
  if (document.querySelector(resultSelector) !== null) throw new Error('the result is already shown before the tap');
  // "settled": the last change to the page after the result showed (charts are drawn after the script ends).
  const probe = window.__benchTap = {start: null, done: null, settled: null, sawRunning: false};
  const STATE = 'data-test-script-state';
  document.addEventListener('pointerdown', () => { if (probe.start === null) probe.start = performance.now(); },
                            {capture: true, once: true});
  const observer = new MutationObserver((records) => {
    if (probe.start === null) return;
    if (probe.done !== null) { probe.settled = performance.now(); return; }
    const running = (r) => r.oldValue === 'running' || r.target.getAttribute(STATE) === 'running';
    if (records.some((r) => r.attributeName === STATE && running(r))) probe.sawRunning = true;
    const app = document.querySelector('[data-testid=stApp]');
    const finished = app !== null && app.getAttribute(STATE) === 'notRunning';
    if (probe.done === null && finished && document.querySelector(resultSelector) !== null) {
      probe.done = probe.settled = performance.now();
    }
  });
  observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true,
                                   attributeOldValue: true});
}
"""
TAP_DIAGNOSIS = """
(resultSelector) => ({...window.__benchTap,
  state: document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state'),
  resultShown: document.querySelector(resultSelector) !== null})
"""


class TapLost(RuntimeError):
    """A tap after which the page never showed the updated result."""


class HelloServer(StreamlitServer):
    """The baseline: `streamlit run bench/hello_app.py`, from the app's directory with its config and flags."""

    script = HELLO_APP

    def command(self) -> list[str]:
        """The harness's command with the hello-world script in place of GluteMap's server.py."""
        command = super().command()
        command[command.index("server.py")] = str(self.script)
        return command


class HelloAsAppServer(HelloServer):
    """For reference only: the hello world served as an `st.App`, as GluteMap's server.py serves app.py."""

    script = HELLO_AS_APP


@dataclass(frozen=True)
class Subject:
    """One app under test: how to start it, which page to open and what to tap there."""

    name: str
    make_server: Callable[[], StreamlitServer]
    path: str
    tap_target: Callable[[Page], object]  # returns a Playwright locator
    result_selector: str
    prepare: Callable[[Page], None] = lambda page: None  # untimed steps before the tap
    app_css: bool = True  # GluteMap's page is fully rendered once its CSS applies; the baseline has none


def _glutemap_tap(page: Page) -> object:
    # The plain pills beside the body map (a map button may carry the same words).
    return page.locator("[data-testid=stButtonGroup] button", has_text=TAP_LABEL).first


def _glutemap_show_right_side(page: Page) -> None:
    """The outer knee is drawn on the side views: pick "Right side" first (its own rerun, not timed)."""
    page.locator("[data-testid=stButtonGroup] button", has_text=re.compile(r"^\s*Right side\s*$")).first.click()
    unfold(page, EXPLORE_AREA_LIST)
    _glutemap_tap(page).wait_for(state="visible")  # type: ignore[attr-defined]
    page.wait_for_selector(APP_IDLE, state="attached")


def _hello_tap(page: Page) -> object:
    return page.locator("[data-testid=stCheckbox] label").first


GLUTEMAP = Subject("GluteMap", StreamlitServer, "explore", _glutemap_tap, GLUTEMAP_RESULT, _glutemap_show_right_side)
HELLO = Subject("hello world", HelloServer, "", _hello_tap, HELLO_RESULT, app_css=False)
HELLO_AS_APP_SUBJECT = Subject("hello world as st.App", HelloAsAppServer, "", _hello_tap, HELLO_RESULT, app_css=False)


@dataclass
class BrowserFigures:
    """Raw samples in milliseconds (times) and megabytes (memory), by subject name."""

    cold_start_ms: dict[str, list[float]] = field(default_factory=dict)
    tap_ms: dict[str, list[float]] = field(default_factory=dict)  # first tap of a new session, result shown
    tap_drawn_ms: dict[str, list[float]] = field(default_factory=dict)  # the same tap, every chart drawn
    tap_warm_ms: dict[str, list[float]] = field(default_factory=dict)  # a later tap in the same session
    idle_mb: dict[str, list[float]] = field(default_factory=dict)
    sessions_mb: dict[str, list[float]] = field(default_factory=dict)
    lost_taps: dict[str, list[str]] = field(default_factory=dict)
    chromium_version: str = ""


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (psutil when installed, else /proc/<pid>/status)."""
    try:
        import psutil  # type: ignore[import-untyped]

        return float(psutil.Process(pid).memory_info().rss) / 2**20
    except ImportError:
        pass
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


@contextmanager
def _running(subject: Subject) -> Iterator[StreamlitServer]:
    server = subject.make_server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _open(context: BrowserContext, subject: Subject) -> Page:
    page = context.new_page()
    page.goto("/" + subject.path)
    wait_for_app(page, subject.app_css)
    return page


@dataclass(frozen=True)
class Tap:
    """Milliseconds from a tap until the result shows (script finished), and until the page stops changing."""

    shown: float
    drawn: float


def tap_once(page: Page, subject: Subject, prepare: bool = True) -> Tap:
    """Tap the subject's widget on a rendered page where the result is not shown yet; time the update."""
    if prepare:
        subject.prepare(page)
    target = subject.tap_target(page)
    target.scroll_into_view_if_needed()  # type: ignore[attr-defined]
    page.evaluate(TAP_PROBE, subject.result_selector)
    target.click()  # type: ignore[attr-defined]
    try:
        page.wait_for_function(
            f"() => __benchTap.done !== null && performance.now() - __benchTap.settled > {QUIET_MS}", timeout=TAP_TIMEOUT_MS
        )
    except PlaywrightTimeoutError:
        probe = page.evaluate(TAP_DIAGNOSIS, subject.result_selector)
        raise TapLost(f"{subject.name}: no updated result {TAP_TIMEOUT_MS / 1000:.0f} s after the tap ({probe})") from None
    shown, drawn = page.evaluate("() => [__benchTap.done, __benchTap.settled].map((t) => t - __benchTap.start)")
    return Tap(float(shown), float(drawn))


def untap(page: Page, subject: Subject) -> None:
    """Tap the same widget again so the result goes away (untimed), ready for a tap in the same session."""
    subject.tap_target(page).click()  # type: ignore[attr-defined]
    page.wait_for_selector(subject.result_selector, state="detached")
    page.wait_for_selector(APP_IDLE, state="attached")


def taps_fresh_then_warm(context: BrowserContext, subject: Subject, lost: list[str]) -> tuple[Tap, Tap]:
    """In a new session: the first tap, then (after undoing it) the same tap again in the same session."""
    for _attempt in range(TAP_ATTEMPTS):
        page = _open(context, subject)
        try:
            first = tap_once(page, subject)
            untap(page, subject)
            return first, tap_once(page, subject, prepare=False)
        except (TapLost, PlaywrightTimeoutError) as problem:
            lost.append(str(problem).splitlines()[0])
            say(f"  {lost[-1]}; trying again in a new session")
        finally:
            page.close()
    raise RuntimeError(f"{subject.name}: {TAP_ATTEMPTS} attempts in a row got no updated result:\n" + "\n".join(lost[-3:]))


def cold_start_once(browser: Browser, subject: Subject) -> float:
    """Milliseconds from launching `streamlit run` to the first page fully rendered in Chromium."""
    server = subject.make_server()
    context = new_context(browser, server)
    page = context.new_page()
    try:
        start = time.perf_counter()
        server.start()
        page.goto("/")
        wait_for_app(page, subject.app_css)
        return (time.perf_counter() - start) * 1000
    finally:
        context.close()
        server.stop()


def memory_once(browser: Browser, subject: Subject, lost: list[str]) -> tuple[float, float]:
    """Server RSS (MB) idle after a warm-up visit, then with `SESSIONS` open sessions that each tapped."""
    with _running(subject) as server:
        assert server.process is not None
        with _context(browser, server) as context:
            _open_and_tap(context, subject, lost)  # warm-up: first imports, caches, the knowledge
        time.sleep(SETTLE_SECONDS)
        idle = rss_mb(server.process.pid)
        contexts = []
        try:
            for _ in range(SESSIONS):
                context = new_context(browser, server)
                contexts.append(context)
                _open_and_tap(context, subject, lost)
            time.sleep(SETTLE_SECONDS)
            busy = rss_mb(server.process.pid)
        finally:
            for context in contexts:
                context.close()
    return idle, busy


def _open_and_tap(context: BrowserContext, subject: Subject, lost: list[str]) -> None:
    """Leave one session open on the page after a tap (the memory measure needs the sessions alive)."""
    for _attempt in range(TAP_ATTEMPTS):
        page = _open(context, subject)
        try:
            tap_once(page, subject)
            return
        except (TapLost, PlaywrightTimeoutError) as problem:
            lost.append(str(problem).splitlines()[0])
            page.close()
    raise RuntimeError(f"{subject.name}: {TAP_ATTEMPTS} taps in a row got no updated result")


@contextmanager
def _context(browser: Browser, server: StreamlitServer) -> Iterator[BrowserContext]:
    context = new_context(browser, server)
    try:
        yield context
    finally:
        context.close()


def run_browser_benchmarks(cold_starts: int, taps: int, memory_rounds: int) -> BrowserFigures:
    """Every browser measure, GluteMap and baseline interleaved so drift on the machine hits both alike."""
    chromium = find_chromium()
    if chromium is None:
        sys.exit(CHROMIUM_MISSING)
    figures = BrowserFigures()
    subjects = (GLUTEMAP, HELLO)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, chromium)
        figures.chromium_version = browser.version
        try:
            cold_subjects = (*subjects, HELLO_AS_APP_SUBJECT)
            for number in range(cold_starts):
                for subject in cold_subjects if number % 2 == 0 else reversed(cold_subjects):
                    figures.cold_start_ms.setdefault(subject.name, []).append(cold_start_once(browser, subject))
                say(f"  cold start {number + 1}/{cold_starts}: "
                    + ", ".join(f"{name} {values[-1]:.0f} ms" for name, values in figures.cold_start_ms.items()))
            _taps(browser, subjects, taps, figures)
            for number in range(memory_rounds):
                for subject in subjects if number % 2 == 0 else reversed(subjects):
                    idle, busy = memory_once(browser, subject, figures.lost_taps.setdefault(subject.name, []))
                    figures.idle_mb.setdefault(subject.name, []).append(idle)
                    figures.sessions_mb.setdefault(subject.name, []).append(busy)
                say(f"  memory {number + 1}/{memory_rounds}: "
                    + ", ".join(f"{n} {figures.idle_mb[n][-1]:.0f}/{figures.sessions_mb[n][-1]:.0f} MB" for n in figures.idle_mb))
        finally:
            browser.close()
    return figures


def _taps(browser: Browser, subjects: tuple[Subject, ...], taps: int, figures: BrowserFigures) -> None:
    """Both servers run side by side; each trial is a new session (page load), a timed tap, and a timed repeat."""
    warm_up = 2
    with _running(subjects[0]) as first_server, _running(subjects[1]) as second_server:
        servers = {subjects[0].name: first_server, subjects[1].name: second_server}
        contexts = {name: new_context(browser, server) for name, server in servers.items()}
        try:
            for number in range(warm_up + taps):
                for subject in subjects if number % 2 == 0 else reversed(subjects):
                    lost = figures.lost_taps.setdefault(subject.name, [])
                    first, again = taps_fresh_then_warm(contexts[subject.name], subject, lost)
                    if number >= warm_up:
                        figures.tap_ms.setdefault(subject.name, []).append(first.shown)
                        figures.tap_drawn_ms.setdefault(subject.name, []).append(first.drawn)
                        figures.tap_warm_ms.setdefault(subject.name, []).append(again.shown)
            say("  taps (new session / same session): " + ", ".join(
                f"{name} {median(figures.tap_ms[name]):.0f} / {median(figures.tap_warm_ms[name]):.0f} ms"
                for name in figures.tap_ms
            ))
        finally:
            for context in contexts.values():
                context.close()


def browser_rows(figures: BrowserFigures) -> list[Row]:
    """The browser part of the results table."""
    g, h = GLUTEMAP.name, HELLO.name
    cold = Row("Cold start to first full render (median)", median(figures.cold_start_ms[g]),
               median(figures.cold_start_ms[h]), "ms", "≤ 1.3x", None)
    cold_same_way = Row("Cold start, against the hello world also served as st.App (reference)",
                        median(figures.cold_start_ms[g]), median(figures.cold_start_ms[HELLO_AS_APP_SUBJECT.name]),
                        "ms", "—", None)
    tap = Row("Tap to updated results on Explore, first tap of a session (median)", median(figures.tap_ms[g]),
              median(figures.tap_ms[h]), "ms", "≤ 1.5x", None)
    warm = Row("Tap to updated results, a later tap in the same session (median)", median(figures.tap_warm_ms[g]),
               median(figures.tap_warm_ms[h]), "ms", "≤ 1.5x", None)
    drawn = Row("First tap of a session until everything is drawn (median)", median(figures.tap_drawn_ms[g]),
                median(figures.tap_drawn_ms[h]), "ms", "—", None)
    idle = Row("Server memory, idle after warm-up", median(figures.idle_mb[g]), median(figures.idle_mb[h]),
               "MB", "≤ +40 MB", None)
    busy = Row(f"Server memory, {SESSIONS} sessions", median(figures.sessions_mb[g]), median(figures.sessions_mb[h]),
               "MB", "≤ +40 MB", None)
    return [
        _with_met(cold, cold.ratio is not None and cold.ratio <= 1.3),
        cold_same_way,
        _with_met(tap, tap.ratio is not None and tap.ratio <= 1.5),
        _with_met(warm, warm.ratio is not None and warm.ratio <= 1.5),
        drawn,
        _with_met(idle, idle.glutemap - (idle.baseline or 0) <= 40),
        _with_met(busy, busy.glutemap - (busy.baseline or 0) <= 40),
    ]


def browser_notes(figures: BrowserFigures) -> list[str]:
    """The raw samples and how they were taken, for the results file."""
    def samples(values: list[float], unit: str) -> str:
        return ", ".join(f"{value:.0f}" for value in values) + f" {unit}"

    notes = []
    for name in figures.cold_start_ms:
        notes.append(f"cold start samples, {name}: {samples(figures.cold_start_ms[name], 'ms')}")
    for name in figures.tap_ms:
        notes.append(f"tap samples, {name}: first of a session {samples(figures.tap_ms[name], 'ms')}; everything drawn "
                     f"{samples(figures.tap_drawn_ms[name], 'ms')}; same session {samples(figures.tap_warm_ms[name], 'ms')}")
    for name in figures.idle_mb:
        notes.append(f"memory samples (idle / {SESSIONS} sessions), {name}: {samples(figures.idle_mb[name], 'MB')} / "
                     f"{samples(figures.sessions_mb[name], 'MB')}")
    for name, lost in figures.lost_taps.items():
        if lost:
            notes.append(f"{name}: {len(lost)} tap(s) showed no update within {TAP_TIMEOUT_MS / 1000:.0f} s and were"
                         f" repeated in a fresh session (first: {lost[0]})")
    notes.append(
        "cold start = `streamlit run` launched (GluteMap: server.py, an st.App serving app.py that warms it up at start;"
        " hello world: bench/hello_app.py run directly, and for reference bench/hello_server.py, the same app as an"
        " st.App) -> health check OK -> Chromium opens / -> script finished and h1 visible;"
        " tap = pointerdown -> the result is in the page and the script state is notRunning (GluteMap: a condition card"
        f" after tapping the plain choice for {TAP_REGION} in the right-side view; hello world: the text its checkbox"
        " reveals), timed inside the page; 'everything drawn' = the last change to the page before 1.5 s without any"
        " (charts are drawn after the script has finished); a later"
        " tap = the same tap after undoing it, in the same session;"
        f" memory = VmRSS of the server process, idle {SETTLE_SECONDS:.0f} s after one warm-up visit, then with"
        f" {SESSIONS} browser contexts open on the page (Explore for GluteMap), each having tapped once"
    )
    return notes


def _with_met(row: Row, met: bool) -> Row:
    return Row(row.measure, row.glutemap, row.baseline, row.unit, row.target, met)


if __name__ == "__main__":  # a quick look: python -m bench.browser_bench
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    result = run_browser_benchmarks(cold_starts=1, taps=2, memory_rounds=1)
    for row in browser_rows(result):
        print(row)
