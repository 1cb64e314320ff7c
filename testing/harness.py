"""Real-browser harness shared by the e2e tests and scripts/screenshots.py.

Starts `streamlit run server.py` (which serves app.py) on 127.0.0.1 with a free port, launches Debian's chromium
through Playwright (never Playwright's own browser download), and opens a page once the app has finished running.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from playwright.async_api import Page as AsyncPage
from playwright.async_api import TimeoutError as AsyncTimeoutError
from playwright.sync_api import Browser, BrowserContext, Page, Playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from glutemap.processes import stop_process_group

REPO_ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
STARTUP_TIMEOUT_SECONDS = 30.0
STOP_TIMEOUT_SECONDS = 5.0
PORT_ATTEMPTS = 3
DESKTOP_VIEWPORT = {"width": 1280, "height": 800}
# Long enough for a cold first run on 2 slow cores, short enough that a hang fails fast.
APP_TIMEOUT_MS = 30_000

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    # Every host but the app's resolves to nothing, so a test run can never leak a request (the request
    # event still fires, so the privacy test still sees any attempt).
    f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {HOST}",
]
CHROMIUM_MISSING = (
    "Debian's chromium is needed for the browser tests but was not found (looked for /usr/bin/chromium and "
    "`chromium` on PATH). Install it with `sudo apt-get install -y chromium`, or run `make test`, which "
    "installs it. Never use `playwright install`: its download host is unreachable here."
)

APP_ROOT = "[data-testid=stApp]"
# Streamlit 1.67 marks the app root with data-test-script-state: "initial" before the first run, then
# "running" and "notRunning"; nothing else says reliably that a rerun has finished.
APP_IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
MAIN_HEADING = "[data-testid=stMain] h1"
TOUCH_CSS_APPLIED = "() => getComputedStyle(document.documentElement).getPropertyValue('--glutemap-touch-css').trim() === '1'"
EXCEPTION = "[data-testid=stException]"


def find_chromium() -> str | None:
    """The path of Debian's chromium, or None when it is not installed."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def browser_required() -> bool:
    """CI and the make targets must never silently skip a browser test."""
    return bool(os.environ.get("CI")) or os.environ.get("GLUTEMAP_REQUIRE_BROWSER") == "1"


def chromium_or_skip() -> str:
    """Debian's chromium; fails the test (CI, make targets) or skips it (a quick local run) when missing."""
    import pytest

    path = find_chromium()
    if path is None:
        if browser_required():
            pytest.fail(CHROMIUM_MISSING, pytrace=False)
        pytest.skip(CHROMIUM_MISSING)
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class ServerFailedToStart(RuntimeError):
    """`streamlit run` exited or did not answer its health check in time."""


