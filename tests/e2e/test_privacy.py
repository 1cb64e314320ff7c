"""A visit never leaves the machine: the server listens on loopback only and the page calls nowhere else."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest
from playwright.sync_api import Browser

from glutemap.ui.app_shell import screens
from testing.harness import HOST, StreamlitServer, new_context, open_app

pytestmark = pytest.mark.browser

# Streamlit's frontend first fetches https://data.streamlit.io/metrics.json when usage statistics are on.
USAGE_STATISTICS_DOMAIN = "streamlit.io"
# An extra loopback address: Linux routes all of 127.0.0.0/8 locally, so only a server bound to every
# address (0.0.0.0) would answer on it.
OTHER_LOOPBACK = "127.0.0.2"
SETTLE_MS = 1_000


@pytest.fixture(scope="module")
def visit_urls(browser: Browser, app_server: StreamlitServer) -> Iterator[list[str]]:
    """Every URL (requests and websockets) a visitor's browser asked for while opening every screen."""
    urls: list[str] = []
    context = new_context(browser, app_server)
    context.on("request", lambda request: urls.append(request.url))
    page = context.new_page()
    page.on("websocket", lambda websocket: urls.append(websocket.url))
    first_file = screens()[0][0]
    for file, _title, url_path, _icon in screens():
        open_app(page, "" if file == first_file else url_path)
    open_app(page, "anatomy?muscle=gluteus_minimus")
    # Usage statistics and favicons are sent after the first render; give them time to show up.
    page.wait_for_timeout(SETTLE_MS)
    yield urls
    context.close()


def http_urls(urls: list[str]) -> list[str]:
    """The URLs that go over the network (data: and blob: URLs never do)."""
    return [url for url in urls if urlsplit(url).scheme in {"http", "https", "ws", "wss"}]


def test_visit_requests_only_the_app_on_127_0_0_1(visit_urls: list[str]) -> None:
    """Opening every screen makes no request to any host but the app's own 127.0.0.1 (no fonts, CDNs)."""
    network = http_urls(visit_urls)
    assert network, "the visit recorded no requests at all, so nothing was checked"
    outbound = sorted({url for url in network if urlsplit(url).hostname != HOST})
    assert outbound == []


def test_visit_sends_no_usage_statistics(visit_urls: list[str]) -> None:
    """Streamlit's usage statistics stay off: no request reaches its metrics hosts."""
    hosts = {urlsplit(url).hostname or "" for url in http_urls(visit_urls)}
    assert [host for host in hosts if host.endswith(USAGE_STATISTICS_DOMAIN)] == []


def test_server_answers_on_127_0_0_1(app_server: StreamlitServer) -> None:
    """The app is served at http://127.0.0.1:<port>."""
    with urlopen(f"http://{HOST}:{app_server.port}/_stcore/health", timeout=5) as response:
        assert response.status == 200


def test_server_listens_on_no_other_address(app_server: StreamlitServer) -> None:
    """The server binds 127.0.0.1 only, so nothing on the network (or another address) can reach it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(2)
        assert probe.connect_ex((OTHER_LOOPBACK, app_server.port)) != 0
