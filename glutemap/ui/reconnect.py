"""After the connection to the server drops and comes back, reload to the start screen.

A restarted server has forgotten every session, but Streamlit's page would keep showing the old screen
until the next click; a full reload gives the visitor a clean, working start instead.
"""

from __future__ import annotations

import streamlit as st

from glutemap.ui.assets import asset

_JS = asset("reconnect.js")

_watch = st.components.v2.component("glutemap_reconnect", js=_JS, isolate_styles=False)


def reload_after_reconnect() -> None:
    """Mount the watcher (invisible); safe to call on every run."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    # A list, not a dict: Streamlit scans a dict for dataframes and imports pandas (~90 MB) to do so.
    _watch(key="reconnect_watch", data=[{"root": f"/{base}/" if base else "/"}], height=0)
