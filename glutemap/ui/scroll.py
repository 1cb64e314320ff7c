"""Bring the answer into view: after a tap, Enter or a ticked warning sign, scroll to what changed.

On a phone the results start thousands of pixels below the map; without this a tap seemed to do nothing.
The page scrolls only when `token` (what the answer depends on) changes, never on other reruns.
"""

from __future__ import annotations

import streamlit as st

from glutemap.ui.assets import asset

_scroll = st.components.v2.component("glutemap_scroll_into_view", js=asset("scroll.js"), isolate_styles=False)


def bring_into_view(target_key: str, token: str, slot: str = "main") -> None:
    """Scroll the container with key `target_key` into view when `token` differs from the last one in `slot`."""
    # A list, not a dict: Streamlit scans a dict for dataframes and imports pandas (~90 MB) to do so.
    _scroll(key=f"scroll_{slot}", data=[{"target": target_key, "token": token, "slot": slot}], height=0)
