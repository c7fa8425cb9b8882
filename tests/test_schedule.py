"""Project and milestone status by date."""

from __future__ import annotations

import datetime as dt

from shanhe.catalog import Catalog
from shanhe.schedule import project_status


def test_status_follows_dates_and_recorded_completion(catalog: Catalog) -> None:
    mines = next(p for p in catalog.projects if p.id == "P05")  # milestones due 2021-12-31 and 2025-12-31
    assert project_status(mines, dt.date(2020, 6, 1)).status == "not_started"
    assert project_status(mines, dt.date(2021, 6, 1)).status == "in_progress"
    late = project_status(mines, dt.date(2022, 3, 1))
    # past due with nothing recorded: not known to be late, only not reported
    assert late.status == "unreported" and [m.status for m in late.milestones] == ["unreported", "in_progress"]
    confirmed = project_status(mines, dt.date(2022, 3, 1), {}, {"P05-M1"})  # staff recorded it is not done
    assert confirmed.status == "overdue" and confirmed.milestones[0].status == "overdue"
    done_first = project_status(mines, dt.date(2022, 3, 1), {"P05-M1": dt.date(2021, 11, 30)})
    assert done_first.status == "in_progress" and done_first.milestones[0].status == "done"
    all_done = project_status(
        mines, dt.date(2026, 1, 5), {"P05-M1": dt.date(2021, 11, 30), "P05-M2": dt.date(2025, 12, 1)}
    )
    assert all_done.status == "done"
    # a completion recorded for a future date does not count yet
    assert project_status(mines, dt.date(2022, 3, 1), {"P05-M1": dt.date(2022, 6, 1)}).status == "unreported"
