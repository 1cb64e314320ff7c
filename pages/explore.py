"""Explore screen (being built)."""

import streamlit as st

from glutemap.ui.components import page_knowledge

knowledge = page_knowledge()
st.title("Explore")
