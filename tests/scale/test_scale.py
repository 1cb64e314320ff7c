"""Many visitors at once: 3 replicas behind HAProxy, 6 concurrent browser sessions, one replica killed mid-run.

The run happens once per module (it takes about a minute on two cores) and records what every visitor saw;
each test below checks one behaviour of that run. The cluster is `scripts/serve.py`, exactly as `make serve`
starts it, and it is stopped with Ctrl-C's signal before the tests look at the results.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field

import pytest
from playwright.async_api import Browser, BrowserContext, Page, Response, async_playwright

from glutemap import strings
from glutemap.knowledge.loader import load_knowledge
from glutemap.settings import deployment
from testing.cluster import REPLICA_COOKIE, REPLICA_HEADER, ServedCluster, port_listening
from testing.harness import APP_IDLE, APP_ROOT, CHROMIUM_ARGS, EXCEPTION, MAIN_HEADING, unfold_async

pytestmark = pytest.mark.scale

REPLICAS = 3
VISITORS = 6
NEW_VISITORS = 3
NEW_VISITOR_LIMIT_SECONDS = 10.0
MARKED_DOWN_LIMIT_SECONDS = 5.0
BACK_UP_LIMIT_SECONDS = 60.0
ORPHAN_LIMIT_SECONDS = 30.0
TIMEOUT_MS = 60_000  # six sessions, three replicas and a browser on two cores
SEARCH = "outer knee pain when running"
PDF_MAGIC = b"%PDF-"

# Set in the page once the app is up: true as soon as the page's connection to its server is not CONNECTED.
WATCH_CONNECTION = """
() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__connectionLost = false;
  new MutationObserver(() => {
    if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') window.__connectionLost = true;
  }).observe(app, {attributes: true, attributeFilter: ['data-test-connection-state']});
}
"""
ALL_IMAGES_LOADED = "() => Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0)"


@dataclass
class Visitor:
    """What one browser session did and saw."""

    number: int
    context: BrowserContext
    page: Page
    replica: str = ""
    replicas_answering: set[str] = field(default_factory=set)  # the replica header of every HTTP response
    images_before_kill: int = 0
    images_loaded_before_kill: bool = False
    pdf_before_kill: bytes = b""
    pdf_after_kill: bytes = b""
    plan_kept_after_kill: bool = False
    search_after_kill: bool = False
    connection_lost: bool = False
    replica_after_kill: str = ""
    back_after_seconds: float | None = None  # orphans: from the kill to the app shown again
    errors: list[str] = field(default_factory=list)

    def note_response(self, response: Response) -> None:
        """Remember which replica answered (the balancer's header; "?" for a response without it)."""
        self.replicas_answering.add(response.headers.get(REPLICA_HEADER, "?"))


@dataclass
class ScaleRun:
    """Everything the run observed, for the tests to judge."""

    visitors: list[Visitor]
    killed: str
    new_visitor_seconds: list[float]
    new_visitor_errors: list[str]
    marked_down_seconds: float | None
    back_up_seconds: float | None
    serve_exit_code: int | None
    left_running: list[int]
    ports_still_open: list[int]
    output: str

    @property
    def survivors(self) -> list[Visitor]:
        """Visitors whose replica was not killed."""
        return [v for v in self.visitors if v.replica != self.killed]

    @property
    def orphans(self) -> list[Visitor]:
        """Visitors whose replica was killed under them."""
        return [v for v in self.visitors if v.replica == self.killed]


# The folded exercise section of the result card whose first exercise the visitors add (see run_scenario).
RESULT_EXERCISES = ".st-key-exercises_for_it_band_syndrome"


async def wait_for_app(page: Page) -> None:
    """The async twin of testing.harness.wait_for_app: script finished and a heading (or an error) shown."""
    await page.wait_for_selector(APP_ROOT, state="attached")
    await page.wait_for_selector(APP_IDLE, state="attached")
    await page.locator(f"{MAIN_HEADING}, {EXCEPTION}").first.wait_for(state="visible")
    if await page.locator(EXCEPTION).count():
        raise AssertionError(f"{page.url} showed an error")
    await page.wait_for_selector(APP_IDLE, state="attached")


async def settle(page: Page) -> None:
    """Let a click's rerun start, then wait for it to finish."""
    await page.wait_for_timeout(300)
    await wait_for_app(page)


async def replica_of(context: BrowserContext) -> str:
    """The balancer's sticky cookie: the name of the replica holding this visitor's session."""
    return next((c["value"] for c in await context.cookies() if c["name"] == REPLICA_COOKIE), "")


async def download_pdf(page: Page) -> bytes:
    """Press "Save the plan as a PDF" and return the file; the server builds it inside the visitor's session."""
    async with page.expect_download() as download_info:
        await page.get_by_role("button", name=strings.PLAN_PDF).click()
    download = await download_info.value
    path = await download.path()
    return path.read_bytes()


async def explore_to_plan(visitor: Visitor, exercise_name: str) -> None:
    """Explore: describe the pain, add the first exercise, open My plan, check its images, save the PDF."""
    page = visitor.page
    await page.goto("/explore")
    await wait_for_app(page)
    await page.evaluate(WATCH_CONNECTION)
    box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
    await box.fill(SEARCH)
    await box.press("Enter")
    await page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    await settle(page)
    # A result card opens short: its exercises are one tap away.
    await unfold_async(page, RESULT_EXERCISES)
    await page.get_by_role("button", name=strings.PLAN_ADD.format(name=exercise_name)).first.click()
    await settle(page)
    await page.get_by_role("link", name=strings.NAV_PLAN).first.click()
    await page.get_by_role("heading", name=strings.PLAN_TITLE, level=1).wait_for()
    await settle(page)
    await page.get_by_role("img", name=strings.PLAN_QR_CAPTION).wait_for()
    await page.wait_for_function(ALL_IMAGES_LOADED)
    visitor.images_before_kill = await page.evaluate("() => document.images.length")
    visitor.images_loaded_before_kill = await page.evaluate(ALL_IMAGES_LOADED)
    visitor.pdf_before_kill = await download_pdf(page)
    visitor.replica = await replica_of(visitor.context)


async def carry_on(visitor: Visitor, exercise_name: str) -> None:
    """After the kill, on a surviving replica: save the PDF again, then search again on Explore."""
    page = visitor.page
    visitor.plan_kept_after_kill = await page.get_by_text(exercise_name).first.is_visible()
    visitor.pdf_after_kill = await download_pdf(page)
    await page.get_by_role("link", name=strings.NAV_EXPLORE).first.click()
    await page.get_by_role("heading", name=strings.EXPLORE_TITLE, level=1).wait_for()
    await settle(page)
    box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
    await box.fill("pain on the side of the hip when lying on it")
    await box.press("Enter")
    await page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    visitor.search_after_kill = True
    visitor.connection_lost = await page.evaluate("() => window.__connectionLost")
    visitor.replica_after_kill = await replica_of(visitor.context)


async def come_back(visitor: Visitor, killed_at: float, root: str) -> None:
    """A visitor of the killed replica: the page reconnects elsewhere and reloads to the start screen."""
    await visitor.page.wait_for_url(root, timeout=ORPHAN_LIMIT_SECONDS * 1000)
    await wait_for_app(visitor.page)
    visitor.back_after_seconds = time.monotonic() - killed_at


async def new_visitor(browser: Browser, base_url: str) -> float:
    """A fresh visitor opens the app; seconds from its arrival until its start screen is shown."""
    context = await browser.new_context(base_url=base_url)
    context.set_default_timeout(TIMEOUT_MS)
    arrived = time.monotonic()
    try:
        page = await context.new_page()
        await page.goto("/")
        await wait_for_app(page)
        return time.monotonic() - arrived
    finally:
        await context.close()


async def new_visitors_one_after_another(browser: Browser, base_url: str) -> list[float | BaseException]:
    """New visitors arriving one after another, the first at the moment of the kill."""
    results: list[float | BaseException] = []
    for _ in range(NEW_VISITORS):
        try:
            results.append(await new_visitor(browser, base_url))
        except Exception as failure:
            results.append(failure)
    return results


async def watch_killed_replica(cluster: ServedCluster, name: str, killed_at: float) -> tuple[float | None, float | None]:
    """Seconds from the kill until the balancer marks the replica DOWN, and until it is UP again (restarted)."""
    down = up = None
    while time.monotonic() - killed_at < BACK_UP_LIMIT_SECONDS:
        state = cluster.server_states().get(name, "")
        if down is None and state.startswith("DOWN"):
            down = time.monotonic() - killed_at
        if down is not None and state == "UP":
            up = time.monotonic() - killed_at
            break
        await asyncio.sleep(0.1)
    return down, up


async def run_scenario(cluster: ServedCluster, chromium: str) -> ScaleRun:
    """Six visitors in parallel through the balancer; kill the replica of one of them half-way."""
    knowledge = load_knowledge(deployment().knowledge_dir)
    exercise_name = knowledge.exercises[knowledge.conditions["it_band_syndrome"].exercises[0]].name
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            visitors = []
            for number in range(VISITORS):
                context = await browser.new_context(base_url=cluster.url, accept_downloads=True)
                context.set_default_timeout(TIMEOUT_MS)
                visitor = Visitor(number, context, await context.new_page())
                context.on("response", visitor.note_response)
                visitors.append(visitor)
            await _each(visitors, lambda v: explore_to_plan(v, exercise_name))

            held = {v.replica for v in visitors}
            # Kill a replica that holds a session, preferring one that leaves sessions elsewhere to watch.
            killed = next((name for name in sorted(held) if held - {name}), sorted(held)[0])
            for visitor in visitors:
                visitor.replicas_answering.discard("?")
            answering_before = {v.number: set(v.replicas_answering) for v in visitors}
            cluster.kill_replica(killed)
            killed_at = time.monotonic()

            watcher = asyncio.ensure_future(watch_killed_replica(cluster, killed, killed_at))
            # New visitors arrive one after another while the killed replica's visitors are reconnected
            # elsewhere; the survivors carry on right after. On two cores that also run the browser, more
            # page loads at once would time the CPU, not the balancer (3 loads at once take ~8 s here).
            arrivals, _ = await asyncio.gather(
                new_visitors_one_after_another(browser, cluster.url),
                _each([v for v in visitors if v.replica == killed], lambda v: come_back(v, killed_at, cluster.url + "/")),
            )
            await _each([v for v in visitors if v.replica != killed], lambda v: carry_on(v, exercise_name))
            new_seconds = [r for r in arrivals if isinstance(r, float)]
            new_errors = [repr(r) for r in arrivals if not isinstance(r, float)]
            marked_down, back_up = await watcher
            for visitor in visitors:
                if visitor.replica == killed:
                    visitor.replicas_answering = answering_before[visitor.number]
                else:
                    visitor.replicas_answering.discard("?")
        finally:
            await browser.close()
    code = cluster.stop(signal.SIGINT)
    return ScaleRun(
        visitors=visitors, killed=killed, new_visitor_seconds=new_seconds, new_visitor_errors=new_errors,
        marked_down_seconds=marked_down, back_up_seconds=back_up, serve_exit_code=code,
        left_running=cluster.left_running,
        ports_still_open=[p for p in (cluster.port, *cluster.replica_ports.values()) if port_listening(p)],
        output=cluster.output(),
    )  # fmt: skip


async def _each(visitors: list[Visitor], step: Callable[[Visitor], Awaitable[None]]) -> None:
    """Run one step for every visitor at once; a failure is recorded on its visitor, not raised."""
    async def guarded(visitor: Visitor) -> None:
        try:
            await step(visitor)
        except Exception as failure:
            visitor.errors.append(f"{type(failure).__name__}: {str(failure).splitlines()[0] if str(failure) else ''}")

    await asyncio.gather(*(guarded(v) for v in visitors))


@pytest.fixture(scope="module")
def scale_run(chromium_path: str, haproxy_path: str) -> Iterator[ScaleRun]:
    """The whole run, done once; every process it started is stopped before the tests look at it."""
    cluster = ServedCluster(REPLICAS)
    cluster.start()
    started = time.monotonic()
    try:
        run = asyncio.run(run_scenario(cluster, chromium_path))
    finally:
        cluster.stop()
    print(f"\nscale run: {time.monotonic() - started:.0f} s; killed {run.killed}; replicas held "
          f"{sorted(v.replica for v in run.visitors)}; new visitors {[round(s, 1) for s in run.new_visitor_seconds]} s; "
          f"marked down {run.marked_down_seconds} s, up again {run.back_up_seconds} s; orphans back "
          f"{[v.back_after_seconds and round(v.back_after_seconds, 1) for v in run.orphans]} s")
    yield run


def _failures(run: ScaleRun) -> str:
    return "\n".join(f"visitor {v.number} ({v.replica}): {e}" for v in run.visitors for e in v.errors) or "none"


def test_visitors_land_on_more_than_one_replica(scale_run: ScaleRun) -> None:
    """Six visitors arriving together are spread over more than one of the three replicas."""
    assert len({v.replica for v in scale_run.visitors} - {""}) > 1, _failures(scale_run)


def test_every_visitor_finishes_the_journey_and_downloads_the_handout(scale_run: ScaleRun) -> None:
    """Every session gets its images and its PDF handout from its own replica's memory (stickiness holds)."""
    for visitor in scale_run.visitors:
        assert visitor.images_before_kill > 0 and visitor.images_loaded_before_kill, _failures(scale_run)
        assert visitor.pdf_before_kill.startswith(PDF_MAGIC), _failures(scale_run)


def test_every_request_of_a_visitor_reaches_the_same_replica(scale_run: ScaleRun) -> None:
    """Each visitor's responses all come from one replica: the one its sticky cookie names."""
    for visitor in scale_run.visitors:
        assert visitor.replicas_answering == {visitor.replica}, f"visitor {visitor.number}"


def test_new_visitors_get_the_app_within_10_s_of_a_replica_dying(scale_run: ScaleRun) -> None:
    """From the moment a replica is killed, each new visitor sees the start screen within 10 seconds of arriving."""
    assert scale_run.new_visitor_errors == []
    assert len(scale_run.new_visitor_seconds) == NEW_VISITORS
    assert max(scale_run.new_visitor_seconds) < NEW_VISITOR_LIMIT_SECONDS


def test_sessions_on_other_replicas_carry_on_untouched(scale_run: ScaleRun) -> None:
    """Visitors on surviving replicas keep their connection, their plan and their replica, and can still download."""
    assert scale_run.survivors, "no visitor was left on a surviving replica"
    for visitor in scale_run.survivors:
        assert visitor.errors == [], _failures(scale_run)
        assert not visitor.connection_lost
        assert visitor.plan_kept_after_kill
        assert visitor.pdf_after_kill.startswith(PDF_MAGIC)
        assert visitor.search_after_kill
        assert visitor.replica_after_kill == visitor.replica


def test_visitors_of_the_killed_replica_get_a_fresh_start_elsewhere(scale_run: ScaleRun) -> None:
    """A visitor whose replica died is reconnected to another one and shown the start screen."""
    assert scale_run.orphans
    for visitor in scale_run.orphans:
        assert visitor.back_after_seconds is not None, _failures(scale_run)


def test_the_balancer_marks_a_dead_replica_down_within_seconds(scale_run: ScaleRun) -> None:
    """Active health checks take the killed replica out of rotation within 5 seconds."""
    assert scale_run.marked_down_seconds is not None
    assert scale_run.marked_down_seconds < MARKED_DOWN_LIMIT_SECONDS


def test_a_killed_replica_is_restarted_and_back_in_rotation(scale_run: ScaleRun) -> None:
    """serve restarts the killed replica and the balancer takes it back once its health check passes."""
    assert scale_run.back_up_seconds is not None, scale_run.output[-2000:]
    assert f"replica {scale_run.killed} restarted" in scale_run.output


def test_ctrl_c_stops_every_process_and_frees_every_port(scale_run: ScaleRun) -> None:
    """After Ctrl-C's signal, serve exits cleanly with no replica or balancer left running or listening."""
    assert scale_run.serve_exit_code == 0
    assert scale_run.left_running == []
    assert scale_run.ports_still_open == []
