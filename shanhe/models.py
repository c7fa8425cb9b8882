"""Records shared across layers: values as stored, revisions, batches, accounts, milestone updates.

The engine, pages and reports read these without importing the store (and so without a database driver).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict


class Observation(BaseModel):
    """The current value of one indicator, region and year."""

    model_config = ConfigDict(frozen=True)
    indicator_code: str
    region: str
    year: int
    value: float
    source: str | None = None
    note: str | None = None
    batch_id: int | None = None
    entered_by: str | None = None
    entered_at: dt.datetime | None = None

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.indicator_code, self.region, self.year)


class Change(BaseModel):
    """A value to write as a new revision; ``value`` None retracts (a revert back to "no value")."""

    model_config = ConfigDict(frozen=True)
    indicator_code: str
    region: str
    year: int
    value: float | None
    source: str | None = None
    note: str | None = None

    @property
    def key(self) -> tuple[str, str, int]:
        return (self.indicator_code, self.region, self.year)


class Revision(Change):
    """One stored revision of one (indicator, region, year)."""

    id: int
    batch_id: int
    entered_by: str
    entered_at: dt.datetime


class Batch(BaseModel):
    """One import, revert or sample load: who, when, which file, how many values."""

    model_config = ConfigDict(frozen=True)
    id: int
    kind: str
    file_name: str | None
    sha256: str | None
    user_name: str
    created_at: dt.datetime
    rows_added: int
    rows_changed: int
    rows_unchanged: int
    note: str | None
    reverts_batch: int | None = None


class UserRecord(BaseModel):
    model_config = ConfigDict(frozen=True)
    name: str
    role: str
    password_hash: str
    disabled: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class MilestoneUpdate(BaseModel):
    model_config = ConfigDict(frozen=True)
    milestone_id: str
    status: str
    completed_on: dt.date | None
    note: str | None
    evidence_link: str | None
    entered_by: str
    entered_at: dt.datetime