class StreamlitServer:
    """One `streamlit run server.py` subprocess on 127.0.0.1; use as a context manager or call start/stop."""

    def __init__(self, env: Mapping[str, str] | None = None, port: int | None = None) -> None:
        self.env_overrides = dict(env or {})
        self._port_given = port is not None
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """The root URL of the running app, always on the loopback address."""
        return f"http://{HOST}:{self.port}"

    def command(self) -> list[str]:
        """The command line; the bind address is left to .streamlit/config.toml, which the tests check."""
        return [
            sys.executable, "-m", "streamlit", "run", "server.py",
            "--server.port", str(self.port),
            "--server.headless", "true",
        ]  # fmt: skip

    def log_text(self) -> str:
        """Everything the server printed so far (stdout and stderr together)."""
        if self._log is None:
            return ""
        # pread leaves the file offset alone: the server shares it and keeps writing at the end.
        descriptor = self._log.fileno()
        return os.pread(descriptor, os.fstat(descriptor).st_size, 0).decode("utf-8", "replace")

    def start(self) -> StreamlitServer:
        """Start the server and wait until /_stcore/health answers 200."""
        for attempt in range(PORT_ATTEMPTS):
            try:
                self._start_once()
                return self
            except ServerFailedToStart as failure:
                # Another process can grab a free port between picking it and Streamlit binding it.
                port_taken = f"Port {self.port} is not available" in str(failure)
                if self._port_given or not port_taken or attempt == PORT_ATTEMPTS - 1:
                    raise
                self.port = free_port()
        return self

    def _start_once(self) -> None:
        env = {**os.environ, **self.env_overrides}
        # A file, not a pipe: a pipe nobody reads fills up and blocks the server.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (outlives this method; closed in stop())
        self.process = subprocess.Popen(
            self.command(),
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so teardown reaches any child too
        )
        try:
            self._wait_healthy()
        except BaseException:
            self.stop()
            raise

    def _wait_healthy(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerFailedToStart(f"`streamlit run` exited with code {self.process.returncode}:\n{self.log_text()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.1)
        raise ServerFailedToStart(
            f"`streamlit run` did not answer {self.url}/_stcore/health within {STARTUP_TIMEOUT_SECONDS:.0f} s."
            f"\nServer output:\n{self.log_text()}"
        )

    def stop(self) -> None:
        """Terminate the server's process group, then kill it if it does not exit promptly."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            stop_process_group(process, STOP_TIMEOUT_SECONDS)
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def launch_chromium(playwright: Playwright, executable_path: str) -> Browser:
    """Headless Debian chromium with everything that could reach the network switched off."""
    return playwright.chromium.launch(executable_path=executable_path, args=CHROMIUM_ARGS, headless=True)


def new_context(browser: Browser, server: StreamlitServer, viewport: Mapping[str, int] = DESKTOP_VIEWPORT) -> BrowserContext:
    """A fresh browser profile pointed at `server`, so page.goto("/explore") needs no host."""
    context = browser.new_context(base_url=server.url, viewport={"width": viewport["width"], "height": viewport["height"]})
    context.set_default_timeout(APP_TIMEOUT_MS)
    return context


@contextmanager
def open_context(
    browser: Browser, server: StreamlitServer, viewport: Mapping[str, int] = DESKTOP_VIEWPORT
) -> Iterator[BrowserContext]:
    """A fresh browser context that is closed afterwards."""
    context = new_context(browser, server, viewport)
    try:
        yield context
    finally:
        context.close()


class AppShowedAnError(AssertionError):
    """The page ended with Streamlit's exception box instead of its content."""


def wait_for_app(page: Page, app_css: bool = True) -> None:
    """Wait until the script has run to the end and the page shows its main heading (or fail on an error).

    `app_css=False` skips waiting for GluteMap's own CSS (for the benchmarks' hello-world baseline app).
    """
    page.wait_for_selector(APP_ROOT, state="attached")
    page.wait_for_selector(APP_IDLE, state="attached")
    # Fail at once on an uncaught exception instead of waiting out the timeout for a heading.
    page.locator(f"{MAIN_HEADING}, {EXCEPTION}").first.wait_for(state="visible")
    if page.locator(EXCEPTION).count():
        raise AppShowedAnError(f"{page.url} showed an error: {page.locator(EXCEPTION).first.inner_text()}")
    # A rerun (e.g. a deep-link redirect) can start right after the heading shows; settle on its end too.
    page.wait_for_selector(APP_IDLE, state="attached")
    # st.html mounts a moment after the script ends; until then the touch sizes and focus ring are not applied.
    if app_css:
        page.wait_for_function(TOUCH_CSS_APPLIED)


def open_app(page: Page, path: str = "") -> Page:
    """Navigate to `path` (relative to the server root, e.g. "explore?x=1") and wait for the app."""
    page.goto("/" + path.lstrip("/"))
    wait_for_app(page)
    return page


# Explore's two long lists start folded (so a phone shows the map without scrolling far): the warning signs
# and the areas as plain choices. Tests that tick or choose from them unfold them first, as a visitor would.
EXPLORE_WARNING_SIGNS = ".st-key-explore_safety_signs"
EXPLORE_AREA_LIST = ".st-key-explore_area_list"
# What a visitor taps on Explore, and where its answer shows.
SUGGESTION_BUTTONS = ".st-key-explore_example [data-testid=stButtonGroup] button"
AREA_LIST_BUTTONS = "[class*=st-key-explore_list] [data-testid=stButtonGroup] button"
WARNING_SIGN_BUTTONS = ".st-key-red_flags_list [data-testid=stButtonGroup] button"
EXPLORE_RESULTS = ".st-key-explore_results"
URGENT_PANEL = ".st-key-urgent_panel"
ANSWER_IN_VIEW_MS = 5_000  # the rerun itself plus the scroll, on a busy two-core test machine
UNFOLD_TRIES = 3
UNFOLD_WAIT_MS = 5_000


def unfold(page: Page, container: str) -> None:
    """Open the folded section (an expander) inside `container`, unless it is open already.

    A tap that lands while a rerun redraws the page can be lost (a visitor would tap again): so does this.
    The section opens at once (touch.css turns off Streamlit's unfolding animation, in which a list slid).
    """
    opened = page.locator(f"{container} details[open]")
    for _ in range(UNFOLD_TRIES):
        if opened.count():
            break
        page.locator(f"{container} summary").first.click()
        try:
            opened.first.wait_for(state="attached", timeout=UNFOLD_WAIT_MS)
            break
        except PlaywrightTimeoutError:
            continue
    opened.first.wait_for(state="attached")
    # Look at the list once the page is idle, as a visitor reads it before tapping.
    wait_for_app(page)


async def unfold_async(page: AsyncPage, container: str) -> None:
    """`unfold` for the asyncio tests that drive many visitors at once (same retries, same end state)."""
    opened = page.locator(f"{container} details[open]")
    for _ in range(UNFOLD_TRIES):
        if await opened.count():
            break
        await page.locator(f"{container} summary").first.click()
        try:
            await opened.first.wait_for(state="attached", timeout=UNFOLD_WAIT_MS)
            break
        except AsyncTimeoutError:
            continue
    await opened.first.wait_for(state="attached")
    await page.wait_for_selector(APP_IDLE, state="attached")


def main_heading(page: Page) -> str:
    """The text of the page's main (h1) heading."""
    return page.locator(MAIN_HEADING).first.inner_text().strip()
