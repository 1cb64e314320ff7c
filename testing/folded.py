"""Open folded sections in an AppTest run, as a tap on each would.

A folded section (`glutemap.ui.components.folded`) builds its contents only while open, so a test that
reads them opens the section first: Streamlit keeps each section's open state under its key.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def open_folded(app: AppTest, *prefixes: str) -> AppTest:
    """Open every folded section whose key starts with one of `prefixes`, then run the app again."""
    keys = [section.key for section in app.expander if section.key and section.key.startswith(prefixes)]
    assert keys, f"no folded section with a key starting with {prefixes} on this screen"
    for key in keys:
        app.session_state[key] = True
    return app.run()
