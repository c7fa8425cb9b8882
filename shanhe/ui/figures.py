"""Drawing a plotly figure on a page: always with ``theme=None``.

Streamlit's chart theme otherwise overrides the figure's own fonts and colours (12 px grey axis labels even
where the figure asks for 22 px on a projector), so every page and presenter mode draw through here.
"""

from __future__ import annotations

from typing import Literal

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from shanhe.charts import PNG_CONFIG


def draw(
    figure: go.Figure, key: str, where: DeltaGenerator | None = None, *, height: int | Literal["content"] = "content"
) -> None:
    """``where``: a container or column (else the page); the PNG download button keeps its 2× scale. ``height`` in px
    (presenter mode sizes charts to the screen); otherwise the figure's own."""
    (where or st).plotly_chart(figure, theme=None, config=PNG_CONFIG, key=key, width="stretch", height=height)
