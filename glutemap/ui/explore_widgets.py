"""Explore-screen widgets whose state other screens and tests rely on (keys documented here)."""

from __future__ import annotations

import streamlit as st

# Session-state keys of the Explore screen. Tests set these directly (AppTest cannot click components).
SELECTED_REGIONS = "selected_regions"  # list of tap ids, e.g. ["knee_lateral_r", "lumbar_spine"]
SYMPTOM_TEXT = "symptom_text"
RED_FLAGS = "red_flags"  # list of red-flag ids ticked in the checklist
URGENT_ACK = "urgent_ack"
RESULTS_SECTION = "explore_section"  # the results section shown (its label); set it to show another one


def clear_choices() -> None:
    """Forget every Explore choice of this visitor (a widget callback, so widgets may be reset)."""
    st.session_state[SELECTED_REGIONS] = []
    st.session_state[RED_FLAGS] = []
    st.session_state[SYMPTOM_TEXT] = ""
    st.session_state[URGENT_ACK] = False
