"""Reverting a batch: new revisions that restore what the batch replaced.

Nothing is deleted: a revert is itself a batch (kind "revert") and can be reverted.
Admins may revert any batch; staff only their own most recent one. A batch whose
values were changed again by a later batch is refused, naming the values, so a
revert never silently undoes someone else's newer work.
"""

from __future__ import annotations

from pydantic import BaseModel

from shanhe.auth import AuthError, User, require
from shanhe.errors import UserError, ValuesMoved
from shanhe.logs import event
from shanhe.models import Batch, Change, Revision
from shanhe.store import Store


class RevertStep(BaseModel):
    """One value a revert would restore: what the batch wrote, and what was there before it."""

    written: Revision
    restored: Change


def revert_plan(store: Store, batch_id: int) -> list[RevertStep]:
    """What reverting ``batch_id`` would write; raises if a later batch changed the same values."""
    if store.batch(batch_id) is None:
        raise UserError("revert.no_batch", batch=batch_id)
    steps = []
    conflicts = []
    for rev in store.batch_revisions(batch_id):
        history = store.revisions_of(rev.indicator_code, rev.region, rev.year)
        if history[-1].id != rev.id:
            conflicts.append(_conflict(history[-1]))
            continue
        before = [h for h in history if h.id < rev.id]
        previous = before[-1] if before else None
        steps.append(
            RevertStep(
                written=rev,
                restored=Change(
                    indicator_code=rev.indicator_code,
                    region=rev.region,
                    year=rev.year,
                    value=previous.value if previous else None,
                    source=previous.source if previous else None,
                    note=previous.note if previous else None,
                ),
            )
        )
    if conflicts:
        raise UserError("revert.conflict", batch=batch_id, values="、".join(conflicts))
    return steps


def _conflict(newer: Revision) -> str:
    return f"{newer.indicator_code} {newer.region} {newer.year}（#{newer.batch_id}）"


def may_revert(store: Store, batch: Batch, actor: User | None) -> bool:
    """Admins: any batch. Staff: only the most recent batch they made themselves."""
    if actor is None:
        return False
    if actor.role == "admin":
        return True
    own = [b.id for b in store.batches() if b.user_name == actor.name]
    return batch.user_name == actor.name and bool(own) and batch.id == max(own)


def revert_batch(store: Store, batch_id: int, actor: User | None) -> Batch:
    actor = require(actor, "staff")
    batch = store.batch(batch_id)
    if batch is None:
        raise UserError("revert.no_batch", batch=batch_id)
    if not may_revert(store, batch, actor):
        raise AuthError("revert.not_allowed", batch=batch_id)
    steps = revert_plan(store, batch_id)
    restored = sum(1 for s in steps if s.restored.value is not None)
    try:  # the plan is checked again inside the write transaction: a batch written meanwhile is not undone
        new = store.record_batch(
            [s.restored for s in steps],
            kind="revert",
            user=actor.name,
            file_name=None,
            sha256=None,
            counts=(0, restored, len(steps) - restored),
            reverts_batch=batch_id,
            expect={s.written.key: batch_id for s in steps},
        )
    except ValuesMoved as exc:
        raise UserError("revert.conflict", batch=batch_id, values="、".join(map(_conflict, exc.moved))) from exc
    event("revert", user=actor.name, batch=new.id, reverts=batch_id, values=len(steps))
    return new
