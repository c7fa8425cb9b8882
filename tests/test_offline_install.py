"""The offline install path: a wheelhouse built with `make wheelhouse` installs with no index at all."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.deploy


@pytest.mark.skipif(os.environ.get("SHANHE_SKIP_OFFLINE") == "1", reason="SHANHE_SKIP_OFFLINE=1")
def test_install_from_the_wheelhouse_without_an_index(tmp_path: Path) -> None:
    wheelhouse, venv = tmp_path / "wheelhouse", tmp_path / "venv"
    env = {**os.environ, "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    build = subprocess.run(
        ["make", "-s", "wheelhouse", f"WHEELHOUSE={wheelhouse}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert build.returncode == 0, build.stderr[-2000:]
    # no index reachable: an unroutable index URL, and --no-index in the recipe
    offline = {**env, "PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_NO_INDEX": "1"}
    install = subprocess.run(
        ["make", "-s", "install-offline", f"WHEELHOUSE={wheelhouse}", f"VENV={venv}"],
        cwd=ROOT,
        env=offline,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert install.returncode == 0, install.stderr[-2000:]
    python = str(venv / "bin" / "python")
    imports = subprocess.run(
        [python, "-c", "import streamlit, duckdb, plotly, pandas, pydantic, openpyxl, yaml, argon2, kaleido, pptx"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert imports.returncode == 0, imports.stderr[-2000:]
    db = str(tmp_path / "x.duckdb")
    for args in (["init"], ["indicators", "--format", "csv"]):
        run = subprocess.run(
            [python, "-m", "shanhe", "--db", db, *args], cwd=ROOT, capture_output=True, text=True, timeout=300
        )
        assert run.returncode == 0, run.stderr[-2000:]
    assert len(run.stdout.strip().splitlines()) == 43
