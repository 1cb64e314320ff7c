"""Explore-screen widgets whose state other screens and tests rely on (keys documented here)."""

from __future__ import annotations

import streamlit as st

# Session-state keys of the Explore screen. Tests set these directly (AppTest cannot click components).
SELECTED_REGIONS = "selected_regions"  # list of tap ids, e.g. ["knee_lateral_r", "lumbar_spine"]
SYMPTOM_TEXT = "symptom_text"
RED_FLAGS = "red_flags"  # list of red-flag ids ticked in the checklist
URGENT_ACK = "urgent_ack"
RESULTS_SECTION = "explore_section"  # the results section shown (its label); set it to show another one
EXAMPLE = "explore_example"  # the suggested description just tapped (emptied again once it is in the text box)
INPUT_MODE = "explore_input_mode"  # on a phone, "words" or "map": which way of saying where it hurts is shown
INPUT_MODES = ("words", "map")


def clear_choices() -> None:
    """Forget every Explore choice of this visitor (a widget callback, so widgets may be reset)."""
    st.session_state[SELECTED_REGIONS] = []
    st.session_state[RED_FLAGS] = []
    st.session_state[SYMPTOM_TEXT] = ""
    st.session_state[URGENT_ACK] = False


def use_example(examples: dict[str, str]) -> None:
    """Put the tapped suggestion in the text box, as if the visitor had typed it, and let go of the chip."""
    tapped = st.session_state.get(EXAMPLE)
    if tapped in examples:
        st.session_state[SYMPTOM_TEXT] = examples[tapped]
    st.session_state[EXAMPLE] = None


def confirm_red_flag(flag_id: str) -> None:
    """Tick `flag_id` in the checklist, as if the visitor had ticked it (the answer to a question we asked)."""
    ticked = list(st.session_state.get(RED_FLAGS) or [])
    if flag_id not in ticked:
        st.session_state[RED_FLAGS] = [*ticked, flag_id]
