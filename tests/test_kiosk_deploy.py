"""The kiosk's deployment files: the Chromium policy `make kiosk` installs, and the systemd units."""

from __future__ import annotations

import configparser
import json
from pathlib import Path

import pytest

from testing.script_modules import script_module

ROOT = Path(__file__).resolve().parent.parent
KIOSK = ROOT / "deploy" / "kiosk"
policy_script = script_module("kiosk_policy")


def _policy(origin: str = "http://127.0.0.1:8501") -> dict[str, object]:
    result: dict[str, object] = policy_script.render_policy(policy_script.TEMPLATE.read_text(encoding="utf-8"), origin)
    return result


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(KIOSK / name, encoding="utf-8")
    return parser


def test_the_policy_blocks_everything_but_the_apps_origin() -> None:
    """Every URL is blocked and exactly one origin, the app's, is allowed."""
    policy = _policy("http://127.0.0.1:9000")
    assert policy["URLBlocklist"] == ["*"]
    assert policy["URLAllowlist"] == ["http://127.0.0.1:9000"]


def test_the_policy_closes_every_way_out_of_the_app() -> None:
    """DevTools, downloads, printing and file dialogs are off; no guest, incognito or sign-in window."""
    policy = _policy()
    assert policy["DeveloperToolsAvailability"] == 2
    assert policy["DownloadRestrictions"] == 3
    assert policy["PrintingEnabled"] is False
    assert policy["AllowFileSelectionDialogs"] is False
    assert policy["IncognitoModeAvailability"] == 0
    assert policy["BrowserGuestModeEnabled"] is False
    assert policy["BrowserSignin"] == 0


@pytest.mark.parametrize(
    "origin", ["127.0.0.1:8501", "http://127.0.0.1", "javascript:alert(1)", "http://127.0.0.1:8501/explore", "*"]
)
def test_an_origin_that_is_not_scheme_host_and_port_is_refused(origin: str) -> None:
    """The allow list never gets a pattern wider or narrower than one origin."""
    with pytest.raises(policy_script.PolicyError, match="origin must"):
        _policy(origin)


def test_installing_writes_the_file_once(tmp_path: Path) -> None:
    """The policy lands readable by all; an unchanged policy is not rewritten."""
    target = tmp_path / "policies" / "managed" / "glutemap-kiosk.json"
    assert policy_script.main(["--origin", "http://127.0.0.1:8501", "--output", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["URLAllowlist"] == ["http://127.0.0.1:8501"]
    assert target.stat().st_mode & 0o777 == 0o644
    assert policy_script.install(target.read_text(encoding="utf-8"), target) is False


def test_remove_takes_the_policy_away(tmp_path: Path) -> None:
    """`--remove` deletes the installed policy, so the machine's Chromium is unlocked again."""
    target = tmp_path / "glutemap-kiosk.json"
    policy_script.main(["--output", str(target)])
    assert policy_script.main(["--remove", "--output", str(target)]) == 0
    assert not target.exists()


def test_a_bad_origin_exits_2_with_a_message(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A mistyped origin is a one-line message and exit status 2, and nothing is written."""
    target = tmp_path / "glutemap-kiosk.json"
    assert policy_script.main(["--origin", "127.0.0.1", "--output", str(target)]) == 2
    assert "origin must look like http://127.0.0.1:8501" in capsys.readouterr().err
    assert not target.exists()


def test_make_kiosk_installs_the_policy_and_turns_off_swipe_back() -> None:
    """The kiosk target installs the policy for its own origin and starts Chromium without overscroll-back."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/kiosk_policy.py --origin $(KIOSK_ORIGIN)" in makefile
    assert "--overscroll-history-navigation=0" in makefile
    assert "chromium $(KIOSK_CHROMIUM_FLAGS)" in makefile


def test_the_kiosk_unit_starts_make_kiosk_as_the_kiosk_user_and_restarts_it() -> None:
    """The service runs `make kiosk` from the checkout as user kiosk, on a display, and comes back if it stops."""
    service = _unit("glutemap-kiosk.service")["Service"]
    assert service["ExecStart"] == "/usr/bin/make kiosk"
    assert service["User"] == "kiosk"
    assert service["WorkingDirectory"] == "/opt/glutemap"
    assert service["Restart"] == "always"
    assert "DISPLAY=:0" in service["Environment"] or "DISPLAY=:0" in (KIOSK / "glutemap-kiosk.service").read_text()


def test_the_nightly_timer_restarts_the_kiosk_service() -> None:
    """The timer fires every night and its service restarts the kiosk unit."""
    assert _unit("glutemap-kiosk-restart.timer")["Timer"]["OnCalendar"] == "*-*-* 03:00:00"
    assert _unit("glutemap-kiosk-restart.service")["Service"]["ExecStart"] == (
        "/usr/bin/systemctl restart glutemap-kiosk.service"
    )


def test_the_readme_points_to_the_kiosk_files_instead_of_copying_them() -> None:
    """The units live in deploy/kiosk/ only; the README names them and carries no unit text."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "deploy/kiosk/" in readme
    assert "ExecStart=" not in readme
