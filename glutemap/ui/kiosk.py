"""Kiosk mode: welcome screen, the app's own large navigation, lock-down and the idle reset.

The idle reset reloads the root URL (a brand-new session): clearing session state alone would leave the
previous visitor's widget values on screen.
"""

from __future__ import annotations

import streamlit as st

from glutemap import strings
from glutemap.settings import Deployment
from glutemap.ui.assets import asset

WELCOMED = "kiosk_welcomed"
JUST_STARTED = "kiosk_just_started"
HOME_FILE = "pages/home.py"

# Static, trusted CSS (never content): touch targets of at least 48 px and a visible focus everywhere.
TOUCH_CSS = f"<style>\n{asset('touch.css')}</style>"
# Kiosk only: large type for a screen read standing up.
KIOSK_CSS = f"<style>\n{asset('kiosk.css')}</style>"


def touch_friendly() -> None:
    """Touch targets of at least 48 px and a clear focus ring, on every page in every mode."""
    st.html(TOUCH_CSS)

_IDLE_JS = asset("kiosk_idle.js")

_idle_timer = st.components.v2.component("glutemap_kiosk_idle", js=_IDLE_JS, isolate_styles=False)


def install(settings: Deployment) -> None:
    """Large type and touch targets, and the idle timer that reloads to the welcome screen."""
    st.html(KIOSK_CSS)
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    _idle_timer(
        key="kiosk_idle",
        # A list, not a dict: Streamlit scans a dict for dataframes and imports pandas (~90 MB) to do so.
        data=[
            {
                "idle_seconds": settings.idle_seconds,
                "warning_seconds": settings.warning_seconds,
                "root": f"/{base}/" if base else "/",
                "labels": {"warning": strings.KIOSK_IDLE_WARNING, "still_here": strings.KIOSK_STILL_HERE},
            }
        ],
        height=0,
    )


def welcome() -> bool:
    """The attract screen; True once the visitor has pressed Start in this session."""
    if st.session_state.get(WELCOMED):
        return True
    st.title(strings.KIOSK_WELCOME_TITLE)
    st.write(strings.KIOSK_WELCOME_BODY)
    st.info(strings.KIOSK_WELCOME_NOTICE, icon=":material/info:")
    st.button(
        strings.KIOSK_START,
        key="kiosk_start",
        type="primary",
        width="stretch",
        on_click=lambda: st.session_state.update({WELCOMED: True, JUST_STARTED: True}),
    )
    return False


def open_home_after_start(current_url_path: str) -> None:
    """Start always opens Home with nothing in the address.

    A new visitor can arrive on any URL: Back after an idle reset reloads the previous visitor's page (the
    browser keeps its history), and a fresh session there shows the welcome screen first. Without this,
    Start would then open that visitor's condition or exercise.
    """
    if not st.session_state.pop(JUST_STARTED, False):
        return
    if current_url_path not in ("", "home") or st.query_params:
        st.query_params.clear()
        st.switch_page(HOME_FILE)


NAVIGATION_PER_ROW = 4


def navigation(pages: tuple[tuple[str, str, str, str], ...]) -> None:
    """The app's own large navigation buttons (the Streamlit menu and sidebar are hidden in kiosk mode)."""
    with st.container(key="kiosk_navigation"):
        for start in range(0, len(pages), NAVIGATION_PER_ROW):
            row = pages[start : start + NAVIGATION_PER_ROW]
            columns = st.columns(NAVIGATION_PER_ROW)
            for column, (file, title, _url_path, icon) in zip(columns, row, strict=False):
                column.page_link(file, label=title, icon=icon, width="stretch")
