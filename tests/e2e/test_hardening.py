"""Hostile input, a server restart and foreign websockets, against a real server and browser."""

from __future__ import annotations

import json
import shutil
import tomllib
import urllib.request
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, WebSocket
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from glutemap import strings
from glutemap.search.text import MAX_TEXT_CHARS
from testing.harness import REPO_ROOT, StreamlitServer, open_app, wait_for_app
from testing.script_modules import script_module

from .conftest import NewPage, StartServer

pytestmark = pytest.mark.browser

HOSTILE = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    "[click me](javascript:window.__pwned=3) **bold** <a href='javascript:alert(1)'>x</a> "
    "مرحبا \u202e rtl 🦵🔥 `code` # heading"
)

# Finds anything the hostile strings could have injected: event attributes, javascript: links, our scripts.
INJECTION_PROBE = """() => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (attr.startsWith('on')) bad.push(el.tagName + '[' + attr + ']');
      const value = el.getAttribute(attr) || '';
      if ((attr === 'href' || attr === 'src') && /^\\s*javascript:/i.test(value)) bad.push(el.tagName + '[' + attr + ']');
    }
  }
  for (const script of document.querySelectorAll('script')) {
    if ((script.textContent || '').includes('__pwned')) bad.push('script');
  }
  if (window.__pwned) bad.push('executed ' + window.__pwned);
  return bad;
}"""


def _hostile_knowledge(folder: Path) -> None:
    """Put the hostile string into many text fields of one condition, one exercise and the disclaimer."""
    condition_path = folder / "conditions" / "it_band_syndrome.yaml"
    condition = yaml.safe_load(condition_path.read_text(encoding="utf-8"))
    condition["name"] = f"ITB {HOSTILE}"
    condition["summary"] = HOSTILE
    condition["self_care"] = [HOSTILE]
    condition["symptoms"][0]["text"] = f"Outer knee {HOSTILE}"[:200]
    condition["muscle_links"][0]["how"] = HOSTILE
    condition_path.write_text(yaml.safe_dump(condition, allow_unicode=True), encoding="utf-8")
    exercise_path = folder / "exercises" / "clam_shell.yaml"
    exercise = yaml.safe_load(exercise_path.read_text(encoding="utf-8"))
    exercise["steps"] = [HOSTILE, *exercise["steps"][1:]]
    exercise["stop_if"] = [HOSTILE]
    exercise_path.write_text(yaml.safe_dump(exercise, allow_unicode=True), encoding="utf-8")
    disclaimer_path = folder / "disclaimer.yaml"
    disclaimer = yaml.safe_load(disclaimer_path.read_text(encoding="utf-8"))
    disclaimer["short"] = f"For learning only. {HOSTILE}"
    disclaimer_path.write_text(yaml.safe_dump(disclaimer, allow_unicode=True), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> StreamlitServer:
    """A server whose knowledge holds markup, script and link tricks in its text fields."""
    folder = tmp_path_factory.mktemp("hostile") / "knowledge"
    shutil.copytree(REPO_ROOT / "knowledge", folder)
    _hostile_knowledge(folder)
    server = StreamlitServer({"GLUTEMAP_KNOWLEDGE_DIR": str(folder)}).start()
    yield server
    server.stop()


@pytest.mark.parametrize("path", ["", "explore", "conditions?condition=it_band_syndrome", "exercises?exercise=clam_shell",
                                  "about", "plan"])
def test_hostile_knowledge_text_is_shown_as_text(new_page: NewPage, hostile_server: StreamlitServer, path: str) -> None:
    """Markup in knowledge text shows as plain text: no script runs, no event attribute or javascript: link appears."""
    page = new_page(hostile_server)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, path)
    assert page.evaluate(INJECTION_PROBE) == []
    assert dialogs == []


