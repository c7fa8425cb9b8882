"""Today's date, from the system clock or ``SHANHE_TODAY``.

Which years can have data, which targets are past and which milestones are overdue all
depend on the date; one function gives it, so a test (or a rehearsal of next year's
final assessment) can set ``SHANHE_TODAY=YYYY-MM-DD`` and every part agrees.
"""

from __future__ import annotations

import datetime as dt
import os

ENV = "SHANHE_TODAY"


def today() -> dt.date:
    """``SHANHE_TODAY`` if set (YYYY-MM-DD), else the local date."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{ENV}={raw!r} is not a date (YYYY-MM-DD)") from None


def current_year() -> int:
    return today().year
