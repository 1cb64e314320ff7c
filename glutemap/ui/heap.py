"""Keep Streamlit's after-every-run garbage collection cheap by exempting long-lived objects from it.

Streamlit runs a full garbage collection after every script run (`runner.postScriptGC`), and a full
collection walks every object the process holds. Most of those live as long as the process: the modules
(Streamlit, plotly, pandas, pydantic) and the loaded knowledge. Walking them cost about 70 ms of server CPU
on every tap, two thirds of the server's work per tap. `gc.freeze()` moves the objects alive now into a
generation the collector never walks; garbage made later is still collected after every run, and frozen
objects that are no longer used are still freed by reference counting (only reference cycles among them
wait until they are handed back).
"""

from __future__ import annotations

import gc
import threading

_lock = threading.Lock()
_changed = False


def long_lived_objects_changed() -> None:
    """Note that long-lived objects were added or replaced (a knowledge base was loaded).

    Everything exempted so far goes back to the collector, so the full collection after this run also
    frees any reference cycles a replaced knowledge base left behind.
    """
    global _changed
    with _lock:
        gc.unfreeze()
        _changed = True


def exempt_long_lived_objects() -> None:
    """At the start of a run: if long-lived objects changed, exempt everything alive now from collection.

    Called first thing in a run, just after Streamlit's full collection at the end of the previous run, so
    there is almost no garbage to exempt by mistake and the call itself costs almost nothing.
    """
    global _changed
    with _lock:
        if _changed:
            _changed = False
            gc.freeze()
