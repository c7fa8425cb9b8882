"""The plan as typed data: load and check the reviewed files under ``data/plan/``.

Every fact carries its source section. Loading fails loudly on any inconsistency
(a missing 序号, a flag pointing at nothing) because a wrong catalog means wrong lights.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import math
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shanhe import settings
from shanhe.i18n import Lang

Rule = Literal["at_least", "at_most", "no_decrease", "increase_by", "improve", "assigned_by_superior", "qualitative"]
RULES_WITH_VALUE = {"at_least", "at_most", "increase_by"}
#: Rules whose target value is the base year's value (or made from it): they cannot be judged without one.
RULES_ON_BASE = {"no_decrease", "increase_by", "improve"}
PLAN_FILES = ("plan.yaml", "indicators.yaml", "flags.yaml", "projects.yaml", "goals.yaml", "themes.yaml")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Baseline(Strict):
    year: int
    text: str
    value: float | None


class Target(Strict):
    #: Within the plan's years after its base year (the catalog checks; staff entries are checked on entry).
    year: int
    rule: Rule
    value: float | None
    text: str
    #: A reviewed English rendering of ``text`` (the Chinese text is authoritative).
    text_en: str | None = None
    source: str
    note: str | None = None
    derived: bool = False
    # Set only for values entered by staff (an assigned or document target), never in data/plan.
    origin: Literal["plan", "staff"] = "plan"
    #: The region a document target applies to; None for the plan's own targets and the whole district.
    region: str | None = None
    doc_ref: str | None = None
    doc_date: dt.date | None = None
    entered_by: str | None = None
    entered_at: dt.datetime | None = None

    @model_validator(mode="after")
    def _value_matches_rule(self) -> Target:
        if (self.rule in RULES_WITH_VALUE) != (self.value is not None):
            raise ValueError(f"rule {self.rule} with value {self.value!r}")
        if self.rule in ("no_decrease", "improve", "qualitative", "assigned_by_superior") and self.value is not None:
            raise ValueError(f"rule {self.rule} takes no value")
        return self


class Indicator(Strict):
    code: str = Field(pattern=r"^(I\d{2}|S\d{2})$")
    #: The row in the plan's indicator table; None for a supplementary indicator from the plan's text.
    seq: int | None = Field(ge=1)
    name: str
    #: A reviewed English rendering of ``name`` (the Chinese name is authoritative).
    name_en: str | None = None
    #: One of the plan's categories (plan.yaml ``categories``).
    category: str
    unit: str
    attribute: Literal["binding", "expected"] | None
    direction: Literal["higher", "lower"]
    range: tuple[float | None, float | None]
    range_note: str | None = None
    # level: the year's own value; cumulative_change: % change since the base year (0 there by definition, F21)
    measure: Literal["level", "cumulative_change"] = "level"
    baseline: Baseline
    source: str
    targets: tuple[Target, ...]
    #: Plan targets a later document replaced (kept so that both can be shown with their sources).
    replaced: tuple[Target, ...] = ()
    flags: tuple[str, ...] = ()

    @property
    def supplementary(self) -> bool:
        return self.seq is None

    def target_for(self, year: int) -> Target | None:
        """The district's target for ``year`` (a region's own document targets are left out)."""
        return next((t for t in self.targets if t.year == year and t.region is None), None)

    def targets_in(self, region: str | None) -> tuple[Target, ...]:
        """The targets in force in ``region``, one per year: its own document targets, else the district's."""
        own = {t.year: t for t in self.targets if region is not None and t.region == region}
        general = {t.year: t for t in self.targets if t.region is None}
        return tuple(sorted({**general, **own}.values(), key=lambda t: t.year))

    def replaced_for(self, year: int) -> Target | None:
        """The plan's own target for ``year`` when a document replaced it."""
        return next((t for t in self.replaced if t.year == year), None)

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        if self.supplementary != self.code.startswith("S"):
            raise ValueError(f"{self.code}: I-codes carry a 序号, S-codes do not")
        if not self.supplementary and self.code != f"I{self.seq:02d}":
            raise ValueError(f"{self.code}: code must be I + 序号")
        years = [(t.year, t.region) for t in self.targets]
        if len(years) != len(set(years)):
            raise ValueError(f"{self.code}: two targets for one year")
        low, high = self.range
        if low is None or high is None or not math.isfinite(low) or not math.isfinite(high) or low >= high:
            # every value and assigned target is checked against it: an open range lets 1e308 in
            raise ValueError(f"{self.code}: range needs two finite bounds, low < high")
        return self


