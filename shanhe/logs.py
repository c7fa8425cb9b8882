"""One log line per import, revert, login and report, to stdout (journald under systemd).

Lines carry who and which batch, never passwords or file contents:
``2026-11-28 13:40:01 shanhe import user=张工 batch=7 file=2024.xlsx added=3 changed=0``.
"""

from __future__ import annotations

import logging
import sys

log = logging.getLogger("shanhe")
HANDLER_NAME = "shanhe-stdout"  # marks the handler configure() added, so a second call adds none


def configure() -> None:
    """Send Shanhe's events to stdout once per process (the server and the CLI call this)."""
    if any(h.name == HANDLER_NAME for h in log.handlers):
        return
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(asctime)s shanhe %(message)s", "%Y-%m-%d %H:%M:%S"))
    handler.name = HANDLER_NAME
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def event(name: str, **fields: object) -> None:
    """``name key=value …``; values have spaces replaced so that a line stays one line of fields."""
    text = " ".join(f"{k}={field(v)}" for k, v in fields.items())
    log.info("%s %s", name, text)


def field(value: object) -> str:
    """A log field that cannot forge or colour a line: spaces become ``_``, backslashes and every
    non-printable character (newlines, ESC sequences, bidi controls) are written as ``\\xNN`` / ``\\uNNNN``."""
    out = []
    for ch in str(value):
        if ch == " ":
            out.append("_")
        elif ch == "\\" or not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)
