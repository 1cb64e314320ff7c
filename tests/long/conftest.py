"""Fixtures for the long runs (soak and load): Debian's chromium and a summary of the measured numbers.

Both reuse the e2e harness (testing/harness.py): `streamlit run` on 127.0.0.1 with a free port, and Debian's
chromium with every host but 127.0.0.1 unreachable. They are marked `long` and are not part of `make test`;
`make test-long` runs them (`pytest -m long tests/long`).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from testing.harness import chromium_or_skip

ReportNumbers = Callable[[str], None]

_SUMMARY = pytest.StashKey[list[str]]()



@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium; fails (CI, `make test-long`) or skips (a quick local run) when it is missing."""
    return chromium_or_skip()


@pytest.fixture(scope="session")
def report_numbers(pytestconfig: pytest.Config) -> ReportNumbers:
    """Add a line to the "long-run measurements" section printed at the end of the run, pass or fail."""
    lines = pytestconfig.stash.setdefault(_SUMMARY, [])

    def report(line: str) -> None:
        print(line)  # also in the captured output of the test that measured it
        lines.append(line)

    return report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Show the measured numbers in every CI log, not only when a test fails."""
    lines = config.stash.get(_SUMMARY, [])
    if lines:
        terminalreporter.section("long-run measurements")
        for line in lines:
            terminalreporter.write_line(line)
