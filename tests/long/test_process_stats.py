"""The measuring tools of the soak: the least-squares slope and the /proc reading of a process tree."""

from __future__ import annotations

import subprocess
import sys

import pytest

from testing.process_stats import read_sample, slope_per_hour

pytestmark = pytest.mark.long


def test_slope_of_a_straight_line_is_its_rate_per_hour() -> None:
    """Values rising 1 MB every 10 minutes give a slope of 6 MB per hour."""
    times = [0.0, 600.0, 1200.0, 1800.0]
    assert slope_per_hour(times, [100.0, 101.0, 102.0, 103.0]) == pytest.approx(6.0)


def test_slope_ignores_noise_around_a_flat_line() -> None:
    """Values that swing up and down symmetrically around a constant give a slope of zero."""
    times = [0.0, 10.0, 20.0, 30.0, 40.0]
    assert slope_per_hour(times, [50.0, 52.0, 48.0, 52.0, 50.0]) == pytest.approx(0.0)


# A quiet parent (no threads of its own coming and going, unlike this test process once Playwright has run
# in it): it says "ready", then starts a sleeping child when told and says "child".
QUIET_PARENT = """
import subprocess, sys, time
print("ready", flush=True)
sys.stdin.readline()
child = subprocess.Popen([sys.executable, "-c", "import time; print('up', flush=True); time.sleep(30)"], stdout=subprocess.PIPE)
child.stdout.readline()
print("child", flush=True)
sys.stdin.readline()
child.kill()
"""


def test_sample_counts_a_child_process() -> None:
    """A sample of a process includes a child it started: more threads and more memory than without it."""
    with subprocess.Popen(
        [sys.executable, "-c", QUIET_PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as parent:
        assert parent.stdin is not None and parent.stdout is not None
        try:
            assert parent.stdout.readline().strip() == "ready"
            alone = read_sample(parent.pid, 0.0)
            parent.stdin.write("go\n")
            parent.stdin.flush()
            assert parent.stdout.readline().strip() == "child"
            with_child = read_sample(parent.pid, 0.0)
        finally:
            parent.kill()
    assert with_child.threads >= alone.threads + 1
    assert with_child.rss_mb > alone.rss_mb
    assert alone.open_files >= 3
