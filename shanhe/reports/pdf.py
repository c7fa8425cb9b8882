"""The report as an A4 PDF: the HTML printed by headless Chromium (charts drawn, CJK fonts from the system)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from shanhe.errors import UserError
from shanhe.settings import CHROMIUM_ARGS

CHROMIUM_FLAGS = ("--headless", *CHROMIUM_ARGS, "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw")


def html_to_pdf(html: str, timeout: float = 120) -> bytes:
    chromium = shutil.which("chromium")
    if not chromium:
        raise UserError("images.no_chromium")
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "report.html", Path(tmp) / "report.pdf"
        source.write_text(html, encoding="utf-8")
        run = subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={tmp}/profile",
                "--virtual-time-budget=20000",
                f"--print-to-pdf={target}",
                source.as_uri(),
            ],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
        if run.returncode != 0 or not target.exists():
            reason = run.stderr.decode(errors="replace").strip().splitlines()[-1:] or [f"exit {run.returncode}"]
            raise UserError("report.pdf_failed", reason=reason[0])
        return target.read_bytes()
