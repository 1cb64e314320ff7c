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


def confirm_red_flag(flag_id: str) -> None:
    """Tick `flag_id` in the checklist, as if the visitor had ticked it (the answer to a question we asked)."""
    ticked = list(st.session_state.get(RED_FLAGS) or [])
    if flag_id not in ticked:
        st.session_state[RED_FLAGS] = [*ticked, flag_id]
