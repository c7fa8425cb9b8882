"""A session's first overview arrives in steps, each sent after the browser has painted the one before.

Streamlit's browser draws what arrives together in one frame, so the light strip used to wait until React had
also built the charts, filters and light tables that came with it (~0.25 s on a 2-core machine;
benchmarks/pages.py). Here the page's first run ends after the strip with a small script that tells the
server once the browser has painted it; that rerun draws the headline charts and stops again until the first
chart is drawn (or ``CHART_WAIT_MS`` has passed, so nothing below waits long for the chart library); the
third run draws the whole page. Later runs in the session (a new year, a filter) draw the whole page at once.
"""

from __future__ import annotations

import streamlit as st

#: The steps of the overview's first screen: the strip and everything above it, then the headline charts.
STRIP, CHARTS = 1, 2
#: Session state: the last step the browser has reported painted.
KEY = "first_screen_painted"
#: The component that reports a painted step (tests/server.py answers it as a browser does).
NAME = "shanhe_first_screen"
#: The longest the light tables wait for the first chart after the charts' step has been painted.
CHART_WAIT_MS = 3000

# Runs in the page (no iframe). Sets a trigger (a rerun) once the next frame has been painted (a timeout queued
# inside requestAnimationFrame runs after that frame), or with data.chart once a plotly chart is drawn. A tab
# opened in the background paints no frames: a timer reports after a second there instead.
_JS = """
export default function ({ data, setTriggerValue }) {
  let sent = false;
  const done = () => {
    if (!sent) setTriggerValue("painted", (sent = true));
  };
  if (!data.chart) {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 1000);
    return;
  }
  const start = performance.now();
  const check = () =>
    document.querySelector(".js-plotly-plot") || performance.now() - start > data.wait_ms
      ? done()
      : setTimeout(check, 30);
  check();
}
"""
_signal = st.components.v2.component(NAME, js=_JS)


def hold(step: int, *, until_chart: bool = False) -> None:
    """End the run here until the browser reports ``step`` painted (with ``until_chart``: a chart drawn)."""
    if st.session_state.get(KEY, 0) >= step:
        return

    def painted() -> None:
        st.session_state[KEY] = max(step, st.session_state.get(KEY, 0))

    _signal(
        key=f"shanhe-first-screen-{step}",
        data={"chart": until_chart, "wait_ms": CHART_WAIT_MS},
        on_painted_change=painted,
    )
    st.stop()
