"""Roll-ups of assessments: light counts per category and attribute, and summary sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from shanhe.catalog import CATEGORIES
from shanhe.i18n import Lang, t
from shanhe.progress import Assessment
from shanhe.rules import LABELS

ATTRIBUTES = ("binding", "expected")


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True)  # shared read-only by every session (shanhe.ui.loaders)

    evaluation_year: int
    region: str
    by_category: dict[str, dict[str, int]]  # 表2-1 indicators: category → label code → count
    by_attribute: dict[str, dict[str, int]]  # 表2-1 indicators: binding/expected → label code → count
    supplementary: dict[str, int]
    binding_behind: list[str]
    sentences: list[str]
    sentences_en: list[str]


def _counts(items: Sequence[Assessment]) -> dict[str, int]:
    counted = Counter(a.label_code for a in items)
    return {code: counted[code] for code in LABELS if counted[code]}


def _sentence(total: int, attribute: str, counts: dict[str, int], lang: Lang) -> str:
    sep = "，" if lang == "zh" else ", "
    parts = sep.join(t("summary.part", lang, count=n, label=t(f"label.{code}", lang)) for code, n in counts.items())
    return t("summary.attribute", lang, total=total, attribute=attribute, parts=parts)


def summarize(assessments: Sequence[Assessment]) -> Summary:
    table = [a for a in assessments if a.seq is not None]
    supplementary = [a for a in assessments if a.seq is None]
    behind = [a.name for a in table if a.binding_behind]
    sentences: dict[Lang, list[str]] = {}
    for lang in ("zh", "en"):
        lines = []
        for attribute in ATTRIBUTES:
            group = [a for a in table if a.attribute == attribute]
            lines.append(_sentence(len(group), t(f"attribute.{attribute}", lang), _counts(group), lang))
        if supplementary:
            lines.append(_sentence(len(supplementary), t("summary.supplementary_group", lang),
                                   _counts(supplementary), lang))
        sep = "、" if lang == "zh" else ", "
        lines.append(t("summary.binding_behind", lang, names=sep.join(behind)) if behind
                     else t("summary.binding_behind_none", lang))
        sentences[lang] = lines
    year = assessments[0].evaluation_year if assessments else 0
    return Summary(
        evaluation_year=year, region=assessments[0].region if assessments else "",
        by_category={c: _counts([a for a in table if a.category == c]) for c in CATEGORIES},
        by_attribute={attr: _counts([a for a in table if a.attribute == attr]) for attr in ATTRIBUTES},
        supplementary=_counts(supplementary), binding_behind=behind,
        sentences=sentences["zh"], sentences_en=sentences["en"],
    )
