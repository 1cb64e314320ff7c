"""The kiosk's Chromium policy, read by Debian's real Chromium.

Chromium reads managed policies only from /etc/chromium/policies, for the whole machine. So that these
tests never lock the other tests' browser, each policy browser runs in a private mount namespace
(`unshare`) in which a temporary folder stands in for /etc/chromium.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Error, Page, Playwright

from glutemap import strings
from testing.harness import CHROMIUM_ARGS, REPO_ROOT, StreamlitServer, free_port, wait_for_app
from testing.script_modules import script_module

pytestmark = pytest.mark.browser

TEMPLATE = REPO_ROOT / "deploy" / "kiosk" / "chromium-policy.json"
# Lists each policy's leaf texts from chrome://policy (its tables live in shadow roots).
POLICY_PAGE_TEXT = """() => {
  const out = [];
  const walk = (node) => {
    if (node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.children || []) walk(child);
    if (node.nodeType === 1 && node.children.length === 0 && node.textContent.trim()) out.push(node.textContent.trim());
  };
  walk(document.body);
  return out.join(' | ');
}"""

LaunchWithPolicy = Callable[[dict[str, object]], Browser]


def _kiosk_policy(origin: str) -> dict[str, object]:
    policy: dict[str, object] = script_module("kiosk_policy").render_policy(TEMPLATE.read_text(encoding="utf-8"), origin)
    return policy


@pytest.fixture
def launch_with_policy(
    playwright_driver: Playwright, chromium_path: str, tmp_path: Path
) -> Iterator[LaunchWithPolicy]:
    """Start Debian's Chromium that sees `policy` as its machine policy, and nothing else does."""
    launched: list[Browser] = []

    def launch(policy: dict[str, object]) -> Browser:
        etc = tmp_path / f"etc-chromium-{len(launched)}"
        (etc / "policies" / "managed").mkdir(parents=True)
        (etc / "policies" / "managed" / "glutemap-kiosk.json").write_text(json.dumps(policy), encoding="utf-8")
        wrapper = tmp_path / f"chromium-{len(launched)}"
        inner = f"mount --bind {shlex.quote(str(etc))} /etc/chromium && exec {shlex.quote(chromium_path)} \"$@\""
        wrapper.write_text(f"#!/bin/sh\nexec unshare --mount sh -c {shlex.quote(inner)} chromium \"$@\"\n")
        wrapper.chmod(0o755)
        browser = playwright_driver.chromium.launch(executable_path=str(wrapper), args=CHROMIUM_ARGS, headless=True)
        launched.append(browser)
        return browser

    yield launch
    for browser in launched:
        browser.close()


def _opens(page: Page, url: str) -> bool:
    try:
        page.goto(url)
    except Error as refused:
        assert "ERR_BLOCKED_BY_ADMINISTRATOR" in str(refused), str(refused)
        return False
    return True


def _without_devtools_lock(policy: dict[str, object]) -> dict[str, object]:
    # The tests drive Chromium through the DevTools protocol, which the kiosk policy rightly closes.
    return {name: value for name, value in policy.items() if name != "DeveloperToolsAvailability"}


def test_the_kiosk_opens_only_the_apps_own_origin(launch_with_policy: LaunchWithPolicy, app_server: StreamlitServer) -> None:
    """With the policy, the app loads and every other site, port, host name and file is blocked."""
    browser = launch_with_policy(_without_devtools_lock(_kiosk_policy(app_server.url)))
    page = browser.new_page()
    page.set_default_timeout(30_000)
    assert _opens(page, app_server.url + "/")
    wait_for_app(page)
    assert page.get_by_role("heading", name=strings.HOME_TITLE, level=1).is_visible()
    same_server_by_another_name = app_server.url.replace("127.0.0.1", "localhost") + "/"
    for elsewhere in (f"http://127.0.0.1:{free_port()}/", same_server_by_another_name, "http://example.com/",
                      "file:///etc/hostname"):
        assert not _opens(browser.new_page(), elsewhere), elsewhere


def test_chromium_accepts_every_kiosk_policy(launch_with_policy: LaunchWithPolicy) -> None:
    """Debian's Chromium knows each policy in the kiosk file and applies it (none unknown or deprecated)."""
    policy = _without_devtools_lock(_kiosk_policy("http://127.0.0.1:8501"))
    readable = {**policy, "URLAllowlist": ["http://127.0.0.1:8501", "chrome://policy"]}
    page = launch_with_policy(readable).new_page()
    page.goto("chrome://policy")
    page.get_by_text("URLBlocklist").first.wait_for()
    text = page.evaluate(POLICY_PAGE_TEXT)
    status = {}
    for name in policy:
        found = re.search(re.escape(name) + r" \| .*? \| Platform \| Machine \| Mandatory \| (\w+)", text)
        status[name] = found.group(1) if found else None
    assert {name: value for name, value in status.items() if value != "OK"} == {}


def test_the_kiosk_policy_closes_devtools_to_programs_too(launch_with_policy: LaunchWithPolicy) -> None:
    """With DevTools disallowed, not even an automation program can open a page through them."""
    browser = launch_with_policy(_kiosk_policy("http://127.0.0.1:8501"))
    with pytest.raises(Error):
        browser.new_page()
