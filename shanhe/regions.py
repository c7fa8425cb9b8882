"""Regions as data: the district (from the plan) and the towns and streets (镇/街道) admins add under it.

The district's own figure is what its light shows: town figures are never summed or averaged into it (the
plan gives no rule for that), so a year with town figures and no district figure is said, not filled in.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from shanhe.auth import User, require
from shanhe.catalog import Region
from shanhe.errors import UserError
from shanhe.logs import event
from shanhe.models import Observation
from shanhe.spreadsheets import CONTROL_CHARS
from shanhe.store import Store

NAME_MAX = 64
#: Levels told by a name's ending, longest first (街道 before 道); anything else needs ``level`` given.
LEVEL_SUFFIXES = ("街道", "镇", "乡")


def level_of(name: str) -> str | None:
    """镇 for 北石店镇, 街道 for 西街街道; None when the name does not say."""
    return next((s for s in LEVEL_SUFFIXES if name.endswith(s) and len(name) > len(s)), None)


def add_region(
    store: Store, name: str, parent: str, actor: User | None, *, level: str | None = None, source: str | None = None
) -> Region:
    """Add a town or street under ``parent`` (admins only); the level defaults to the name's ending."""
    actor = require(actor, "admin")
    name = name.strip()
    if not name or len(name) > NAME_MAX or CONTROL_CHARS.search(name) or name != " ".join(name.split()):
        raise UserError("regions.bad_name", region=name, limit=NAME_MAX)
    level = (level or "").strip() or level_of(name)
    if not level:
        raise UserError("regions.no_level", region=name)
    region = Region(name=name, parent=parent, level=level, source=source or f"管理员 {actor.name} 添加")
    store.add_region(region, actor.name)
    event("region_add", user=actor.name, region=name, parent=parent)
    return region


def children(tree: Sequence[Region], region: str) -> list[str]:
    """The regions directly under ``region``, in the tree's order."""
    return [r.name for r in tree if r.parent == region]


class Ranking(BaseModel):
    """The children of one region, ranked by their figure for one year (the region itself is not one of them)."""

    rows: list[tuple[str, float]]
    #: The children have figures that year but the region itself has none (nothing is aggregated into it).
    own_missing: bool


def ranking(tree: Sequence[Region], observations: Sequence[Observation], region: str, year: int) -> Ranking:
    """``observations`` of one indicator: the figures of ``region``'s children in ``year``, in the tree's order."""
    below = children(tree, region)
    figures = {o.region: o.value for o in observations if o.year == year}
    rows = [(name, figures[name]) for name in below if name in figures]
    return Ranking(rows=rows, own_missing=bool(rows) and region not in figures)