def test_hostile_visitor_text_is_shown_as_text(page: Page) -> None:
    """Markup, right-to-left text, emoji and an over-long paste typed by a visitor never become HTML."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_app(page, "explore")
    box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
    box.fill(f"outer knee pain {HOSTILE}")
    box.press("Enter")
    page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    wait_for_app(page)
    assert page.evaluate(INJECTION_PROBE) == []
    box.fill("fever " + "x" * 100_000)
    box.press("Enter")
    wait_for_app(page)
    assert len(box.input_value()) <= MAX_TEXT_CHARS
    assert page.locator("[data-testid=stException]").count() == 0
    box.fill("I have a fever")
    box.press("Enter")
    page.get_by_text(strings.URGENT_TITLE).first.wait_for()
    assert dialogs == []


def test_restarted_server_brings_the_open_page_back_to_the_start(start_server: StartServer, new_page: NewPage) -> None:
    """A kiosk page left open while its server restarts reconnects by itself to the welcome screen, with no developer message."""
    server = start_server(GLUTEMAP_KIOSK="1")
    page = open_app(new_page(server))
    page.get_by_role("button", name=strings.KIOSK_START).click()
    page.get_by_role("heading", name=strings.HOME_TITLE, level=1).wait_for()
    port = server.port
    server.stop()
    page.wait_for_timeout(1500)
    again = StreamlitServer({"GLUTEMAP_KIOSK": "1"}, port=port).start()
    try:
        page.get_by_role("heading", name=strings.KIOSK_WELCOME_TITLE, level=1).wait_for(timeout=30_000)
        content = page.content()
        assert "streamlit run" not in content
        assert "Is Streamlit still running" not in content
    finally:
        again.stop()


def _handshake(url: str, origin: str, host: str | None = None) -> str:
    # The sync client: Playwright's sync API already runs an event loop in this thread.
    headers = {"Host": host} if host else None
    try:
        with connect(url, origin=origin, subprotocols=["streamlit"], additional_headers=headers, open_timeout=10):
            return "open"
    except InvalidStatus as refused:
        return f"refused {refused.response.status_code}"


def test_websocket_from_the_apps_own_origin_opens(app_server: StreamlitServer) -> None:
    """The app's own page may open its websocket (the control for the two refusals below)."""
    url = app_server.url.replace("http", "ws") + "/_stcore/stream"
    assert (_handshake(url, origin=app_server.url)) == "open"


def test_websocket_from_a_foreign_origin_is_refused(app_server: StreamlitServer) -> None:
    """A page on another site cannot open a session on GluteMap."""
    url = app_server.url.replace("http", "ws") + "/_stcore/stream"
    assert (_handshake(url, origin="http://evil.example")).startswith("refused 4")


def test_websocket_for_a_foreign_host_is_refused(app_server: StreamlitServer) -> None:
    """A request naming another host (DNS rebinding) cannot open a session."""
    url = app_server.url.replace("http", "ws") + "/_stcore/stream"
    assert (_handshake(url, origin="http://evil.example", host="evil.example")).startswith("refused 4")


def test_the_balancers_host_config_has_the_keys_a_replica_sends(app_server: StreamlitServer) -> None:
    """The fixed /_stcore/host-config the balancer answers has exactly the keys this Streamlit sends (upgrade check)."""
    with urllib.request.urlopen(app_server.url + "/_stcore/host-config", timeout=5) as response:
        replica_answer = json.loads(response.read())
    assert set(script_module("serve").HOST_CONFIG) == set(replica_answer)


# Long (a quarter of a minute: it walks every screen); make test-long runs it, as does CI.
@pytest.mark.long
def test_websocket_messages_stay_far_below_the_message_cap(page: Page) -> None:
    """The largest message any screen sends is a small fraction of server.maxMessageSize (the cap has headroom)."""
    largest = {"received": 0, "sent": 0}

    def watch(socket: WebSocket) -> None:
        socket.on("framereceived", lambda payload: largest.update(received=max(largest["received"], len(payload))))
        socket.on("framesent", lambda payload: largest.update(sent=max(largest["sent"], len(payload))))

    page.on("websocket", watch)
    for path in ("", "explore", "conditions?condition=trochanteric_bursitis", "anatomy?muscle=gluteus_medius",
                 "exercises?exercise=clam_shell", "plan", "about"):
        open_app(page, path)
    box = page.get_by_label(strings.EXPLORE_TEXT_LABEL)
    open_app(page, "explore")
    box.fill("pain on the outside of my hip " * 60)
    box.press("Enter")
    page.get_by_text(strings.EXPLORE_WHY).first.wait_for()
    cap_bytes = int(_config_value("server", "maxMessageSize")) * 1_000_000
    assert 0 < largest["received"] < cap_bytes / 10
    assert 0 < largest["sent"] < cap_bytes / 10


def _config_value(section: str, name: str) -> str:
    config = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return str(config[section][name])
