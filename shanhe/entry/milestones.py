"""Staff record milestone progress (status, completion date, note, evidence) and add milestones."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from shanhe import clock
from shanhe.auth import User, require
from shanhe.errors import UserError
from shanhe.models import MilestoneUpdate
from shanhe.spreadsheets import typed_text
from shanhe.store import Store, utcnow

STATUSES = ("not_started", "in_progress", "done")


def update_milestone(
    store: Store,
    milestone_id: str,
    status: str,
    completed_on: dt.date | None,
    note: str | None,
    evidence_link: str | None,
    actor: User | None,
) -> None:
    actor = require(actor, "staff")
    known = {m.id for p in store.projects() for m in p.milestones}
    if milestone_id not in known:
        raise UserError("milestone.unknown", milestone=milestone_id)
    if status not in STATUSES:
        raise UserError("milestone.bad_status", status=status)
    if status == "done" and completed_on is None:
        raise UserError("milestone.date_required")
    if completed_on is not None and completed_on > clock.today():
        raise UserError("milestone.future_date", date=completed_on.isoformat())
    evidence_link = typed_text(evidence_link)
    if evidence_link and urlparse(evidence_link).scheme not in ("http", "https"):
        raise UserError("milestone.bad_link")  # the link itself is not echoed back into a message
    store.add_milestone_update(
        MilestoneUpdate(
            milestone_id=milestone_id,
            status=status,
            completed_on=completed_on if status == "done" else None,
            note=typed_text(note),
            evidence_link=evidence_link,
            entered_by=actor.name,
            entered_at=utcnow(),
        )
    )


def add_milestone(store: Store, project_id: str, title: str, due: dt.date, actor: User | None) -> str:
    actor = require(actor, "staff")
    if project_id not in {p.id for p in store.projects()}:
        raise UserError("milestone.unknown_project", project=project_id)
    title = typed_text(title) or ""
    if not title:
        raise UserError("milestone.title_required")
    return store.add_staff_milestone(project_id, title, due, actor.name)


def latest_updates(store: Store) -> dict[str, MilestoneUpdate]:
    """The update in force for each milestone (the newest)."""
    return {u.milestone_id: u for u in store.milestone_updates()}


def completions(store: Store) -> dict[str, dt.date]:
    """Completion dates recorded for milestones marked done: what ``project_status`` needs."""
    return {k: u.completed_on for k, u in latest_updates(store).items() if u.status == "done" and u.completed_on}


def form_status(update: MilestoneUpdate | None, computed: str) -> str:
    """What the status box starts at: the recorded status, else the one today's date gives (past due without a
    record reads 进行中), so saving only a note never changes a milestone's status."""
    if update is not None:
        return update.status
    return computed if computed in STATUSES else "in_progress"


def recorded(store: Store) -> frozenset[str]:
    """Milestones whose status in force was recorded and is not done: past due, they are 确认逾期."""
    return frozenset(k for k, u in latest_updates(store).items() if u.status != "done")
