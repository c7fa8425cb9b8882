"""The yardstick for benchmarks/pages.py: a bare Streamlit page with one plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("bare")
st.plotly_chart(go.Figure(go.Scatter(x=[2020, 2021, 2022, 2023, 2024], y=[66.6, 67.9, 69.0, 70.5, 71.2])))
