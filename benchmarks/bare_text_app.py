"""The yardstick for the light strip in benchmarks/pages.py: a bare Streamlit page with text and no chart."""

import streamlit as st

st.title("bare")
st.markdown('<div class="shanhe-strip"><b>10</b> 绿灯 <b>4</b> 红灯</div>', unsafe_allow_html=True)
