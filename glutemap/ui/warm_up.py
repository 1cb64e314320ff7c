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


def warm_up() -> None:
    """Import the first run's modules and load the knowledge into the app's cache; log a failure, never raise.

    A broken knowledge folder is logged here once, as the first run would log it; the app then serves as
    it would have without the warm-up.
    """
    # Imported here, not at the top: server.py imports this module before the server answers, and
    # top-level imports would make that wait for pydantic and the app instead of the background thread.
    try:
        for module in FIRST_RUN_MODULES:
            importlib.import_module(module)
        from glutemap.ui.knowledge import current_knowledge, knowledge_in
        from glutemap.ui.language import deployment_language

        knowledge = current_knowledge().knowledge
        if knowledge is not None:
            knowledge_in(knowledge, deployment_language())
    except Exception:
        log.exception("Warm-up at server start failed; the first visit loads everything itself")


@asynccontextmanager
async def warm_up_in_background(_app: object) -> AsyncIterator[None]:
    """The server's start-up hook: start `warm_up` and let the server answer at once, not after it."""
    threading.Thread(target=warm_up, name="glutemap-warm-up", daemon=True).start()
    yield
