"""Messages as data: an i18n key plus typed parameters, rendered to a language where they are shown.

The engine and the summaries return ``Message`` objects instead of finished sentences, so one
result serves the Chinese page, the English page, the CLI and the reports, and numbers are
formatted for the language at the last moment ("3.8 个百分点" / "3.8 percentage points").
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from shanhe.formatting import amount, with_unit
from shanhe.i18n import Lang, t


class _Part(BaseModel):
    model_config = ConfigDict(frozen=True)


class Quantity(_Part):
    """A value with its unit, e.g. '≥75%' or '39 μg/m3'."""

    kind: Literal["quantity"] = "quantity"
    value: float
    unit: str
    digits: int = 2
    bound: str = ""


class Difference(_Part):
    """A change or gap, e.g. '3.8 个百分点' / '+1.1 percentage points'."""

    kind: Literal["difference"] = "difference"
    value: float
    unit: str
    signed: bool = False


class Bilingual(_Part):
    """Text from the plan with its reviewed English translation (None: the plan text is shown as printed)."""

    kind: Literal["bilingual"] = "bilingual"
    zh: str
    en: str | None = None


class Message(_Part):
    kind: Literal["message"] = "message"
    key: str
    params: dict[str, Param] = {}


class Clauses(_Part):
    """Several messages shown as one run of clauses: '；' between them in Chinese, '; ' in English."""

    kind: Literal["clauses"] = "clauses"
    items: tuple[Message, ...] = ()


class Listing(_Part):
    """Several messages listed in one sentence: '，' (or '；') between them in Chinese, ', ' (or '; ') in English."""

    kind: Literal["listing"] = "listing"
    items: tuple[Message, ...] = ()
    separator: Literal["comma", "semicolon"] = "comma"


Part = Annotated[Quantity | Difference | Bilingual | Message | Clauses | Listing, Field(discriminator="kind")]
Param = Part | str | int | float | None
Message.model_rebuild()


def msg(key: str, **params: Param) -> Message:
    return Message(key=key, params=params)


def render(value: Param, lang: Lang) -> str | int | float:
    """Text for ``value`` in ``lang``; plain numbers stay numbers so templates can format them ({x:.1f})."""
    if isinstance(value, Message):
        return t(value.key, lang, **{k: render(v, lang) for k, v in value.params.items()})
    if isinstance(value, Quantity):
        return f"{value.bound}{with_unit(value.value, value.unit, lang, digits=value.digits)}"
    if isinstance(value, Difference):
        return amount(value.value, value.unit, lang, signed=value.signed)
    if isinstance(value, Bilingual):
        return value.en if lang == "en" and value.en else value.zh
    if isinstance(value, Clauses):
        return "".join(("；" if lang == "zh" else "; ") + str(render(m, lang)) for m in value.items)
    if isinstance(value, Listing):
        sep = {("comma", "zh"): "，", ("comma", "en"): ", ", ("semicolon", "zh"): "；", ("semicolon", "en"): "; "}
        return sep[value.separator, lang].join(str(render(m, lang)) for m in value.items)
    return "" if value is None else value


def text(value: Param, lang: Lang) -> str:
    return str(render(value, lang))
