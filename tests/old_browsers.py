"""Old Chromium builds for tests, as government office PCs run them (360安全浏览器 86 kernel, Chrome 108/109).

They come from the npm registry (AWS Lambda packages that ship a headless Chromium, brotli-compressed with its
libraries): ``chrome-aws-lambda@5.3.1`` is Chromium 86, ``@sparticuz/chromium@108.0.0`` Chromium 108. The first
use downloads and unpacks them into a cache outside the repository (``SHANHE_BROWSER_CACHE``, default
``~/.cache/shanhe/browsers``); Playwright drives them over the DevTools protocol.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tarfile
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PACKAGES = {86: "chrome-aws-lambda@5.3.1", 108: "@sparticuz/chromium@108.0.0"}


def cache_dir() -> Path:
    return Path(os.environ.get("SHANHE_BROWSER_CACHE", Path.home() / ".cache" / "shanhe" / "browsers"))


def chromium(major: int) -> Path:
    """The unpacked build's folder (``chromium`` and its libraries), downloading it on first use."""
    home = cache_dir() / str(major)
    if (home / "chromium").exists():
        return home
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", PACKAGES[major], "--silent"], cwd=tmp, check=True, capture_output=True, timeout=600
        )
        (tarball,) = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as tar:
            tar.extractall(tmp, filter="data")
        binaries = Path(tmp) / "package" / "bin"
        building = home.with_name(home.name + ".tmp")
        shutil.rmtree(building, ignore_errors=True)
        (building / "libs").mkdir(parents=True)
        subprocess.run(["brotli", "-d", "-f", binaries / "chromium.br", "-o", building / "chromium"], check=True)
        (building / "chromium").chmod(0o755)
        for archive in ("aws.tar.br", "swiftshader.tar.br"):
            unpacked = subprocess.run(["brotli", "-d", "-c", binaries / archive], check=True, capture_output=True)
            subprocess.run(["tar", "x", "-C", building / "libs"], input=unpacked.stdout, check=True)
        building.rename(home)
    return home


@contextmanager
def running(major: int) -> Iterator[str]:
    """An old headless Chromium with remote debugging; yields its CDP endpoint."""
    home = chromium(major)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    profile = tempfile.mkdtemp(prefix=f"chromium{major}-")
    env = {**os.environ, "LD_LIBRARY_PATH": f"{home}/libs/lib:{home}/libs", "FONTCONFIG_PATH": "/etc/fonts"}
    proc = subprocess.Popen(
        [
            home / "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--remote-debugging-port={port}",
            f"--user-data-dir={profile}",
            "about:blank",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                version = json.load(urllib.request.urlopen(f"{endpoint}/json/version", timeout=2))["Browser"]
                assert version.startswith(f"HeadlessChrome/{major}."), version
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield endpoint
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)
