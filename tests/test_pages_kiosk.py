"""Kiosk mode through AppTest: welcome screen first, then the app's own navigation."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from glutemap import strings

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture
def kiosk_app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """The app started with GLUTEMAP_KIOSK=1."""
    monkeypatch.setenv("GLUTEMAP_KIOSK", "1")
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    return app


def test_kiosk_opens_on_the_welcome_screen(kiosk_app: AppTest) -> None:
    """A new kiosk session sees only the welcome screen with one Start button and the notice."""
    assert not kiosk_app.exception
    assert kiosk_app.title[0].value == strings.KIOSK_WELCOME_TITLE
    assert [button.label for button in kiosk_app.button] == [strings.KIOSK_START]
    assert strings.KIOSK_WELCOME_NOTICE in [info.value for info in kiosk_app.info]


def test_start_leads_to_home(kiosk_app: AppTest) -> None:
    """After Start, the visitor is on Home (the large navigation row is checked in the browser tests)."""
    kiosk_app.button(key="kiosk_start").click().run()
    assert kiosk_app.title[0].value == strings.HOME_TITLE


def test_kiosk_deep_link_still_needs_the_welcome(monkeypatch: pytest.MonkeyPatch) -> None:
    """A kiosk visitor cannot skip the welcome screen through a deep link."""
    monkeypatch.setenv("GLUTEMAP_KIOSK", "1")
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params["condition"] = "it_band_syndrome"
    app.run()
    assert app.title[0].value == strings.KIOSK_WELCOME_TITLE


def test_normal_site_has_no_welcome_screen() -> None:
    """Without kiosk mode the site opens straight on Home."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    assert app.title[0].value == strings.HOME_TITLE
