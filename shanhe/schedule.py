"""Project and milestone status on a given day: 未开始 / 进行中 / 已完成 / 逾期.

Dates come from 附表1 (实施时间) and the plan's dated milestones. A milestone is
完成 only when staff record its completion; past its due date without that it is
逾期, which says honestly that nobody has reported it done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel

from shanhe.catalog import Milestone, Project

Status = Literal["not_started", "in_progress", "done", "overdue"]
#: Status → (bar colour, tint); Okabe–Ito, with 逾期 in vermillion so it stands out.
STATUS_COLOURS: dict[str, str] = {
    "not_started": "#999999",
    "in_progress": "#0072B2",
    "done": "#009E73",
    "overdue": "#D55E00",
}


class MilestoneStatus(BaseModel):
    milestone: Milestone
    status: Status
    completed_on: dt.date | None


class ProjectStatus(BaseModel):
    project: Project
    status: Status
    start: dt.date
    end: dt.date
    milestones: list[MilestoneStatus]

    @property
    def overdue(self) -> bool:
        return self.status == "overdue"


def milestone_status(m: Milestone, project: Project, today: dt.date, completed_on: dt.date | None) -> Status:
    if completed_on is not None and completed_on <= today:
        return "done"
    if today > m.due:
        return "overdue"
    if today < dt.date(project.start_year, 1, 1):
        return "not_started"
    return "in_progress"


def project_status(project: Project, today: dt.date, completions: Mapping[str, dt.date] | None = None) -> ProjectStatus:
    """A project is 已完成 when every milestone is, 逾期 when any is overdue, else by its period."""
    completions = completions or {}
    start, end = dt.date(project.start_year, 1, 1), dt.date(project.end_year, 12, 31)
    ms = [
        MilestoneStatus(
            milestone=m,
            status=milestone_status(m, project, today, completions.get(m.id)),
            completed_on=completions.get(m.id),
        )
        for m in project.milestones
    ]
    statuses = {m.status for m in ms}
    if ms and statuses == {"done"}:
        status: Status = "done"
    elif "overdue" in statuses:
        status = "overdue"
    elif today < start:
        status = "not_started"
    else:
        status = "in_progress"
    return ProjectStatus(project=project, status=status, start=start, end=end, milestones=ms)
