"""Explore-screen widgets whose state other screens and tests rely on (keys documented here)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from glutemap.ui.components import set_widget_value

# Session-state keys of the Explore screen. Tests set these directly (AppTest cannot click components).
SELECTED_REGIONS = "selected_regions"  # list of tap ids, e.g. ["knee_lateral_r", "lumbar_spine"]
SYMPTOM_TEXT = "symptom_text"
RED_FLAGS = "red_flags"  # list of red-flag ids ticked in the checklist (kept while the checklist is folded)
RED_FLAGS_LIST = "red_flags_list"  # the checklist's pills, drawn only while it is open
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
    ticked = ticked_red_flags()
    if flag_id not in ticked:
        st.session_state[RED_FLAGS] = [*ticked, flag_id]


def ticked_red_flags() -> list[str]:
    """The red-flag ids ticked so far (empty when none are, or the stored value is not a list of ids)."""
    stored = st.session_state.get(RED_FLAGS)
    return [flag for flag in stored if isinstance(flag, str)] if isinstance(stored, list | tuple) else []


def _keep_ticks() -> None:
    st.session_state[RED_FLAGS] = list(st.session_state.get(RED_FLAGS_LIST) or [])


def red_flag_checklist(label: str, titles: Mapping[str, str]) -> None:
    """The warning signs as pills (`titles`: id -> shown title), showing and changing the stored ticks.

    The ticks live under RED_FLAGS, not in the pills: the checklist is drawn only while its section is open,
    and a widget left out of a run loses its value, which would drop the urgent advice with it.
    """
    set_widget_value(RED_FLAGS_LIST, [flag for flag in ticked_red_flags() if flag in titles])
    st.pills(
        label,
        options=list(titles),
        format_func=titles.__getitem__,
        selection_mode="multi",
        key=RED_FLAGS_LIST,
        on_change=_keep_ticks,
        label_visibility="collapsed",
    )
