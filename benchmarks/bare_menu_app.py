"""A second yardstick for the light strip in benchmarks/pages.py: a bare multipage app with a menu like Shanhe's
(two sections, eight pages, two toggles in the sidebar) whose first page is text only, as the bare text page."""

import streamlit as st


def text_page() -> None:
    st.title("bare")
    st.markdown('<div class="shanhe-strip"><b>10</b> 绿灯 <b>4</b> 红灯</div>', unsafe_allow_html=True)


def other_page() -> None:
    st.write("bare")


views = [st.Page(text_page, title="总览", url_path="overview", default=True)]
views += [st.Page(other_page, title=f"页面 {n}", url_path=f"page{n}") for n in range(1, 7)]
menu = st.navigation({"查看": views, "填报": [st.Page(other_page, title="登录", url_path="login")]})
st.sidebar.toggle("English")
st.sidebar.toggle("演示模式")
menu.run()
