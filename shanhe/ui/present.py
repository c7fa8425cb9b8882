"""Presenter mode in the browser: slides sized to the screen, and keys a presentation clicker sends.

The server does not know the screen, so a slide's chart takes its height from the viewport in CSS
(``100vh`` less what the rest of the slide needs, in rem of the presenter type), and the type itself grows with
the screen: 22 px up to 1366×768 (and on a 1280×720 projector), 28 px at 1920×1080, so a slide filled at the
smallest screen is filled alike on a large one.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from shanhe import charts

CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"] {display: none}
html {font-size: clamp(22px, min(2.6vh, 1.5vw), 40px)}
[data-testid="stMainBlockContainer"] {padding: 0.5rem 1.5rem 2.2rem !important; max-width: 100%}
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] {gap: 0.5rem}
[data-testid="stMainBlockContainer"] h1 {font-size: 1.45rem; padding: 0.1rem 0 0.4rem}
[data-testid="stAlert"] {font-size: 0.6rem}
[data-testid="stAlert"] > div {padding: 0.3rem 0.8rem}
.sh-matrix {font-size: 0.8rem !important}
.sh-reason {font-size: 0.9rem; line-height: 1.35; margin: 0}
.sh-footer {position: fixed; bottom: 0; left: 0; right: 0; padding: 4px 24px; background: #f4f4f4;
            font-size: 0.7rem; color: #333; z-index: 100}
</style>
"""

#: → / PageDown / Space next, ← / PageUp previous, Home first: clickers send PageDown and PageUp. The listener
#: presses the slide's own buttons (so the server moves the slide as for a click) and is installed once per tab;
#: it acts only while a presenter footer is on screen and never while typing into a field.
_KEYS = """
<script>
(() => {
  if (window.__shanheSlideKeys) return;
  window.__shanheSlideKeys = true;
  const keys = {ArrowRight: "next", PageDown: "next", " ": "next", ArrowLeft: "prev", PageUp: "prev", Home: "first"};
  document.addEventListener("keydown", (event) => {
    const which = keys[event.key];
    if (!which || event.altKey || event.ctrlKey || event.metaKey || !document.querySelector(".sh-footer")) return;
    const target = event.target;
    if (target instanceof Element && (target.isContentEditable || target.matches("input, textarea, select"))) return;
    event.preventDefault();
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    const button = document.querySelector(`.st-key-${which} button`);
    if (button && !button.disabled) button.click();
  }, true);
})();
</script>
"""


def keyboard_and_footer(footer: str) -> None:
    """The fixed footer line and the key listener (one element, so the slide has no extra gap)."""
    st.html(f'<div class="sh-footer">{footer}</div>{_KEYS}', unsafe_allow_javascript=True)


def fitted_chart(figure: go.Figure, key: str, reserve_rem: float) -> None:
    """A chart as tall as the viewport less ``reserve_rem`` (title, text, buttons, footer), drawn with the
    figure's own sizes (``theme=None``: Streamlit's theme would shrink the 22 px type)."""
    figure.update_layout(height=None, autosize=True)
    figure.update_yaxes(automargin=True)  # long names on a Gantt chart's axis push the plot, not off the edge
    figure.update_xaxes(title=None)  # years need no "年份" under them, and on a short chart it ran into the legend
    css = (
        f"div:has(> .st-key-{key}), .st-key-{key} "
        f"{{height: calc(100vh - {reserve_rem}rem) !important; flex: 0 0 calc(100vh - {reserve_rem}rem) !important;"
        " max-height: none !important; overflow: hidden !important}"
    )
    st.html(f"<style>{css}</style>")
    with st.container(key=key, height=400, border=False):
        st.plotly_chart(figure, config=charts.PNG_CONFIG, height="stretch", theme=None, key=f"{key}-chart")
