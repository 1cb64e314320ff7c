"""The screens layer: what each page shows, as small frozen view models built from the knowledge.

Pure functions, no Streamlit: a page reads its widgets, calls its screen module and lays out the result.
"""
