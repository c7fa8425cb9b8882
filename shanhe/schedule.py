"""Project and milestone status on a given day: 未开始 / 进行中 / 已完成 / 过期未录入完成情况 / 确认逾期.

Dates come from 附表1 (实施时间) and the plan's dated milestones. A milestone is
完成 only when staff record its completion. Past its due date without that, it is
确认逾期 when staff have recorded a status that is not done (someone confirmed it is late),
and 过期未录入完成情况 when nobody has recorded anything: we do not know, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from pydantic import BaseModel

from shanhe.catalog import Milestone, Project
from shanhe.i18n import Lang, t

Status = Literal["not_started", "in_progress", "done", "unreported", "overdue"]
#: Status → bar colour; Okabe–Ito, with 确认逾期 in vermillion so it stands out, and 过期未录入 a neutral
#: pale grey (drawn hatched and outlined: unknown, not known to be late).
STATUS_COLOURS: dict[str, str] = {
    "not_started": "#999999",
    "in_progress": "#0072B2",
    "done": "#009E73",
    "unreported": "#E4E4E4",
    "overdue": "#D55E00",
}
#: Statuses of milestones past due without a recorded completion.
PAST_DUE = ("overdue", "unreported")


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


def milestone_status(
    m: Milestone, project: Project, today: dt.date, completed_on: dt.date | None, recorded: bool = False
) -> Status:
    """``recorded``: staff have recorded a status for the milestone that is not done."""
    if completed_on is not None and completed_on <= today:
        return "done"
    if today > m.due:
        return "overdue" if recorded else "unreported"
    if today < dt.date(project.start_year, 1, 1):
        return "not_started"
    return "in_progress"


def project_status(
    project: Project,
    today: dt.date,
    completions: Mapping[str, dt.date] | None = None,
    recorded: Collection[str] = (),
) -> ProjectStatus:
    """A project is 已完成 when every milestone is, 确认逾期 when any is confirmed late, 过期未录入完成情况 when
    any is past due without a record, else by its period. ``recorded``: milestones with a not-done status."""
    completions = completions or {}
    start, end = dt.date(project.start_year, 1, 1), dt.date(project.end_year, 12, 31)
    ms = [
        MilestoneStatus(
            milestone=m,
            status=milestone_status(m, project, today, completions.get(m.id), m.id in recorded),
            completed_on=completions.get(m.id),
        )
        for m in project.milestones
    ]
    statuses = {m.status for m in ms}
    if ms and statuses == {"done"}:
        status: Status = "done"
    elif "overdue" in statuses:
        status = "overdue"
    elif "unreported" in statuses:
        status = "unreported"
    elif today < start:
        status = "not_started"
    else:
        status = "in_progress"
    return ProjectStatus(project=project, status=status, start=start, end=end, milestones=ms)


def past_due_table(statuses: Sequence[ProjectStatus], lang: Lang) -> tuple[list[str], list[list[str]]]:
    """Milestones past due without a recorded completion (pages, edition, reports): confirmed late ones first,
    each with its status in the first column, so 确认逾期 and 过期未录入完成情况 are never read as one."""
    header = [t("col.flag_status", lang), t("col.project", lang), t("col.milestone", lang), t("col.due", lang)]
    header.append(t("col.due_text", lang))
    late = [(s, m) for s in statuses for m in s.milestones if m.status in PAST_DUE]
    late.sort(key=lambda sm: PAST_DUE.index(sm[1].status))
    rows = [
        [
            t(f"status.{m.status}", lang),
            s.project.name,
            m.milestone.title,
            m.milestone.due.isoformat(),
            m.milestone.due_text,
        ]
        for s, m in late
    ]
    return header, rows
