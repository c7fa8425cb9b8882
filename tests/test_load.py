"""The short version of benchmarks/load.py: a few viewers, an upload half-way, zero errors, new value seen."""

from __future__ import annotations

import asyncio
import shutil
import sys

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian chromium not installed"),
]


def test_viewers_keep_loading_while_an_import_lands() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import load

    result = asyncio.run(load.run(viewers=2, seconds=15, settle=1, think=1))
    assert result["errors"] == []
    assert all(len(v) >= 2 for v in load.page_times(result["loads"]).values())
    assert result["saw_new"] and all(result["saw_new"])  # every viewer saw the imported value on its next load
