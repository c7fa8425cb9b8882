"""The dashboard under AppTest, for tests and benchmarks."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from shanhe.settings import ROOT
from shanhe.ui import first_screen


def dashboard(timeout: float = 60) -> AppTest:
    """app.py (not yet run) in a session whose first screen the browser has already painted: AppTest runs no
    JavaScript, so the overview's steps (shanhe/ui/first_screen.py) would never pass; tests of the steps
    themselves start from a plain ``AppTest.from_file``."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.session_state[first_screen.KEY] = first_screen.CHARTS
    return at
