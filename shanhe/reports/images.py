"""Chart images (PNG, SVG) rendered on the server by plotly + kaleido driving the system Chromium.

Chinese glyphs come from fonts-noto-cjk, which the charts' font list names first.
One Chromium is kept running per process (kaleido's sync server) so that each
image costs ~0.15 s instead of starting a browser every time.
"""

from __future__ import annotations

import os
import shutil
import threading
import warnings
from collections.abc import Sequence

import plotly.graph_objects as go

from shanhe.errors import UserError

_lock = threading.Lock()
_started = False


def _ensure_server() -> None:
    global _started
    if _started:
        return
    import kaleido

    chromium = os.environ.get("BROWSER_PATH") or shutil.which("chromium")
    if not chromium:
        raise UserError("images.no_chromium")
    os.environ["BROWSER_PATH"] = chromium
    kaleido.start_sync_server(silence_warnings=True)
    _started = True


def render(
    figures: Sequence[go.Figure], fmt: str = "png", width: int = 1200, height: int = 600, scale: float = 2
) -> list[bytes]:
    """Each figure as image bytes, in order."""
    with _lock:
        _ensure_server()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "kopts ignored when using a server"
            return [fig.to_image(format=fmt, width=width, height=height, scale=scale) for fig in figures]
