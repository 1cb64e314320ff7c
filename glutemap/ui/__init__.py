"""The only Streamlit-aware modules: the cached knowledge and the shared screen components."""
