"""The server: `streamlit run server.py` serves app.py and warms it up as it starts.

An `st.App` rather than `streamlit run app.py` only for the start-up hook (glutemap/ui/warm_up.py);
routes, security settings and .streamlit/config.toml are Streamlit's own, as for any app.
"""

import streamlit as st

from glutemap.ui.warm_up import warm_up_in_background

app = st.App("app.py", lifespan=warm_up_in_background)
