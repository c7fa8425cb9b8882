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
    for written, newer, before in store.batch_with_neighbours(batch_id):
        restored = Change(
            indicator_code=written.indicator_code,
            region=written.region,
            year=written.year,
            value=before.value if before else None,
            source=before.source if before else None,
            note=before.note if before else None,
        )
        steps.append(RevertStep(written=written, restored=restored, newer=newer))
    return steps


def conflicts(batch_id: int, steps: Sequence[RevertStep]) -> UserError | None:
    """The refusal to revert, naming every value a later batch changed; None when the revert can go ahead."""
    newer = [s.newer for s in steps if s.newer is not None]
    return UserError("revert.conflict", batch=batch_id, values="、".join(map(_conflict, newer))) if newer else None


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
    """Revert in the store's one transaction, which refuses if a later batch changed any of the values (also one
    written after the history page showed the plan)."""
    actor = require(actor, "staff")
    batch = store.batch(batch_id)
    if batch is None:
        raise UserError("revert.no_batch", batch=batch_id)
    if not may_revert(store, batch, actor):
        raise AuthError("revert.not_allowed", batch=batch_id)
    try:
        new = store.record_revert(batch_id, actor.name)
    except ValuesMoved as exc:
        raise UserError("revert.conflict", batch=batch_id, values="、".join(map(_conflict, exc.moved))) from exc
    event("revert", user=actor.name, batch=new.id, reverts=batch_id, values=new.rows_changed + new.rows_unchanged)
    return new
