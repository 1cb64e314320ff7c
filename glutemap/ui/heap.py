"""Keep Streamlit's after-every-run garbage collection cheap by exempting long-lived objects from it.

Streamlit runs a full garbage collection after every script run (`runner.postScriptGC`), and a full
collection walks every object the process holds. Most of those live as long as the process: the modules
(Streamlit, plotly, pandas, pydantic) and the loaded knowledge. Walking them cost about 70 ms of server CPU
on every tap, two thirds of the server's work per tap. `gc.freeze()` moves the objects alive now into a
generation the collector never walks; garbage made later is still collected after every run, and frozen
objects that are no longer used are still freed by reference counting (only reference cycles among them
would wait for the next call).
"""

from __future__ import annotations

import gc


def exempt_long_lived_objects() -> None:
    """Collect what is garbage now, then exempt everything still alive from later full collections.

    Call it when the set of long-lived objects has changed (a knowledge base was loaded). Earlier exempted
    objects are first handed back to the collector, so cycles left by a replaced knowledge base are freed.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
