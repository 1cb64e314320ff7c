"""The baseline app: a hello-world Streamlit page with one widget and the text it reveals."""

import streamlit as st

st.title("Hello, world")
if st.checkbox("Say hello back", key="hello_checkbox"):
    with st.container(key="hello_result"):
        st.write("Hello to you too!")
