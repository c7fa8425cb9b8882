"""What users are told when something is refused: an i18n key and its parameters, rendered where shown.

``UserError`` is the one base: a refused action or value anywhere (targets, milestones, reports, images);
``StoreError`` the store's own kinds (locked, busy, disk full, missing, too new); ``InputRejected`` carries every
``Problem`` found in an uploaded file, each with its row, column and value.
"""

from __future__ import annotations

import errno
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from shanhe.formatting import local_time, number
from shanhe.i18n import Lang, t
from shanhe.models import Revision


class UserError(Exception):
    """A refusal with a user-facing i18n key and its parameters; nothing was written."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)


class StoreError(UserError):
    """A problem of the database itself: missing, locked, busy, too new, disk full, not a backup."""


class ValuesMoved(StoreError):
    """Values changed by someone else after they were previewed: nothing was written."""

    def __init__(self, moved: Sequence[Revision], default_region: str) -> None:
        super().__init__("store.values_moved")
        self.moved = list(moved)
        self.default_region = default_region

    def message(self, lang: Lang) -> str:
        items = [
            t(
                "store.moved_item",
                lang,
                user=r.entered_by,
                time=local_time(r.entered_at),
                what=" ".join(
                    [r.indicator_code, *([r.region] if r.region != self.default_region else []), str(r.year)]
                ),
                value="—" if r.value is None else number(r.value),
            )
            for r in self.moved
        ]
        return t(self.key, lang, changes=("；" if lang == "zh" else "; ").join(items))


#: Errors of the disk, not of the data: reported as "disk full", not as whatever the database said next.
DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
DISK_FULL_TEXTS = ("No space left on device", "Disk quota exceeded", "File too large")


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
        return True
    return any(text in str(exc) for text in DISK_FULL_TEXTS)


class Problem(BaseModel):
    """A problem found in user input: what, where (row, column, value)."""

    model_config = ConfigDict(frozen=True)
    key: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, object] = {}

    def message(self, lang: Lang) -> str:
        return t(self.key, lang, row=self.row, column=self.column, value=self.value, **self.params)


class InputRejected(Exception):
    """Raised with every problem found; nothing has been written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
