"""Start a Shanhe server for tests and benchmarks (``python -m shanhe.ui.serve`` on a free 127.0.0.1 port) and load
its pages over Streamlit's WebSocket, as a browser's session does."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.components.v2.bidi_component.constants import EVENT_DELIM
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.state.session_state import STREAMLIT_INTERNAL_KEY_PREFIX

from shanhe.settings import ROOT
from shanhe.ui import first_screen


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spawn(
    db: Path, command: tuple[str, ...] = ("-m", "shanhe.ui.serve"), timeout: float = 60, base_path: str = ""
) -> tuple[subprocess.Popen[bytes], str]:
    """Start a server on a free 127.0.0.1 port for tests and benchmarks; returns it once /_stcore/health is ok."""
    port = free_port()
    extra = ["--server.baseUrlPath", base_path] if base_path else []
    proc = subprocess.Popen(
        [
            sys.executable,
            *command,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            *extra,
        ],
        cwd=ROOT,
        env={**os.environ, "SHANHE_DB": str(db)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}" + (f"/{base_path}" if base_path else "")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError(f"the server did not become healthy within {timeout:.0f} s")


async def load_page(base: str, page_name: str, query: str) -> tuple[float, str]:
    """One page load over the WebSocket, as a browser makes it: seconds until the page is whole, and its markdown.

    On a session's first overview the browser reports each painted step of the first screen
    (shanhe/ui/first_screen.py), which reruns the page; so does this, until a run ends without a step."""
    start = time.perf_counter()
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=2**26, open_timeout=60) as ws:
        msg = BackMsg()
        msg.rerun_script.page_name = page_name
        msg.rerun_script.query_string = query
        await ws.send(msg.SerializeToString())
        texts: list[str] = []
        step, answered = None, 0
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
            element = forward.delta.new_element
            kind = element.WhichOneof("type") if forward.HasField("delta") else None
            if kind == "markdown":
                texts.append(element.markdown.body)
            elif kind == "exception":
                raise RuntimeError("the page raised an exception")
            elif kind == "bidi_component" and element.bidi_component.component_name == first_screen.NAME:
                step = element.bidi_component.id
            if forward.HasField("script_finished"):
                if step is None:
                    return time.perf_counter() - start, "\n".join(texts)
                if answered == first_screen.CHARTS:  # every step answered, and still a step: they do not advance
                    raise RuntimeError("the first-screen steps did not advance")
                await ws.send(_painted(msg, step).SerializeToString())
                texts, step, answered = [], None, answered + 1


def _painted(load: BackMsg, component_id: str) -> BackMsg:
    """The page load again with the trigger a painted step sends (a bidi component's events)."""
    msg = BackMsg()
    msg.CopyFrom(load)
    trigger = msg.rerun_script.widget_states.widgets.add()
    trigger.id = f"{STREAMLIT_INTERNAL_KEY_PREFIX}_{component_id}{EVENT_DELIM}events"  # Streamlit's trigger widget
    trigger.json_trigger_value = json.dumps([{"event": "painted", "value": True}])
    return msg


def page_text(base: str, page_name: str = "", query: str = "") -> str:
    """The markdown of one page load (``""``: the overview), as a browser's session would receive it."""
    return asyncio.run(load_page(base, page_name, query))[1]
