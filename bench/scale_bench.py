"""Scale-out benchmark: GluteMap at 1, 2 and 3 replicas behind HAProxy (`scripts/serve.py`) on this machine.

    python -m bench.scale_bench            # about 5 minutes on two cores
    python -m bench.scale_bench --quick    # a smoke run (about 1 minute)

Load comes from simulated visitors that speak Streamlit's own websocket protocol through the balancer
(no browser): each gets its sticky cookie from the balancer, opens Explore, then keeps describing its
pain in the text box (a rerun with a new widget value, exactly what a browser sends). The server does the
same work as for a real visitor; Chromium is left out so that the two cores serve the app instead of
rendering pages. Per replica count it reports:

- sessions held: the most visitors (each acting every THINK_SECONDS) with p95 interaction-to-update
  at or below HELD_P95_MS and no failed interaction;
- p95 interaction-to-update at that load: from sending the new text until the rerun has finished;
- server memory per session: the replicas' added resident memory with the sessions open, divided by them;
- throughput: interactions per second with visitors acting back to back, and its ratio to 1 replica.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.cookiejar
import os
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.report import median, percentile, say
from testing.cluster import REPLICA_COOKIE, ServedCluster

REPLICA_COUNTS = (1, 2, 3)
THINK_SECONDS = 2.0  # a busy visitor: a new description every 2 s
HELD_P95_MS = 1000.0  # a reply within a second still feels immediate
SESSION_STEPS = (4, 8, 12, 16, 24, 32, 48)
STEP_SECONDS = 20.0
SATURATION_SESSIONS_PER_REPLICA = 4
SATURATION_SECONDS = 20.0
SETTLE_SECONDS = 3.0
INTERACTION_TIMEOUT_SECONDS = 30.0
PAGE = "explore"
TEXT_KEY = "symptom_text"  # the Explore text box's widget key
PHRASES = ("outer knee pain when running", "pain on the side of the hip when lying on it",
           "aching buttock after sitting", "heel pain in the morning")  # fmt: skip


class InteractionFailed(RuntimeError):
    """A rerun did not finish successfully or in time."""


@dataclass
class Visitor:
    """One simulated visitor: a websocket session on one replica."""

    number: int
    replica: str = ""
    text_widget: str = ""
    times_ms: list[float] = field(default_factory=list)
    failures: int = 0


def sticky_cookie(url: str) -> str:
    """What the balancer answers a new visitor's first page request with: its replica cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(url + "/", timeout=30) as response:
        response.read()
    return next(str(cookie.value) for cookie in jar if cookie.name == REPLICA_COOKIE)


async def _until_finished(ws: websockets.ClientConnection, visitor: Visitor) -> None:
    """Read messages until the rerun has finished; remember the text box's widget id when it goes by."""
    while True:
        message = ForwardMsg()
        message.ParseFromString(await ws.recv())
        kind = message.WhichOneof("type")
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            if element.WhichOneof("type") == "text_area" and element.text_area.id.endswith(TEXT_KEY):
                visitor.text_widget = element.text_area.id
        elif kind == "script_finished" and message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
            if message.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY:
                raise InteractionFailed(f"script finished with status {message.script_finished}")
            return


def _rerun(text: str | None, visitor: Visitor) -> bytes:
    back = BackMsg()
    back.rerun_script.page_name = PAGE
    if text is not None:
        back.rerun_script.widget_states.widgets.append(WidgetState(id=visitor.text_widget, string_value=text))
    return bytes(back.SerializeToString())


async def visit(url: str, visitor: Visitor, opened: asyncio.Event, stop: asyncio.Event, think: float) -> None:
    """Open Explore, then describe the pain again and again until told to stop, timing each update."""
    visitor.replica = await asyncio.to_thread(sticky_cookie, url)
    async with websockets.connect(
        url.replace("http://", "ws://") + "/_stcore/stream", subprotocols=[websockets.Subprotocol("streamlit")],
        additional_headers={"Cookie": f"{REPLICA_COOKIE}={visitor.replica}"}, max_size=None, open_timeout=60,
    ) as ws:  # fmt: skip
        await ws.send(_rerun(None, visitor))
        await asyncio.wait_for(_until_finished(ws, visitor), 120)
        opened.set()
        number = visitor.number
        while not stop.is_set():
            number += 1
            started = time.perf_counter()
            try:
                await ws.send(_rerun(PHRASES[number % len(PHRASES)], visitor))
                await asyncio.wait_for(_until_finished(ws, visitor), INTERACTION_TIMEOUT_SECONDS)
            except (InteractionFailed, TimeoutError):
                visitor.failures += 1
                continue
            visitor.times_ms.append((time.perf_counter() - started) * 1000)
            if think:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), think)


