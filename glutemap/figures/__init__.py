"""The figures layer: pictures built from view models and knowledge (SVG text, plotly figures), each with
a text equivalent. No Streamlit: the ui layer shows them.
"""
