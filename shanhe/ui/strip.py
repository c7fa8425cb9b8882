"""The overview's light strip drawn with Streamlit's own elements, so it shows in the first paint."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

from shanhe.i18n import Lang
from shanhe.overview import OverviewRow
from shanhe.strip import strip_parts
from shanhe.summary import Summary

#: The strip's container key: Streamlit gives it the class ``st-key-shanhe-strip`` (browser tests find it by it).
KEY = "shanhe-strip"
#: Pixels for an attribute's title, so the two rows of tiles line up (fits "Expected indicators: 26").
TITLE_WIDTH = 190


def draw_strip(summary: Summary, rows: Sequence[OverviewRow], lang: Lang, link: Callable[[str], str]) -> None:
    """A row of tiles per attribute under aligned titles, then the binding indicators behind, the verdict
    groups (each kept whole when the line wraps) and the binding indicators that missed their target."""
    parts = strip_parts(summary, rows, lang, link)
    with st.container(key=KEY, gap="xsmall"):
        for title, tiles in parts.groups:
            with st.container(horizontal=True, gap="small", vertical_alignment="center"):
                st.markdown(title, width=TITLE_WIDTH)
                st.markdown(tiles, width="content", anchors=False)
        st.markdown(parts.behind[0], unsafe_allow_html=parts.behind[1])
        if parts.verdicts:
            title, groups = parts.verdicts
            with st.container(horizontal=True, gap="xsmall", vertical_alignment="center"):
                for body in (title, *groups):
                    st.markdown(body, width="content")
        if parts.missed:
            st.markdown(parts.missed, unsafe_allow_html=True)
