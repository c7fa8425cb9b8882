"""Reverting a batch: new revisions that restore what the batch replaced.

Nothing is deleted: a revert is itself a batch (kind "revert") and can be reverted.
Admins may revert any batch; staff only their own most recent one. A batch whose
values were changed again by a later batch is refused, naming the values, so a
revert never silently undoes someone else's newer work.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from shanhe.auth import AuthError, User, require
from shanhe.errors import UserError, ValuesMoved
from shanhe.logs import event
from shanhe.models import Batch, Change, Revision
from shanhe.store import Store


class RevertStep(BaseModel):
    """One value a revert would restore: what the batch wrote, what was there before it, and any newer revision."""

    written: Revision
    restored: Change
    #: A later batch's revision of the same value: the batch can no longer be reverted.
    newer: Revision | None = None


def revert_steps(store: Store, batch_id: int) -> list[RevertStep]:
    """Every value ``batch_id`` wrote, what reverting it restores, and whether a later batch changed it since.

    One set-based query for the whole batch, so a 5,680-value batch costs one query, not one per value.
    """
    steps = []
    for written, newest, before in store.batch_with_neighbours(batch_id):
        restored = Change(
            indicator_code=written.indicator_code,
            region=written.region,
            year=written.year,
            value=before.value if before else None,
            source=before.source if before else None,
            note=before.note if before else None,
        )
        steps.append(RevertStep(written=written, restored=restored, newer=None if newest.id == written.id else newest))
    return steps


def conflicts(batch_id: int, steps: Sequence[RevertStep]) -> UserError | None:
    """The refusal to revert, naming every value a later batch changed; None when the revert can go ahead."""
    newer = [s.newer for s in steps if s.newer is not None]
    return UserError("revert.conflict", batch=batch_id, values="、".join(map(_conflict, newer))) if newer else None


def revert_plan(store: Store, batch_id: int) -> list[RevertStep]:
    """What reverting ``batch_id`` would write; raises if a later batch changed the same values."""
    if store.batch(batch_id) is None:
        raise UserError("revert.no_batch", batch=batch_id)
    steps = revert_steps(store, batch_id)
    refused = conflicts(batch_id, steps)
    if refused is not None:
        raise refused
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
