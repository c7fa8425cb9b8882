"""A problem found in user input: what, where (row, column, value), in both languages."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from shanhe.i18n import Lang, t


class Problem(BaseModel):
    model_config = ConfigDict(frozen=True)
    key: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict[str, object] = {}

    def message(self, lang: Lang = "zh") -> str:
        return t(self.key, lang, row=self.row, column=self.column, value=self.value, **self.params)


class InputRejected(Exception):
    """Raised with every problem found; nothing has been written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems
