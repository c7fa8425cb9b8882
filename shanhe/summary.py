"""Roll-ups of assessments: light counts, the verdicts of the latest target year, and summary sentences."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from shanhe.messages import Bilingual, Listing, Message, msg
from shanhe.progress import Assessment, verdict_year
from shanhe.rules import LABELS, VERDICT_LABELS

ATTRIBUTES = ("binding", "expected")
#: Groups for verdict counts: 表2-1's two attributes, then the supplementary indicators.
VERDICT_GROUPS = (*ATTRIBUTES, "supplementary")


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True)  # shared read-only by every session (shanhe.ui.loaders)

    evaluation_year: int
    region: str
    by_category: dict[str, dict[str, int]]  # 表2-1 indicators: category → label code → count
    by_attribute: dict[str, dict[str, int]]  # 表2-1 indicators: binding/expected → label code → count
    supplementary: dict[str, int]
    binding_behind: list[str]
    #: The latest target year at or before the evaluation year (2025 from 2025 on); None before it.
    verdict_year: int | None
    #: binding / expected / supplementary → verdict label code (rules.VERDICT_LABELS) → count, for verdict_year
    verdicts: dict[str, dict[str, int]]
    binding_missed: list[str]  # binding indicators that missed their verdict_year target
    #: binding indicators whose light is grey (awaiting a target, too little data) but that moved the wrong way
    grey_worsened: list[str]
    sentences: tuple[Message, ...]


def _counts(codes: Sequence[str], order: Sequence[str]) -> dict[str, int]:
    counted = Counter(codes)
    return {code: counted[code] for code in order if counted[code]}


def _group(a: Assessment) -> str:
    return a.attribute or "supplementary"


def _joined(items: Sequence[Assessment]) -> Bilingual:
    return Bilingual(zh="、".join(a.name for a in items), en="; ".join(a.name_en or a.name for a in items))


def _label_parts(items: Sequence[Assessment]) -> Listing:
    counts = _counts([a.label_code for a in items], list(LABELS))
    return _list([msg("summary.part", count=n, label=msg(f"label.{code}")) for code, n in counts.items()])


def _list(parts: Sequence[Message], separator: Literal["comma", "semicolon"] = "comma") -> Listing:
    return Listing(items=tuple(parts), separator=separator)


def summarize(assessments: Sequence[Assessment], categories: Sequence[str]) -> Summary:
    """Counts and sentences for one evaluation; ``categories``: the plan's, in its order."""
    table = [a for a in assessments if a.seq is not None]
    supplementary = [a for a in assessments if a.seq is None]
    behind = [a for a in table if a.binding_behind]
    year = verdict_year(assessments)
    verdicts: dict[str, dict[str, int]] = {}
    missed: list[Assessment] = []
    if year is not None:
        for group in VERDICT_GROUPS:
            members = [a for a in assessments if _group(a) == group and (a.seq is None) == (group == "supplementary")]
            codes = [v.label_code for a in members if (v := a.verdict_for(year)) is not None]
            verdicts[group] = _counts(codes, list(VERDICT_LABELS))
        missed = [
            a
            for a in table
            if a.attribute == "binding" and (v := a.verdict_for(year)) is not None and v.verdict == "missed"
        ]
    grey = [a for a in table if a.attribute == "binding" and a.light == "grey" and a.worsened]

    sentences = []
    for attribute in ATTRIBUTES:
        of_attribute = [a for a in table if a.attribute == attribute]
        sentences.append(
            msg(
                "summary.attribute",
                total=len(of_attribute),
                attribute=msg(f"attribute.{attribute}"),
                parts=_label_parts(of_attribute),
            )
        )
    if supplementary:
        sentences.append(
            msg(
                "summary.attribute",
                total=len(supplementary),
                attribute=msg("summary.supplementary_group"),
                parts=_label_parts(supplementary),
            )
        )
    if year is not None:
        sentences.append(
            msg(
                "summary.verdicts",
                year=year,
                parts=_list(
                    [
                        msg(
                            "summary.verdict_group",
                            attribute=msg(f"attribute.{g}" if g != "supplementary" else "summary.supplementary_group"),
                            parts=_list(
                                [
                                    msg("summary.part", count=n, label=msg(f"verdict.{code}"))
                                    for code, n in verdicts[g].items()
                                ]
                            ),
                        )
                        for g in VERDICT_GROUPS
                        if verdicts.get(g)
                    ],
                    "semicolon",
                ),
            )
        )
        sentences.append(
            msg("summary.binding_missed", year=year, names=_joined(missed))
            if missed
            else msg("summary.binding_missed_none", year=year)
        )
    in_progress = [a for a in table if a.attribute == "binding" and not a.final and a.light != "grey"]
    if in_progress:  # once every binding target has its verdict, "none behind" would say nothing
        sentences.append(
            msg("summary.binding_behind", names=_joined(behind)) if behind else msg("summary.binding_behind_none")
        )
    if grey:
        sentences.append(msg("summary.grey_worsened", count=len(grey), names=_joined(grey)))
    return Summary(
        evaluation_year=assessments[0].evaluation_year if assessments else 0,
        region=assessments[0].region if assessments else "",
        by_category={c: _counts([a.label_code for a in table if a.category == c], list(LABELS)) for c in categories},
        by_attribute={
            attr: _counts([a.label_code for a in table if a.attribute == attr], list(LABELS)) for attr in ATTRIBUTES
        },
        supplementary=_counts([a.label_code for a in supplementary], list(LABELS)),
        binding_behind=[a.name for a in behind],
        verdict_year=year,
        verdicts=verdicts,
        binding_missed=[a.name for a in missed],
        grey_worsened=[a.name for a in grey],
        sentences=tuple(sentences),
    )
