"""Properties the lights must keep whatever the numbers (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from shanhe.catalog import Catalog, Indicator, load_catalog
from shanhe.models import Observation
from shanhe.progress import assess
from shanhe.rules import LABELS

CATALOG: Catalog = load_catalog()
# Value ranges around each indicator's start and target, so that every label is reached often:
# binding/higher with a baseline; expected/lower to zero; increase_by; no_decrease; ‰; binding/higher; supplementary
RANGES = {
    "I07": (55, 85),
    "I11": (0, 20),
    "I05": (50, 70),
    "I01": (9, 11),
    "I03": (0, 2),
    "I13": (80, 100),
    "S02": (2, 6),
}
CODES = tuple(RANGES)


def series_for(code: str) -> st.SearchStrategy[dict[int, float]]:
    low, high = RANGES[code]
    values = st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)
    # 2020 included, so rules on the 2020 value (不减少, 增加3%) are judged; to 2027, past the 2025 verdicts
    return st.dictionaries(st.integers(min_value=2020, max_value=2027), values, min_size=1, max_size=7)


cases = st.sampled_from(CODES).flatmap(lambda code: st.tuples(st.just(code), series_for(code)))
# Mirroring needs a bound target (≥ / ≤): "增加3%" and "不减少" have no lower-is-better twin.
bound_cases = st.sampled_from(("I07", "I11", "I03", "I13", "S02")).flatmap(
    lambda code: st.tuples(st.just(code), series_for(code))
)


def _obs(code: str, points: dict[int, float]) -> list[Observation]:
    return [Observation(indicator_code=code, region="全区", year=y, value=v) for y, v in points.items()]


@settings(max_examples=300, deadline=None)
@given(case=cases, eval_year=st.integers(2021, 2030), better=st.floats(min_value=0.001, max_value=3))
def test_improving_the_latest_value_never_worsens_the_light(case: tuple, eval_year: int, better: float) -> None:
    code, points = case
    ind = CATALOG.indicator(code)
    before = assess(ind, _obs(code, points), eval_year, "全区")
    usable = {y: v for y, v in points.items() if y <= eval_year}
    if not usable:
        return
    last = max(usable)
    step = better if ind.direction == "higher" else -better
    after = assess(ind, _obs(code, {**points, last: points[last] + step}), eval_year, "全区")
    assert LABELS[after.label_code].rank >= LABELS[before.label_code].rank, (before.reason, after.reason)


def _mirror(ind: Indicator) -> Indicator:
    """The same indicator with every value negated: higher-is-better becomes lower-is-better."""
    swap = {"at_least": "at_most", "at_most": "at_least"}
    targets = tuple(
        t.model_copy(update={"rule": swap.get(t.rule, t.rule), "value": -t.value if t.value is not None else None})
        for t in ind.targets
        if t.rule in swap
    )
    baseline = ind.baseline.model_copy(
        update={"value": -ind.baseline.value if ind.baseline.value is not None else None}
    )
    return ind.model_copy(
        update={
            "direction": "lower" if ind.direction == "higher" else "higher",
            "targets": targets,
            "baseline": baseline,
        }
    )


@settings(max_examples=300, deadline=None)
@given(case=bound_cases, eval_year=st.integers(2021, 2030))
def test_mirroring_direction_gives_the_same_light(case: tuple, eval_year: int) -> None:
    code, points = case
    ind = CATALOG.indicator(code)
    plain = assess(ind, _obs(code, points), eval_year, "全区")
    mirrored = assess(_mirror(ind), _obs(code, {y: -v for y, v in points.items()}), eval_year, "全区")
    assert (mirrored.label_code, mirrored.light) == (plain.label_code, plain.light)
    for field in ("path_ratio", "trend_ratio"):
        a, b = getattr(plain, field), getattr(mirrored, field)
        assert (a is None and b is None) or abs(a - b) < 1e-6, field


@settings(max_examples=200, deadline=None)
@given(case=cases, eval_year=st.integers(2021, 2030), seed=st.integers(0, 10**6))
def test_storage_order_does_not_matter(case: tuple, eval_year: int, seed: int) -> None:
    code, points = case
    ind = CATALOG.indicator(code)
    observations = _obs(code, points)
    shuffled = observations[:]
    random.Random(seed).shuffle(shuffled)
    assert assess(ind, observations, eval_year, "全区") == assess(ind, shuffled, eval_year, "全区")


@settings(max_examples=200, deadline=None)
@given(case=cases, later=st.integers(2025, 2035))
def test_a_verdict_never_changes_once_its_year_has_come(case: tuple, later: int) -> None:
    """The 2025 verdict evaluated in 2025 is the verdict evaluated in any later year, whatever came after."""
    code, points = case
    ind = CATALOG.indicator(code)
    then = assess(ind, _obs(code, points), 2025, "全区").verdict_for(2025)
    now = assess(ind, _obs(code, points), later, "全区").verdict_for(2025)
    assert (now.verdict, now.label_code, now.actual_value, now.target_value) == (
        then.verdict,
        then.label_code,
        then.actual_value,
        then.target_value,
    )
