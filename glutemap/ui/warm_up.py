"""Warm the server up at start, so the first visitor does not wait for imports and the knowledge load.

Streamlit runs app.py only when a browser connects, and the first run imports pydantic and the app's
modules and loads the knowledge, about a quarter of a second on two cores, while the visitor waits. Until
then the server sits idle for most of a second as the browser loads Streamlit's scripts. `server.py`
serves app.py as an `st.App` whose start-up hook runs `warm_up` in a background thread in that window.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

log = logging.getLogger("glutemap")

# What app.py and Home import on every first run; page-specific modules load when a page is first opened.
FIRST_RUN_MODULES = (
    "glutemap.ui.app_shell",
    "glutemap.ui.components",
    "glutemap.ui.heap",
    "glutemap.ui.kiosk",
    "glutemap.ui.knowledge",
    "glutemap.ui.language",
    "glutemap.ui.reconnect",
)


# The search index is the larger half of the warm-up and no page needs it before a visitor searches. Built
# on the way to the first page it would take the processor (and Python's one lock) from serving the
# browser the app's scripts and that page, so it waits for the first page to be served (or, on a server
# nobody opens, this long), then a moment more while the browser draws it: nobody taps that fast.
SEARCH_WAITS_FOR_FIRST_PAGE_SECONDS = 10.0
SEARCH_WAITS_AFTER_FIRST_PAGE_SECONDS = 1.0
_first_page_served = threading.Event()


def first_page_served() -> None:
    """Note that a page has been served (app.py calls this at the end of every run): the search may warm up."""
    _first_page_served.set()


def warm_up(
    search_waits_seconds: float = SEARCH_WAITS_FOR_FIRST_PAGE_SECONDS,
    then_seconds: float = SEARCH_WAITS_AFTER_FIRST_PAGE_SECONDS,
) -> None:
    """Import the first run's modules and load the knowledge into the app's cache, then, once the first page
    is out (or after `search_waits_seconds`) and `then_seconds` more, build the search index; log a
    failure, never raise.

    A broken knowledge folder is logged here once, as the first run would log it; the app then serves as
    it would have without the warm-up.
    """
    # Imported here, not at the top: server.py imports this module before the server answers, and
    # top-level imports would make that wait for pydantic and the app instead of the background thread.
    try:
        for module in FIRST_RUN_MODULES:
            importlib.import_module(module)
        from glutemap.ui.knowledge import current_knowledge, knowledge_in, prepare_search
        from glutemap.ui.language import deployment_language

        knowledge = current_knowledge().knowledge
        if knowledge is None:
            return
        language = deployment_language()
        knowledge_in(knowledge, language)
        if _first_page_served.wait(search_waits_seconds):
            time.sleep(then_seconds)
        prepare_search(knowledge, language)
    except Exception:
        log.exception("Warm-up at server start failed; the first visit loads everything itself")


@asynccontextmanager
async def warm_up_in_background(_app: object) -> AsyncIterator[None]:
    """The server's start-up hook: start `warm_up` and let the server answer at once, not after it."""
    threading.Thread(target=warm_up, name="glutemap-warm-up", daemon=True).start()
    yield