def assigned_target(
    indicator: Indicator, year: int, value: float, doc_ref: str, doc_date: dt.date, region: str | None = None
) -> Target:
    """The target a document (上级下达文件, the next five-year plan) sets for ``year``: a bound in the
    indicator's better direction.

    Where the plan's own target for that year is "assigned by a superior", its literal text
    (完成上级下达指标…) is kept; otherwise the text says a document set it. The document
    (文号, date) is recorded beside the value; the plan's target stays visible as replaced.
    """
    plan = indicator.target_for(year)
    # the plan's own words say the figure comes from above (完成上级下达指标 / 省下达的指标)
    assigned = plan if plan is not None and (plan.rule == "assigned_by_superior" or "下达" in plan.text) else None
    return Target(
        year=year,
        rule="at_least" if indicator.direction == "higher" else "at_most",
        value=value,
        text=assigned.text if assigned else "文件下达目标",
        text_en=assigned.text_en if assigned else "Target set by a document",
        source=f"{doc_ref}（{doc_date.isoformat()}）",
        origin="staff",
        region=region,
        doc_ref=doc_ref,
        doc_date=doc_date,
    )


class Flag(Strict):
    id: str
    subjects: tuple[str, ...]
    source: str
    literal: str
    problem: str
    reading: str
    status: str


class Milestone(Strict):
    id: str
    title: str
    due: dt.date
    due_text: str
    basis: Literal["text", "period", "staff"]  # staff: added through the milestone page
    source: str


class Project(Strict):
    id: str
    #: One of the plan's project groups (plan.yaml ``project_groups``).
    group: str
    subgroup: str
    name: str
    overview: str
    start_year: int
    end_year: int
    investment: str
    lead_unit: str
    source: str
    indicators: tuple[str, ...] = ()
    milestones: tuple[Milestone, ...]


class Goal(Strict):
    id: str
    year: int
    theme: str
    text: str
    source: str


class Theme(Strict):
    """A part of the plan's area (here 一山 / 一河 / 一流域): the plan's words, its project group, and the
    indicators filed under it."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    scope: str
    description: str
    source: str
    project_group: str
    indicators: tuple[str, ...]


class Period(Strict):
    key: str
    name: str
    start: int
    end: int
    source: str


class Named(Strict):
    """A category or project group: the plan's name, a reviewed English name, where the plan lists it."""

    name: str
    name_en: str
    source: str

    def label(self, lang: Lang) -> str:
        return self.name if lang == "zh" else self.name_en


class Heading(Named):
    """The title of the areas page (一山一河一流域) with a note on how indicators were filed under areas."""

    note: str
    note_en: str

    def note_label(self, lang: Lang) -> str:
        return self.note if lang == "zh" else self.note_en


class Evaluation(Strict):
    key: Literal["annual", "midterm", "final"]
    name: str
    source: str


class Region(Strict):
    """A district, town or street: regions are data (plan.yaml seeds the district, admins add 镇/街道)."""

    name: str
    source: str
    #: 区 for the district; 镇, 街道 (or what the plan calls them) below it.
    level: str
    #: The region this one belongs to; None only for the district.
    parent: str | None = None


class PlanInfo(Strict):
    title: str
    title_source: str
    document_number: str
    document_number_source: str
    short_title: str
    short_title_source: str
    issuer: str
    issued_on: dt.date
    issued_on_source: str
    regions: tuple[Region, ...]
    #: The whole district (全区): the region of the plan's own figures, the default of every page and import.
    default_region: str
    default_region_source: str
    #: What the plan calls its indicator table and its project table (表2-1, 附表1): cited in titles.
    indicator_table: Named
    project_table: Named
    categories: tuple[Named, ...]
    project_groups: tuple[Named, ...]
    themes_heading: Heading
    #: Indicators shown on their own on the overview's first screen (our choice, see headline_source).
    headline: tuple[str, ...]
    headline_source: str
    #: The first period is the base year (``start == end``); the others follow one another without gaps.
    periods: tuple[Period, ...]
    evaluations: tuple[Evaluation, ...]
    evaluation_reporting: str
    evaluation_reporting_source: str

    @model_validator(mode="after")
    def _district_is_a_root_region(self) -> PlanInfo:
        by_name = {r.name: r for r in self.regions}
        district = by_name.get(self.default_region)
        if district is None or district.parent is not None:
            raise ValueError(f"default_region {self.default_region}: must be one of regions, without a parent")
        for r in self.regions:
            if r.name != self.default_region and r.parent not in by_name:
                raise ValueError(f"regions: {r.name} needs a parent among the regions")
        return self

    @field_validator("periods")
    @classmethod
    def _periods_follow(cls, v: tuple[Period, ...]) -> tuple[Period, ...]:
        if len(v) < 2 or v[0].start != v[0].end:
            raise ValueError("periods: a base year (start == end) and at least one period after it")
        for before, after in itertools.pairwise(v):
            if after.start != before.end + 1 or after.end < after.start:
                raise ValueError(f"periods: {after.key} must start the year after {before.key} ends")
        return v

    @property
    def base_year(self) -> int:
        """The plan's baseline year (2020 here): baselines, cumulative changes and 'no decrease' refer to it."""
        return self.periods[0].start

    @property
    def last_year(self) -> int:
        return self.periods[-1].end

    @property
    def first_target_year(self) -> int:
        """The end of the first period after the base year (2025 here): the year of the table's target column."""
        return self.periods[1].end

    @property
    def years(self) -> range:
        """Every year the plan covers, base year included: the years data can be entered for."""
        return range(self.base_year, self.last_year + 1)

    @property
    def target_years(self) -> range:
        """The years a target can be set for: after the base year, up to the plan's last year."""
        return range(self.base_year + 1, self.last_year + 1)

    def shown_years(self, today_year: int) -> list[int]:
        """The plan's years up to this year: the year choices on pages (a future year has no data)."""
        return [y for y in self.years if y <= today_year] or [self.base_year]

    def category(self, name: str) -> Named:
        return next(c for c in self.categories if c.name == name)

    def project_group(self, name: str) -> Named:
        return next(g for g in self.project_groups if g.name == name)

    @property
    def category_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.categories)

    @property
    def region_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.regions)