@dataclass
class LoadResult:
    """One load level on one cluster."""

    sessions: int
    times_ms: list[float]
    failures: int
    seconds: float
    memory_added_mb: float
    per_replica: dict[str, int]
    cpu_seconds: float  # used by the replicas during the measured window

    @property
    def cpu_ms_per_interaction(self) -> float:
        """Server CPU time per interaction: unlike wall-clock times, other load on the machine hardly moves it."""
        return self.cpu_seconds * 1000 / len(self.times_ms) if self.times_ms else float("nan")

    @property
    def p95_ms(self) -> float:
        """95th percentile interaction-to-update."""
        return percentile(self.times_ms, 0.95) if self.times_ms else float("inf")

    @property
    def throughput(self) -> float:
        """Interactions per second."""
        return len(self.times_ms) / self.seconds


def replicas_cpu_seconds(cluster: ServedCluster) -> float:
    """CPU time (user + system) the replicas have used so far, in seconds."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in cluster.replica_pids.values():
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the whole line)
    return total / ticks


def replicas_rss_mb(cluster: ServedCluster) -> float:
    """Resident memory of every replica together, in MB."""
    total = 0.0
    for pid in cluster.replica_pids.values():
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


async def load(cluster: ServedCluster, sessions: int, seconds: float, think: float, idle_mb: float) -> LoadResult:
    """`sessions` visitors acting for `seconds` (after all have opened Explore); memory read with them open."""
    visitors = [Visitor(number) for number in range(sessions)]
    opened = [asyncio.Event() for _ in visitors]
    stop = asyncio.Event()
    tasks = [asyncio.create_task(visit(cluster.url, v, o, stop, think)) for v, o in zip(visitors, opened, strict=True)]
    await asyncio.wait_for(asyncio.gather(*(o.wait() for o in opened)), 300)
    for visitor in visitors:
        visitor.times_ms.clear()
    cpu_before = replicas_cpu_seconds(cluster)
    await asyncio.sleep(seconds)
    memory = replicas_rss_mb(cluster) - idle_mb
    cpu = replicas_cpu_seconds(cluster) - cpu_before
    stop.set()
    await asyncio.gather(*tasks)
    counts: dict[str, int] = {}
    for visitor in visitors:
        counts[visitor.replica] = counts.get(visitor.replica, 0) + 1
    return LoadResult(sessions, [t for v in visitors for t in v.times_ms], sum(v.failures for v in visitors), seconds,
                      memory, counts, cpu)


@dataclass
class ReplicaFigures:
    """Everything measured at one replica count."""

    replicas: int
    steps: list[LoadResult]
    saturation: LoadResult
    idle_mb: float

    @property
    def held(self) -> LoadResult | None:
        """The largest load level that met the p95 target without a failure."""
        good = [s for s in self.steps if s.failures == 0 and s.p95_ms <= HELD_P95_MS]
        return max(good, key=lambda s: s.sessions) if good else None


async def measure(replicas: int, steps: tuple[int, ...], step_seconds: float, saturation_seconds: float) -> ReplicaFigures:
    """Start `replicas` replicas, warm them up, ramp the sessions, then saturate."""
    with ServedCluster(replicas) as cluster:
        await load(cluster, 2 * replicas, 3.0, 0.0, 0.0)  # warm-up: imports, caches, the knowledge on every replica
        await asyncio.sleep(SETTLE_SECONDS)
        idle_mb = replicas_rss_mb(cluster)
        results = []
        for sessions in steps:
            result = await load(cluster, sessions, step_seconds, THINK_SECONDS, idle_mb)
            results.append(result)
            say(f"  {replicas} replica(s), {sessions} sessions: p95 {result.p95_ms:.0f} ms, median "
                f"{median(result.times_ms) if result.times_ms else float('nan'):.0f} ms, {result.failures} failed, "
                f"+{result.memory_added_mb:.0f} MB, spread {result.per_replica}")
            if result.failures or result.p95_ms > 2 * HELD_P95_MS:
                break  # far past the target: more sessions only take longer
        await asyncio.sleep(SETTLE_SECONDS)
        saturation = await load(cluster, SATURATION_SESSIONS_PER_REPLICA * replicas, saturation_seconds, 0.0,
                                replicas_rss_mb(cluster))
        say(f"  {replicas} replica(s), back to back: {saturation.throughput:.1f} interactions/s, "
            f"p95 {saturation.p95_ms:.0f} ms, server CPU {saturation.cpu_ms_per_interaction:.0f} ms per interaction")
    return ReplicaFigures(replicas, results, saturation, idle_mb)


def report(figures: list[ReplicaFigures]) -> list[str]:
    """The results as Markdown table lines."""
    base = figures[0].saturation.throughput
    lines = [
        f"| replicas | sessions held (p95 ≤ {HELD_P95_MS:.0f} ms, one action per {THINK_SECONDS:.0f} s) | p95 at that load "
        "| idle memory (all replicas) | memory per session | throughput, back to back | ratio to 1 replica "
        "| server CPU per interaction |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for figure in figures:
        held = figure.held
        largest = figure.steps[-1]
        per_session = f"{max(largest.memory_added_mb, 0) / largest.sessions:.2f} MB"
        lines.append(
            f"| {figure.replicas} | {held.sessions if held else 0} | {f'{held.p95_ms:.0f} ms' if held else '—'} "
            f"| {figure.idle_mb:.0f} MB | {per_session} | {figure.saturation.throughput:.1f} /s "
            f"| {figure.saturation.throughput / base:.2f}x | {figure.saturation.cpu_ms_per_interaction:.0f} ms |"
        )
    lines += ["", "| replicas | " + " | ".join(f"{n} sessions" for n in SESSION_STEPS) + " |",
              "|---|" + "---|" * len(SESSION_STEPS)]
    for figure in figures:
        by_sessions = {step.sessions: step for step in figure.steps}
        cells = [f"p95 {by_sessions[n].p95_ms:.0f} ms" + (f", {by_sessions[n].failures} failed" if by_sessions[n].failures
                 else "") if n in by_sessions else "—" for n in SESSION_STEPS]
        lines.append(f"| {figure.replicas} | " + " | ".join(cells) + " |")
    cpu_ms = median([f.saturation.cpu_ms_per_interaction for f in figures])
    lines.append(f"sizing from CPU: {cpu_ms:.0f} ms of server CPU per interaction -> one core keeps "
                 f"{0.6 * THINK_SECONDS * 1000 / cpu_ms:.0f} visitors acting every {THINK_SECONDS:.0f} s at 60 % busy")
    lines.append("(memory per session: the replicas' added RSS with the largest load level's sessions open, divided by them)")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the scale benchmark and print its table (Markdown)."""
    parser = argparse.ArgumentParser(prog="python -m bench.scale_bench", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="two short load levels per replica count (a smoke run)")
    args = parser.parse_args(argv)
    steps = SESSION_STEPS[:2] if args.quick else SESSION_STEPS
    step_seconds = 5.0 if args.quick else STEP_SECONDS
    saturation_seconds = 5.0 if args.quick else SATURATION_SECONDS
    started = time.monotonic()
    load_before = os.getloadavg()
    figures = []
    for replicas in REPLICA_COUNTS:
        say(f"Scale: {replicas} replica(s) behind HAProxy ...")
        figures.append(asyncio.run(measure(replicas, steps, step_seconds, saturation_seconds)))
    print()
    print(f"cores: {os.cpu_count()}; load average before {load_before[0]:.1f}, after {os.getloadavg()[0]:.1f}; "
          f"run time {time.monotonic() - started:.0f} s")
    for line in report(figures):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
