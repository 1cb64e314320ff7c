"""A choice mirrored in the page's address (`?muscle=`, `?exercise=`, `?condition=`): one helper for every screen.

A link opens the record it names (once per distinct link, so the visitor's own choice wins afterwards), and the
address always names what is shown, so a reload, a bookmark or a shared link opens the same record.
"""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from glutemap.knowledge.references import linked_id
from glutemap.ui.components import set_widget_value


def _applied_key(widget_key: str) -> str:
    return f"{widget_key}_link_applied"


def requested(param: str) -> str | None:
    """What `?param=` asks for, as text (None without one); it may name nothing known."""
    value = st.query_params.get(param)
    return value.strip() if isinstance(value, str) and value.strip() else None


def follow_link(param: str, widget_key: str, known: Collection[str]) -> str | None:
    """Give the widget the record `?param=` names, once per distinct link; returns what the link asked for when it
    names no known record (for a calm "not found" note), else None."""
    asked = requested(param)
    found = linked_id(asked, known)
    if asked is not None and found is None:
        return asked
    if found is not None and st.session_state.get(_applied_key(widget_key)) != found:
        st.session_state[_applied_key(widget_key)] = found
        set_widget_value(widget_key, found)
    return None


def show_in_address(param: str, value: str | None, widget_key: str | None = None) -> None:
    """Make the address name `value` (written only when it differs); with `widget_key`, the link now in the
    address counts as applied to that widget."""
    if value is None:
        return
    if st.query_params.get(param) != value:
        st.query_params[param] = value
    if widget_key is not None:
        st.session_state[_applied_key(widget_key)] = value


def forget_in_address(param: str) -> None:
    """Take `?param=` out of the address (back to the screen's index)."""
    st.query_params.pop(param, None)
