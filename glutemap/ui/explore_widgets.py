"""Explore-screen widgets whose state other screens and tests rely on (keys documented here)."""

from __future__ import annotations

import streamlit as st

from glutemap import strings
from glutemap.models import KnowledgeBase

# Session-state keys of the Explore screen. Tests set these directly (AppTest cannot click components).
SELECTED_REGIONS = "selected_regions"  # list of tap ids, e.g. ["knee_lateral_r", "lumbar_spine"]
SYMPTOM_TEXT = "symptom_text"
RED_FLAGS = "red_flags"  # list of red-flag ids ticked in the checklist
URGENT_ACK = "urgent_ack"


def region_choice_label(knowledge: KnowledgeBase, tap_id: str) -> str:
    """"Outer side of the knee (your right)" for "knee_lateral_r"."""
    base, _, side = tap_id.rpartition("_")
    if side in strings.SIDE_SUFFIX and base in knowledge.regions:
        return f"{knowledge.regions[base].label} ({strings.SIDE_SUFFIX[side]})"
    region = knowledge.regions.get(tap_id)
    return region.label if region else tap_id


def tap_ids(knowledge: KnowledgeBase) -> list[str]:
    """Every tap target: base id plus the person's side, or the bare id for midline regions."""
    ids: list[str] = []
    for region in knowledge.regions.values():
        ids.extend([f"{region.id}_l", f"{region.id}_r"] if region.sided else [region.id])
    return ids


def clear_choices() -> None:
    """Forget every Explore choice of this visitor."""
    for key in (SELECTED_REGIONS, SYMPTOM_TEXT, RED_FLAGS, URGENT_ACK):
        st.session_state.pop(key, None)
