"""The hello-world app served the way GluteMap is (`streamlit run` on an `st.App`), for the cold-start reference row."""

import streamlit as st

app = st.App("hello_app.py")
