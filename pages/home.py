"""Home: what GluteMap is and is not, the emergency line, and the way in."""

import streamlit as st

from glutemap import strings
from glutemap.ui.components import page_knowledge

knowledge = page_knowledge()

st.title(strings.HOME_TITLE)
for line in strings.HOME_LINES:
    st.markdown(f"- {line}")
st.warning(strings.HOME_EMERGENCY, icon=":material/emergency:")

explore, anatomy, exercises = st.columns(3)
explore.page_link("pages/explore.py", label=strings.HOME_GO_EXPLORE, icon=":material/touch_app:", width="stretch")
anatomy.page_link("pages/anatomy.py", label=strings.HOME_GO_ANATOMY, icon=":material/accessibility_new:", width="stretch")
exercises.page_link(
    "pages/exercises.py", label=strings.HOME_GO_EXERCISES, icon=":material/fitness_center:", width="stretch"
)
