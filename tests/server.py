"""Start a Shanhe server for tests and benchmarks: ``python -m shanhe.ui.serve`` on a free 127.0.0.1 port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from shanhe.settings import ROOT


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
