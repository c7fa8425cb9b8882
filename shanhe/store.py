"""The one module that talks to DuckDB.

Plain, standard SQL with bound parameters only (a PostgreSQL store is on the
roadmap). Plan tables are rebuilt from ``data/plan`` whenever the plan files
change; user tables (observations, batches, staff targets) are append-only and
never touched by init, so re-running init can never lose what users entered.
"""

from __future__ import annotations

import datetime as dt
import errno
import shutil
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
from pydantic import BaseModel, ConfigDict

from shanhe.catalog import Catalog, Flag, Goal, Indicator, Milestone, PlanInfo, Project, Target, Theme
from shanhe.formatting import local_time, number
from shanhe.i18n import Lang, t

# Each migration is a list of statements; version N is applied once, in order.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
        """CREATE TABLE indicators (
            code VARCHAR PRIMARY KEY, seq INTEGER, name VARCHAR NOT NULL,
            category VARCHAR NOT NULL, unit VARCHAR NOT NULL, attribute VARCHAR,
            direction VARCHAR NOT NULL, range_min DOUBLE, range_max DOUBLE, range_note VARCHAR,
            baseline_year INTEGER NOT NULL, baseline_text VARCHAR NOT NULL, baseline_value DOUBLE,
            source VARCHAR NOT NULL, sort_order INTEGER NOT NULL)""",
        "CREATE SEQUENCE target_id_seq START 1",
        """CREATE TABLE targets (
            id BIGINT PRIMARY KEY DEFAULT nextval('target_id_seq'),
            indicator_code VARCHAR NOT NULL, year INTEGER NOT NULL, rule VARCHAR NOT NULL,
            value DOUBLE, text VARCHAR NOT NULL, source VARCHAR NOT NULL, note VARCHAR,
            derived BOOLEAN NOT NULL, origin VARCHAR NOT NULL,
            doc_ref VARCHAR, doc_date DATE, entered_by VARCHAR, entered_at TIMESTAMP)""",
        """CREATE TABLE flags (
            id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, literal VARCHAR NOT NULL,
            problem VARCHAR NOT NULL, reading VARCHAR NOT NULL, status VARCHAR NOT NULL)""",
        """CREATE TABLE flag_subjects (
            flag_id VARCHAR NOT NULL, subject VARCHAR NOT NULL, PRIMARY KEY (flag_id, subject))""",
        """CREATE TABLE projects (
            id VARCHAR PRIMARY KEY, group_name VARCHAR NOT NULL, subgroup VARCHAR NOT NULL,
            name VARCHAR NOT NULL, overview VARCHAR NOT NULL, start_year INTEGER NOT NULL,
            end_year INTEGER NOT NULL, investment VARCHAR NOT NULL, lead_unit VARCHAR NOT NULL,
            source VARCHAR NOT NULL, sort_order INTEGER NOT NULL)""",
        """CREATE TABLE project_indicators (
            project_id VARCHAR NOT NULL, indicator_code VARCHAR NOT NULL,
            PRIMARY KEY (project_id, indicator_code))""",
        """CREATE TABLE milestones (
            id VARCHAR PRIMARY KEY, project_id VARCHAR NOT NULL, title VARCHAR NOT NULL,
            due DATE NOT NULL, due_text VARCHAR NOT NULL, basis VARCHAR NOT NULL,
            source VARCHAR NOT NULL, sort_order INTEGER NOT NULL)""",
        "CREATE TABLE regions (name VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, sort_order INTEGER NOT NULL)",
        """CREATE TABLE goals (
            id VARCHAR PRIMARY KEY, year INTEGER NOT NULL, theme VARCHAR NOT NULL,
            text VARCHAR NOT NULL, source VARCHAR NOT NULL)""",
        "CREATE SEQUENCE batch_id_seq START 1",
        """CREATE TABLE batches (
            id BIGINT PRIMARY KEY DEFAULT nextval('batch_id_seq'), kind VARCHAR NOT NULL,
            file_name VARCHAR, sha256 VARCHAR, user_name VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL, rows_added INTEGER NOT NULL,
            rows_changed INTEGER NOT NULL, rows_unchanged INTEGER NOT NULL, note VARCHAR)""",
        "CREATE SEQUENCE observation_id_seq START 1",
        """CREATE TABLE observations (
            id BIGINT PRIMARY KEY DEFAULT nextval('observation_id_seq'),
            indicator_code VARCHAR NOT NULL, region VARCHAR NOT NULL, year INTEGER NOT NULL,
            value DOUBLE, source VARCHAR, note VARCHAR, batch_id BIGINT NOT NULL,
            entered_by VARCHAR NOT NULL, entered_at TIMESTAMP NOT NULL)""",
        "CREATE INDEX observations_key ON observations (indicator_code, region, year)",
    ),
    ("ALTER TABLE indicators ADD COLUMN measure VARCHAR NOT NULL DEFAULT 'level'",),
    (
        """CREATE TABLE themes (
            key VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, scope VARCHAR NOT NULL, description VARCHAR NOT NULL,
            source VARCHAR NOT NULL, project_group VARCHAR NOT NULL, sort_order INTEGER NOT NULL)""",
        """CREATE TABLE theme_indicators (
            theme_key VARCHAR NOT NULL, indicator_code VARCHAR NOT NULL, sort_order INTEGER NOT NULL,
            PRIMARY KEY (theme_key, indicator_code))""",
    ),
    (
        """CREATE TABLE users (
            name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL, password_hash VARCHAR NOT NULL,
            disabled BOOLEAN NOT NULL, created_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE login_attempts (
            name VARCHAR NOT NULL, attempted_at TIMESTAMP NOT NULL, success BOOLEAN NOT NULL)""",
        "ALTER TABLE batches ADD COLUMN reverts_batch BIGINT",
        "CREATE SEQUENCE milestone_update_id_seq START 1",
        """CREATE TABLE milestone_updates (
            id BIGINT PRIMARY KEY DEFAULT nextval('milestone_update_id_seq'), milestone_id VARCHAR NOT NULL,
            status VARCHAR NOT NULL, completed_on DATE, note VARCHAR, evidence_link VARCHAR,
            entered_by VARCHAR NOT NULL, entered_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE staff_milestones (
            id VARCHAR PRIMARY KEY, project_id VARCHAR NOT NULL, title VARCHAR NOT NULL, due DATE NOT NULL,
            entered_by VARCHAR NOT NULL, entered_at TIMESTAMP NOT NULL)""",
    ),
    (
        "ALTER TABLE indicators ADD COLUMN name_en VARCHAR",
        "ALTER TABLE targets ADD COLUMN text_en VARCHAR",
        # a document target for one town or street; NULL: the plan's targets and the whole district
        "ALTER TABLE targets ADD COLUMN region VARCHAR",
        "ALTER TABLE login_attempts ADD COLUMN address VARCHAR",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
INSERT_CHUNK = 200

# Plan tables are derived from data/plan and rebuilt as a whole when it changes.
PLAN_TABLES = (
    "indicators", "flags", "flag_subjects", "projects", "project_indicators", "milestones", "goals", "regions",
    "themes", "theme_indicators",
)

# The current revision of every (indicator, region, year); a NULL value retracts it.
CURRENT_OBSERVATIONS = """
    SELECT indicator_code, region, year, value, source, note, batch_id, entered_by, entered_at
    FROM (SELECT o.*, ROW_NUMBER() OVER (
              PARTITION BY indicator_code, region, year ORDER BY id DESC) AS rn
          FROM observations o) latest
    WHERE rn = 1 AND value IS NOT NULL
"""

TARGET_COLUMNS = ("indicator_code, year, rule, value, text, text_en, source, note, derived, origin, region, doc_ref, "
                  "doc_date, entered_by, entered_at")
# The target in force for each (indicator, year, region): the newest staff entry, else the plan's.
CURRENT_TARGETS = f"""
    SELECT {TARGET_COLUMNS}
    FROM (SELECT t.*, ROW_NUMBER() OVER (
              PARTITION BY indicator_code, year, region
              ORDER BY CASE WHEN origin = 'staff' THEN 0 ELSE 1 END, id DESC) AS rn
          FROM targets t) latest
    WHERE rn = 1
"""


class StoreError(Exception):
    """A store problem with a user-facing i18n key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: Lang = "zh") -> str:
        return t(self.key, lang, **self.params)


#: Errors of the disk, not of the data: reported as "disk full", not as whatever DuckDB said next.
DISK_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
DISK_FULL_TEXTS = ("No space left on device", "Disk quota exceeded", "File too large")


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS:
        return True
    return any(text in str(exc) for text in DISK_FULL_TEXTS)


class Observation(BaseModel):
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


class ValuesMoved(StoreError):
    """Values changed by someone else after they were previewed: nothing was written."""

    def __init__(self, moved: Sequence[Revision], default_region: str) -> None:
        super().__init__("store.values_moved")
        self.moved = list(moved)
        self.default_region = default_region

    def message(self, lang: Lang = "zh") -> str:
        items = [t("store.moved_item", lang, user=r.entered_by, time=local_time(r.entered_at),
                   what=" ".join([r.indicator_code, *([r.region] if r.region != self.default_region else []),
                                  str(r.year)]),
                   value="—" if r.value is None else number(r.value)) for r in self.moved]
        return t(self.key, lang, changes=("；" if lang == "zh" else "; ").join(items))


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


class InitReport(BaseModel):
    from_version: int
    to_version: int
    plan_synced: bool


def utcnow() -> dt.datetime:
    """Naive UTC: what every TIMESTAMP column holds (the UI shows Asia/Shanghai)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _connect(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "Could not set lock" in str(exc):
            raise StoreError("cli.db_locked", path=path) from exc
        raise StoreError("cli.db_corrupt", path=path, reason=str(exc).splitlines()[0]) from exc
    except duckdb.Error as exc:
        raise StoreError("cli.db_corrupt", path=path, reason=str(exc).splitlines()[0]) from exc


class Store:
    """A DuckDB file holding the plan and everything users add.

    One ``Store`` per process (DuckDB allows one writer process); every method
    uses its own cursor, so a shared ``Store`` is safe across Streamlit sessions.
    """

    def __init__(self, path: Path, con: duckdb.DuckDBPyConnection) -> None:
        self.path = path
        self._con = con
        self._write_lock = threading.RLock()

    # ---- opening and schema -------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Store:
        """Open ``path``; it must exist unless ``create``."""
        if not create and not path.exists():
            raise StoreError("cli.db_missing", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path, _connect(path))

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One writer at a time in this process (two uploads land one after the other); a conflict
        DuckDB still reports becomes "busy, try again", and the transaction leaves nothing behind."""
        with self._write_lock, self._cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                yield cur
                cur.execute("COMMIT")
            except duckdb.Error as exc:
                _rollback(cur)
                if is_disk_full(exc):
                    raise StoreError("store.disk_full", path=self.path) from exc
                if isinstance(exc, duckdb.TransactionException):
                    raise StoreError("store.busy") from exc
                raise
            except BaseException:
                _rollback(cur)
                raise

    def schema_version(self) -> int:
        with self._cursor() as cur:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
            )
            row = cur.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def init(self, catalog: Catalog, *, force_plan_sync: bool = False) -> InitReport:
        """Apply pending migrations, then rebuild plan tables if the plan changed."""
        found = self.schema_version()
        if found > SCHEMA_VERSION:
            raise StoreError("cli.db_too_new", path=self.path, found=found, supported=SCHEMA_VERSION)
        for version in range(found + 1, SCHEMA_VERSION + 1):
            with self._transaction() as cur:
                for statement in MIGRATIONS[version - 1]:
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version VALUES (?, ?)", [version, utcnow()])
        synced = force_plan_sync or self.meta("plan_digest") != catalog.digest
        if synced:
            self._sync_plan(catalog)
        return InitReport(from_version=found, to_version=SCHEMA_VERSION, plan_synced=synced)

    def meta(self, key: str) -> str | None:
        with self._cursor() as cur:
            row = cur.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction() as cur:
            cur.execute("DELETE FROM meta WHERE key = ?", [key])
            cur.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value])

    def _sync_plan(self, catalog: Catalog) -> None:
        meta = {
            "plan_digest": catalog.digest,
            "plan_title": catalog.plan.title,
            "plan_short_title": catalog.plan.short_title,
            "plan_number": catalog.plan.document_number,
            "plan_issuer": catalog.plan.issuer,
            "plan_issued_on": catalog.plan.issued_on.isoformat(),
            "plan_info": catalog.plan.model_dump_json(),
        }
        inserts: dict[str, tuple[tuple[str, ...], list[list[object]]]] = {
            "indicators": (
                ("code", "seq", "name", "name_en", "category", "unit", "attribute", "direction", "range_min",
                 "range_max", "range_note", "baseline_year", "baseline_text", "baseline_value", "source", "sort_order",
                 "measure"),
                [[i.code, i.seq, i.name, i.name_en, i.category, i.unit, i.attribute, i.direction, i.range[0],
                  i.range[1], i.range_note, i.baseline.year, i.baseline.text, i.baseline.value, i.source, n, i.measure]
                 for n, i in enumerate(catalog.indicators)],
            ),
            "targets": (
                ("indicator_code", "year", "rule", "value", "text", "text_en", "source", "note", "derived", "origin"),
                [[i.code, t.year, t.rule, t.value, t.text, t.text_en, t.source, t.note, t.derived, "plan"]
                 for i in catalog.indicators for t in i.targets],
            ),
            "flags": (
                ("id", "source", "literal", "problem", "reading", "status"),
                [[f.id, f.source, f.literal, f.problem, f.reading, f.status] for f in catalog.flags],
            ),
            "flag_subjects": (("flag_id", "subject"), [[f.id, s] for f in catalog.flags for s in f.subjects]),
            "projects": (
                ("id", "group_name", "subgroup", "name", "overview", "start_year", "end_year", "investment",
                 "lead_unit", "source", "sort_order"),
                [[p.id, p.group, p.subgroup, p.name, p.overview, p.start_year, p.end_year, p.investment,
                  p.lead_unit, p.source, n] for n, p in enumerate(catalog.projects)],
            ),
            "project_indicators": (
                ("project_id", "indicator_code"), [[p.id, code] for p in catalog.projects for code in p.indicators]
            ),
            "milestones": (
                ("id", "project_id", "title", "due", "due_text", "basis", "source", "sort_order"),
                [[m.id, p.id, m.title, m.due, m.due_text, m.basis, m.source, n]
                 for p in catalog.projects for n, m in enumerate(p.milestones)],
            ),
            "goals": (("id", "year", "theme", "text", "source"),
                      [[g.id, g.year, g.theme, g.text, g.source] for g in catalog.goals]),
            "regions": (("name", "source", "sort_order"),
                        [[r["name"], r["source"], n] for n, r in enumerate(catalog.plan.regions)]),
            "themes": (("key", "name", "scope", "description", "source", "project_group", "sort_order"),
                       [[th.key, th.name, th.scope, th.description, th.source, th.project_group, n]
                        for n, th in enumerate(catalog.themes)]),
            "theme_indicators": (("theme_key", "indicator_code", "sort_order"),
                                 [[th.key, code, n] for th in catalog.themes for n, code in enumerate(th.indicators)]),
            "meta": (("key", "value"), [[k, v] for k, v in meta.items()]),
        }
        with self._transaction() as cur:
            for table in PLAN_TABLES:
                cur.execute(f"DELETE FROM {table}")  # table names are constants above
            cur.execute("DELETE FROM targets WHERE origin = 'plan'")
            cur.execute(f"DELETE FROM meta WHERE key IN ({', '.join('?' * len(meta))})", list(meta))
            for table, (columns, rows) in inserts.items():
                _insert_rows(cur, table, columns, rows)

    # ---- reading the plan ----------------------------------------------------
    def indicators(self) -> list[Indicator]:
        """Every indicator in plan order, with the targets currently in force and the plan targets they replaced."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT code, seq, name, name_en, category, unit, attribute, direction, range_min, range_max, "
                "range_note, baseline_year, baseline_text, baseline_value, source, measure FROM indicators "
                "ORDER BY sort_order"
            ).fetchall()
            targets = cur.execute(CURRENT_TARGETS + " ORDER BY indicator_code, year, region").fetchall()
            plan_targets = cur.execute(
                f"SELECT {TARGET_COLUMNS} FROM targets WHERE origin = 'plan' ORDER BY indicator_code, year"
            ).fetchall()
            flags = cur.execute(
                "SELECT subject, flag_id FROM flag_subjects ORDER BY subject, flag_id"
            ).fetchall()
        in_force: dict[str, list[Target]] = {}
        for r in targets:
            in_force.setdefault(r[0], []).append(_target(r))
        replaced: dict[str, list[Target]] = {}
        for r in plan_targets:
            if any(t.year == r[1] and t.origin == "staff" and t.region is None for t in in_force.get(r[0], ())):
                replaced.setdefault(r[0], []).append(_target(r))
        flags_of: dict[str, list[str]] = {}
        for subject, flag_id in flags:
            flags_of.setdefault(subject, []).append(flag_id)
        return [
            Indicator(
                code=r[0], seq=r[1], name=r[2], name_en=r[3], category=r[4], unit=r[5], attribute=r[6],
                direction=r[7], range=(r[8], r[9]), range_note=r[10],
                baseline={"year": r[11], "text": r[12], "value": r[13]}, source=r[14], measure=r[15],
                targets=tuple(in_force.get(r[0], ())), replaced=tuple(replaced.get(r[0], ())),
                flags=tuple(flags_of.get(r[0], ())),
            )
            for r in rows
        ]

    def flags(self) -> list[Flag]:
        with self._cursor() as cur:
            rows = cur.execute("SELECT id, source, literal, problem, reading, status FROM flags ORDER BY id").fetchall()
            subjects = cur.execute("SELECT flag_id, subject FROM flag_subjects ORDER BY flag_id, subject").fetchall()
        of: dict[str, list[str]] = {}
        for flag_id, subject in subjects:
            of.setdefault(flag_id, []).append(subject)
        return [
            Flag(id=r[0], subjects=tuple(of.get(r[0], ())), source=r[1], literal=r[2], problem=r[3], reading=r[4],
                 status=r[5])
            for r in rows
        ]

    def projects(self) -> list[Project]:
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT id, group_name, subgroup, name, overview, start_year, end_year, investment, lead_unit, "
                "source FROM projects ORDER BY sort_order"
            ).fetchall()
            links = cur.execute(
                "SELECT project_id, indicator_code FROM project_indicators ORDER BY project_id, indicator_code"
            ).fetchall()
            ms = cur.execute(
                "SELECT project_id, id, title, due, due_text, basis, source FROM milestones ORDER BY project_id, "
                "sort_order"
            ).fetchall()
            ms += cur.execute(
                "SELECT project_id, id, title, due, CAST(due AS VARCHAR), 'staff', '填报：' || entered_by "
                "FROM staff_milestones ORDER BY project_id, entered_at"
            ).fetchall()
        inds: dict[str, list[str]] = {}
        for pid, code in links:
            inds.setdefault(pid, []).append(code)
        mss: dict[str, list[Milestone]] = {}
        for m in ms:
            mss.setdefault(m[0], []).append(
                Milestone(id=m[1], title=m[2], due=m[3], due_text=m[4], basis=m[5], source=m[6])
            )
        return [
            Project(id=r[0], group=r[1], subgroup=r[2], name=r[3], overview=r[4], start_year=r[5], end_year=r[6],
                    investment=r[7], lead_unit=r[8], source=r[9], indicators=tuple(inds.get(r[0], ())),
                    milestones=tuple(mss.get(r[0], ())))
            for r in rows
        ]

    def plan_info(self) -> PlanInfo:
        """The plan's identity, periods and evaluation duties, as loaded from plan.yaml."""
        return PlanInfo.model_validate_json(self.meta("plan_info") or "{}")

    def themes(self) -> list[Theme]:
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT key, name, scope, description, source, project_group FROM themes ORDER BY sort_order"
            ).fetchall()
            links = cur.execute(
                "SELECT theme_key, indicator_code FROM theme_indicators ORDER BY theme_key, sort_order"
            ).fetchall()
        codes: dict[str, list[str]] = {}
        for key, code in links:
            codes.setdefault(key, []).append(code)
        return [Theme(key=r[0], name=r[1], scope=r[2], description=r[3], source=r[4], project_group=r[5],
                      indicators=tuple(codes.get(r[0], ()))) for r in rows]

    def regions(self) -> list[str]:
        """Region names, the whole district (全区) first."""
        with self._cursor() as cur:
            return [r[0] for r in cur.execute("SELECT name FROM regions ORDER BY sort_order").fetchall()]

    def goals(self) -> list[Goal]:
        with self._cursor() as cur:
            rows = cur.execute("SELECT id, year, theme, text, source FROM goals ORDER BY year, id").fetchall()
        return [Goal(id=r[0], year=r[1], theme=r[2], text=r[3], source=r[4]) for r in rows]

    def record_staff_target(self, indicator_code: str, target: Target, user: str) -> None:
        """A target entered by staff (an assigned value, a later document): a new revision that overrides the
        plan's for that year (and region)."""
        with self._transaction() as cur:
            _insert_rows(
                cur, "targets",
                ("indicator_code", "year", "rule", "value", "text", "text_en", "source", "note", "derived", "origin",
                 "region", "doc_ref", "doc_date", "entered_by", "entered_at"),
                [[indicator_code, target.year, target.rule, target.value, target.text, target.text_en, target.source,
                  target.note, False, "staff", target.region, target.doc_ref, target.doc_date, user, utcnow()]],
            )

    def staff_targets(self) -> list[tuple[str, Target]]:
        """Every target staff entered, oldest first, with its indicator code."""
        with self._cursor() as cur:
            rows = cur.execute(f"SELECT {TARGET_COLUMNS} FROM targets WHERE origin = 'staff' ORDER BY id").fetchall()
        return [(r[0], _target(r)) for r in rows]

    # ---- observations ----------------------------------------------------------
    def current_observations(self) -> list[Observation]:
        """The current value of every (indicator, region, year), in a stable order."""
        with self._cursor() as cur:
            rows = cur.execute(CURRENT_OBSERVATIONS + " ORDER BY indicator_code, region, year").fetchall()
        return [_observation(r) for r in rows]

    def observation_history(self, indicator_code: str | None = None) -> list[Revision]:
        """Every revision ever written (of one indicator, if given), oldest first."""
        sql = REVISION_COLUMNS
        params: list[object] = []
        if indicator_code is not None:
            sql += " WHERE indicator_code = ?"
            params.append(indicator_code)
        with self._cursor() as cur:
            rows = cur.execute(sql + " ORDER BY id", params).fetchall()
        return [_revision(r) for r in rows]

    def batch_revisions(self, batch_id: int) -> list[Revision]:
        """The revisions one batch wrote."""
        with self._cursor() as cur:
            rows = cur.execute(REVISION_COLUMNS + " WHERE batch_id = ? ORDER BY id", [batch_id]).fetchall()
        return [_revision(r) for r in rows]

    def revisions_of(self, indicator_code: str, region: str, year: int) -> list[Revision]:
        """Every revision of one value, oldest first."""
        with self._cursor() as cur:
            rows = cur.execute(
                REVISION_COLUMNS + " WHERE indicator_code = ? AND region = ? AND year = ? ORDER BY id",
                [indicator_code, region, year],
            ).fetchall()
        return [_revision(r) for r in rows]

    def record_batch(
        self,
        rows: Sequence[Observation | Change],
        *,
        kind: str,
        user: str,
        file_name: str | None,
        sha256: str | None,
        counts: tuple[int, int, int],
        reverts_batch: int | None = None,
        expect: Mapping[tuple[str, str, int], int | None] | None = None,
    ) -> Batch:
        """Write ``rows`` as new revisions under one new batch, in one transaction.

        ``expect`` maps (indicator, region, year) to the batch of the newest revision the
        caller saw (None: no current value). It is checked inside the write transaction, so a
        preview or a revert plan that went stale raises ValuesMoved and writes nothing.
        """
        now = utcnow()
        added, changed, unchanged = counts
        with self._transaction() as cur:
            if expect:
                moved = [r for r in _latest_revisions(cur, expect)
                         if (r.value is not None if expect[r.key] is None else r.batch_id != expect[r.key])]
                if moved:
                    first_region = cur.execute("SELECT name FROM regions ORDER BY sort_order LIMIT 1").fetchone()
                    raise ValuesMoved(moved, first_region[0] if first_region else "")
            row = cur.execute(
                "INSERT INTO batches (kind, file_name, sha256, user_name, created_at, rows_added, rows_changed, "
                "rows_unchanged, reverts_batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                [kind, file_name, sha256, user, now, added, changed, unchanged, reverts_batch],
            ).fetchone()
            batch_id = int(row[0])
            _insert_rows(
                cur, "observations",
                ("indicator_code", "region", "year", "value", "source", "note", "batch_id", "entered_by", "entered_at"),
                [[o.indicator_code, o.region, o.year, o.value, o.source, o.note, batch_id, user, now] for o in rows],
            )
        return Batch(id=batch_id, kind=kind, file_name=file_name, sha256=sha256, user_name=user, created_at=now,
                     rows_added=added, rows_changed=changed, rows_unchanged=unchanged, note=None,
                     reverts_batch=reverts_batch)

    def batches(self) -> list[Batch]:
        with self._cursor() as cur:
            rows = cur.execute(BATCH_COLUMNS + " ORDER BY id").fetchall()
        return [_batch(r) for r in rows]

    def latest_batch(self) -> Batch | None:
        """The newest batch: its time is the dashboard's "data as of"."""
        with self._cursor() as cur:
            row = cur.execute(BATCH_COLUMNS + " ORDER BY id DESC LIMIT 1").fetchone()
        return _batch(row) if row else None

    def batch(self, batch_id: int) -> Batch | None:
        with self._cursor() as cur:
            row = cur.execute(BATCH_COLUMNS + " WHERE id = ?", [batch_id]).fetchone()
        return _batch(row) if row else None

    # ---- accounts ---------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str) -> None:
        now = utcnow()
        with self._transaction() as cur:
            cur.execute("INSERT INTO users (name, role, password_hash, disabled, created_at, updated_at) "
                        "VALUES (?, ?, ?, FALSE, ?, ?)", [name, role, password_hash, now, now])

    def user(self, name: str) -> UserRecord | None:
        with self._cursor() as cur:
            row = cur.execute("SELECT name, role, password_hash, disabled, created_at, updated_at FROM users "
                              "WHERE name = ?", [name]).fetchone()
        return UserRecord(name=row[0], role=row[1], password_hash=row[2], disabled=row[3], created_at=row[4],
                          updated_at=row[5]) if row else None

    def users(self) -> list[UserRecord]:
        with self._cursor() as cur:
            names = [r[0] for r in cur.execute("SELECT name FROM users ORDER BY name").fetchall()]
        return [u for u in map(self.user, names) if u is not None]

    def update_user(self, name: str, *, password_hash: str | None = None, disabled: bool | None = None) -> None:
        with self._transaction() as cur:
            if password_hash is not None:
                cur.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?",
                            [password_hash, utcnow(), name])
            if disabled is not None:
                cur.execute("UPDATE users SET disabled = ?, updated_at = ? WHERE name = ?", [disabled, utcnow(), name])

    def record_login(self, name: str, success: bool, at: dt.datetime, address: str | None = None, *,
                     prune_before: dt.datetime | None = None) -> None:
        """One login attempt; attempts older than ``prune_before`` are deleted in the same transaction."""
        with self._transaction() as cur:
            if prune_before is not None:
                cur.execute("DELETE FROM login_attempts WHERE attempted_at < ?", [prune_before])
            cur.execute("INSERT INTO login_attempts (name, attempted_at, success, address) VALUES (?, ?, ?, ?)",
                        [name, at, success, address])

    def failed_logins_since(self, name: str, since: dt.datetime) -> list[dt.datetime]:
        """Failed attempts for ``name`` after ``since`` and after its last success, oldest first."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT attempted_at FROM login_attempts WHERE name = ? AND success = FALSE AND attempted_at > ? "
                "AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM login_attempts "
                "WHERE name = ? AND success = TRUE), ?) ORDER BY attempted_at",
                [name, since, name, since],
            ).fetchall()
        return [r[0] for r in rows]

    def failed_logins_from(self, address: str, since: dt.datetime) -> list[dt.datetime]:
        """Failed attempts from one client address after ``since`` and after its last success, oldest first."""
        with self._cursor() as cur:
            rows = cur.execute(
                "SELECT attempted_at FROM login_attempts WHERE address = ? AND success = FALSE AND attempted_at > ? "
                "AND attempted_at > COALESCE((SELECT MAX(attempted_at) FROM login_attempts "
                "WHERE address = ? AND success = TRUE), ?) ORDER BY attempted_at",
                [address, since, address, since],
            ).fetchall()
        return [r[0] for r in rows]

    def failures_before_latest_login(self, name: str) -> int:
        """Failed attempts for ``name`` between its two latest successful logins (all before the latest, if one)."""
        with self._cursor() as cur:
            wins = [r[0] for r in cur.execute(
                "SELECT attempted_at FROM login_attempts WHERE name = ? AND success = TRUE "
                "ORDER BY attempted_at DESC LIMIT 2", [name]).fetchall()]
            if not wins:
                return 0
            since = wins[1] if len(wins) > 1 else dt.datetime(1970, 1, 1)
            row = cur.execute(
                "SELECT COUNT(*) FROM login_attempts WHERE name = ? AND success = FALSE "
                "AND attempted_at > ? AND attempted_at < ?", [name, since, wins[0]]).fetchone()
        return int(row[0])

    # ---- milestones entered by staff -------------------------------------------
    def add_milestone_update(self, update: MilestoneUpdate) -> None:
        with self._transaction() as cur:
            _insert_rows(cur, "milestone_updates",
                         ("milestone_id", "status", "completed_on", "note", "evidence_link", "entered_by",
                          "entered_at"),
                         [[update.milestone_id, update.status, update.completed_on, update.note,
                           update.evidence_link, update.entered_by, update.entered_at]])

    def milestone_updates(self) -> list[MilestoneUpdate]:
        """Every update, oldest first (the last one per milestone is in force)."""
        with self._cursor() as cur:
            rows = cur.execute("SELECT milestone_id, status, completed_on, note, evidence_link, entered_by, "
                               "entered_at FROM milestone_updates ORDER BY id").fetchall()
        return [MilestoneUpdate(milestone_id=r[0], status=r[1], completed_on=r[2], note=r[3], evidence_link=r[4],
                                entered_by=r[5], entered_at=r[6]) for r in rows]

    def add_staff_milestone(self, project_id: str, title: str, due: dt.date, user: str) -> str:
        """A milestone staff added to a project; its id is the project's id + S + a number."""
        with self._transaction() as cur:
            count = cur.execute("SELECT COUNT(*) FROM staff_milestones WHERE project_id = ?", [project_id]).fetchone()
            milestone_id = f"{project_id}-S{int(count[0]) + 1}"
            cur.execute("INSERT INTO staff_milestones (id, project_id, title, due, entered_by, entered_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)", [milestone_id, project_id, title, due, user, utcnow()])
        return milestone_id

    # ---- backup ----------------------------------------------------------------
    def backup(self, directory: Path) -> None:
        """Every table, schema and sequence position, as Parquet files plus SQL (DuckDB EXPORT DATABASE).

        Written into a hidden temporary folder beside ``directory`` and renamed when complete,
        so a failed backup (a full disk) never leaves a partial folder that looks like a backup.
        """
        directory.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".partial-{directory.name}-", dir=directory.parent))
        try:
            with self._cursor() as cur:
                cur.execute(f"EXPORT DATABASE '{_quoted_path(partial)}' (FORMAT parquet)")
            if directory.exists():
                directory.rmdir()  # the caller checked it is empty
            partial.rename(directory)
        except BaseException as exc:
            shutil.rmtree(partial, ignore_errors=True)
            if is_disk_full(exc):
                raise StoreError("store.disk_full", path=directory) from exc
            raise

    def data_version(self) -> tuple[str | None, int, int, int, int]:
        """Changes whenever anything a page shows changes (one cheap query): for cache keys."""
        with self._cursor() as cur:
            row = cur.execute(
                "SELECT (SELECT value FROM meta WHERE key = 'plan_digest'), (SELECT MAX(id) FROM batches), "
                "(SELECT MAX(id) FROM targets), (SELECT MAX(id) FROM milestone_updates), "
                "(SELECT COUNT(*) FROM staff_milestones)"
            ).fetchone()
        return (row[0], *(int(v or 0) for v in row[1:]))

    def table_counts(self) -> dict[str, int]:
        """Row counts of every table: used by tests to prove nothing changed."""
        tables = ("meta", "targets", "batches", "observations", "users", "login_attempts", "milestone_updates",
                  "staff_milestones", *PLAN_TABLES)
        with self._cursor() as cur:
            return {t: int(cur.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}


def _insert_rows(
    cur: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Multi-row ``INSERT … VALUES (…), (…)`` in chunks: standard SQL, ~7× faster than executemany on DuckDB.

    ``table`` and ``columns`` are constants from this module; values are always bound.
    """
    one = "(" + ", ".join("?" * len(columns)) + ")"
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start : start + INSERT_CHUNK]
        cur.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(chunk))}",
            [value for row in chunk for value in row],
        )


BATCH_COLUMNS = (
    "SELECT id, kind, file_name, sha256, user_name, created_at, rows_added, rows_changed, rows_unchanged, note, "
    "reverts_batch FROM batches"
)
REVISION_COLUMNS = (
    "SELECT id, indicator_code, region, year, value, source, note, batch_id, entered_by, entered_at FROM observations"
)


def _latest_revisions(cur: duckdb.DuckDBPyConnection, keys: Mapping[tuple[str, str, int], object]) -> list[Revision]:
    """The newest revision (a retraction included) of each of ``keys`` that has one."""
    rows = cur.execute(
        REVISION_COLUMNS + " WHERE id IN (SELECT MAX(id) FROM observations GROUP BY indicator_code, region, year)"
    ).fetchall()
    return [rev for rev in map(_revision, rows) if rev.key in keys]


def _rollback(cur: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open: a failed write (a full disk) may already have ended it,
    and the error worth reporting is the first one, not "cannot rollback - no transaction is active"."""
    with suppress(duckdb.Error):
        cur.execute("ROLLBACK")


def _quoted_path(path: Path) -> str:
    """EXPORT/IMPORT DATABASE take a literal, not a parameter: refuse anything but a plain path."""
    text = str(path)
    if "'" in text or "\x00" in text:
        raise StoreError("cli.bad_path", path=path)
    return text


def restore(directory: Path, target: Path) -> None:
    """Load a backup made by ``Store.backup`` into a new DB file (never over an existing one)."""
    if target.exists():
        raise StoreError("cli.restore_exists", path=target)
    if not (directory / "schema.sql").exists():
        raise StoreError("cli.not_a_backup", path=directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(target)
    try:
        con.execute(f"IMPORT DATABASE '{_quoted_path(directory)}'")
    except BaseException:
        con.close()
        target.unlink(missing_ok=True)
        raise
    con.close()


def _target(r: Sequence[object]) -> Target:
    """A row of TARGET_COLUMNS (the indicator code first)."""
    return Target(year=r[1], rule=r[2], value=r[3], text=r[4], text_en=r[5], source=r[6], note=r[7], derived=r[8],
                  origin=r[9], region=r[10], doc_ref=r[11], doc_date=r[12], entered_by=r[13], entered_at=r[14])


def _batch(r: Sequence[object]) -> Batch:
    return Batch(id=r[0], kind=r[1], file_name=r[2], sha256=r[3], user_name=r[4], created_at=r[5], rows_added=r[6],
                 rows_changed=r[7], rows_unchanged=r[8], note=r[9], reverts_batch=r[10])


def _revision(r: Sequence[object]) -> Revision:
    return Revision(id=r[0], indicator_code=r[1], region=r[2], year=r[3], value=r[4], source=r[5], note=r[6],
                    batch_id=r[7], entered_by=r[8], entered_at=r[9])


def _observation(r: Sequence[object]) -> Observation:
    return Observation(
        indicator_code=r[0], region=r[1], year=r[2], value=r[3], source=r[4], note=r[5], batch_id=r[6],
        entered_by=r[7], entered_at=r[8],
    )


def open_store(path: Path, catalog: Catalog, *, create: bool = False) -> Store:
    """Open and bring up to date: migrations and plan sync are idempotent and cheap."""
    store = Store.open(path, create=create)
    try:
        store.init(catalog)
    except BaseException:
        store.close()
        raise
    return store
