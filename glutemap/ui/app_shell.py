"""The router's pieces: the page list, deep-link redirects, and the friendly error boundary."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

import streamlit as st

from glutemap import strings

log = logging.getLogger("glutemap")

# (file, the name of its title in strings, url path, icon); the first is the default page.
_SCREENS: tuple[tuple[str, str, str, str], ...] = (
    ("pages/home.py", "NAV_HOME", "home", ":material/home:"),
    ("pages/explore.py", "NAV_EXPLORE", "explore", ":material/touch_app:"),
    ("pages/conditions.py", "NAV_CONDITIONS", "conditions", ":material/list_alt:"),
    ("pages/anatomy.py", "NAV_ANATOMY", "anatomy", ":material/accessibility_new:"),
    ("pages/exercises.py", "NAV_EXERCISES", "exercises", ":material/fitness_center:"),
    ("pages/plan.py", "NAV_PLAN", "plan", ":material/assignment:"),
    ("pages/about.py", "NAV_ABOUT", "about", ":material/menu_book:"),
)


def screens() -> tuple[tuple[str, str, str, str], ...]:
    """(file, title, url path, icon) of every screen, titles in the visitor's language; the first is the default."""
    return tuple((file, getattr(strings, title), url_path, icon) for file, title, url_path, icon in _SCREENS)


# A deep link on any page (e.g. /?condition=x) opens the page that shows that kind of record.
DEEP_LINKS: Mapping[str, tuple[str, str]] = {
    "condition": ("conditions", "pages/conditions.py"),
    "muscle": ("anatomy", "pages/anatomy.py"),
    "exercise": ("exercises", "pages/exercises.py"),
}


def build_pages() -> list[st.Page]:
    """One st.Page per screen file.

    Pages get no icon: Streamlit turns a page's Material icon into the favicon, which the browser then
    fetches from Google's font servers, and the app must make no outbound request.
    """
    return [
        st.Page(file, title=title, url_path=url_path, default=index == 0)
        for index, (file, title, url_path, _icon) in enumerate(screens())
    ]


def deep_link_target(query: Mapping[str, str], current_url_path: str) -> str | None:
    """The page file a deep link belongs to when it arrived on another page, else None.

    With several record parameters (?condition=x&muscle=y) the page stays put if it owns any of them, and
    otherwise goes to the first one's page: redirecting for each in turn would bounce between pages forever.
    """
    named = [(url_path, page_file) for parameter, (url_path, page_file) in DEEP_LINKS.items() if parameter in query]
    if not named or any(url_path == current_url_path for url_path, _ in named):
        return None
    return named[0][1]


def ensure_routed() -> None:
    """Make sure this page runs inside app.py's router, not on its own.

    Until some session has called st.navigation, Streamlit 1.67 treats a `pages/` folder next to the main
    script as a legacy multipage app: the first visit to a URL such as /about runs pages/about.py alone,
    skipping app.py (no navigation, no kiosk welcome, no idle reset). The flag below is Streamlit's private
    switch for that legacy mode; clearing it and rerunning sends this visit through app.py. A browser test
    (first visit of a fresh server on a page URL) fails if a Streamlit upgrade changes this.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def run_safely(run: Callable[[], None], start_page: st.Page | str) -> None:
    """Run a page; any error becomes a calm message with a way back, details go to the server log."""
    try:
        run()
    except Exception:
        log.exception("A page failed")
        st.error(strings.ERROR_TITLE, icon=":material/error:")
        st.write(strings.ERROR_BODY)
        st.page_link(start_page, label=strings.BACK_TO_START, icon=":material/home:")

