"""Fixtures for the scale tests: Debian's chromium and HAProxy must be present (they are never skipped)."""

from __future__ import annotations

import pytest

from testing.cluster import serve_module
from testing.harness import CHROMIUM_MISSING, find_chromium

HAPROXY_MISSING = (
    "Debian's haproxy is needed for the scale tests but was not found. Install it with "
    "`sudo apt-get install -y haproxy`, or run `make test-scale`, which installs it."
)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium; the scale tests fail (never skip) without it."""
    path = find_chromium()
    if path is None:
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    return path


@pytest.fixture(scope="session")
def haproxy_path() -> str:
    """Debian's haproxy, found the same way scripts/serve.py finds it."""
    path = serve_module().find_haproxy()
    if path is None:
        pytest.fail(HAPROXY_MISSING, pytrace=False)
    return str(path)