class Catalog(Strict):
    plan: PlanInfo
    indicators: tuple[Indicator, ...]
    flags: tuple[Flag, ...]
    projects: tuple[Project, ...]
    goals: tuple[Goal, ...]
    themes: tuple[Theme, ...]
    digest: str

    @model_validator(mode="after")
    def _cross_checks(self) -> Catalog:
        codes = [i.code for i in self.indicators]
        if len(codes) != len(set(codes)):
            raise ValueError("duplicate indicator code")
        seqs = sorted(i.seq for i in self.indicators if i.seq is not None)
        if seqs != list(range(1, len(seqs) + 1)):
            raise ValueError(f"the indicator table needs 序号 1–{len(seqs)} exactly once, got {seqs}")
        plan = self.plan
        for ind in self.indicators:
            if ind.category not in plan.category_names:
                raise ValueError(f"{ind.code}: category {ind.category!r} is not among {list(plan.category_names)}")
            if ind.baseline.year != plan.base_year:
                raise ValueError(f"{ind.code}: baseline year {ind.baseline.year}, plan base year {plan.base_year}")
            late = [t.year for t in ind.targets if t.year not in plan.target_years]
            if late:
                raise ValueError(f"{ind.code}: target years {late} outside {plan.target_years[0]}–{plan.last_year}")
        unknown_headline = set(plan.headline) - set(codes)
        if unknown_headline:
            raise ValueError(f"headline names unknown indicators {sorted(unknown_headline)}")
        groups = {g.name for g in plan.project_groups}
        for project in self.projects:
            if project.group not in groups:
                raise ValueError(f"{project.id}: group {project.group!r} is not among {sorted(groups)}")
        for theme in self.themes:
            if theme.project_group not in groups:
                raise ValueError(f"theme {theme.key}: project group {theme.project_group!r} not among {sorted(groups)}")
        flag_ids = {f.id for f in self.flags}
        subjects = set(codes) | {p.id for p in self.projects} | {g.id for g in self.goals} | {"plan"}
        for ind in self.indicators:
            missing = set(ind.flags) - flag_ids
            if missing:
                raise ValueError(f"{ind.code} names unknown flags {sorted(missing)}")
        for flag in self.flags:
            unknown = set(flag.subjects) - subjects
            if unknown:
                raise ValueError(f"{flag.id} names unknown subjects {sorted(unknown)}")
        for ind in self.indicators:
            listed = {f.id for f in self.flags if ind.code in f.subjects}
            if listed != set(ind.flags):
                raise ValueError(f"{ind.code}: flags {sorted(ind.flags)} but flags.yaml names it in {sorted(listed)}")
        for theme in self.themes:
            unknown = set(theme.indicators) - set(codes)
            if unknown:
                raise ValueError(f"theme {theme.name} names unknown indicators {sorted(unknown)}")
        for project in self.projects:
            unknown = set(project.indicators) - set(codes)
            if unknown:
                raise ValueError(f"{project.id} names unknown indicators {sorted(unknown)}")
        return self

    def indicator(self, code: str) -> Indicator:
        return next(i for i in self.indicators if i.code == code)


#: libyaml's parser where PyYAML was built with it (the pinned wheels are): ten times faster than pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def plan_digest(plan_dir: Path | None = None) -> str:
    """sha256 over the plan files: the store re-syncs its plan tables when this changes."""
    plan_dir = plan_dir or settings.plan_dir()
    h = hashlib.sha256()
    for name in PLAN_FILES:
        h.update(name.encode())
        h.update((plan_dir / name).read_bytes())
    return h.hexdigest()


def load_catalog(plan_dir: Path | None = None) -> Catalog:
    """Read and validate every plan file (``SHANHE_PLAN_DIR``, default data/plan); raises
    pydantic.ValidationError on bad data. The catalog is frozen, so one parsed copy per content is shared."""
    plan_dir = plan_dir or settings.plan_dir()
    return _parse(plan_dir.resolve(), plan_digest(plan_dir))


@functools.lru_cache(maxsize=8)
def _parse(plan_dir: Path, digest: str) -> Catalog:
    files = {name: yaml.load((plan_dir / name).read_text(encoding="utf-8"), Loader=_LOADER) for name in PLAN_FILES}
    return Catalog(
        plan=files["plan.yaml"],
        indicators=files["indicators.yaml"],
        flags=files["flags.yaml"],
        projects=files["projects.yaml"],
        goals=files["goals.yaml"],
        themes=files["themes.yaml"],
        digest=digest,
    )
