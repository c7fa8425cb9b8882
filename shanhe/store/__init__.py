"""The store: every query Shanhe runs, in plain standard SQL with bound parameters, over a backend.

Plan tables are rebuilt from ``data/plan`` whenever the plan files change; user tables (observations,
batches, staff targets) are append-only and never touched by init, so re-running init can never lose what
users entered. Rows are read by column name. The backend (``duckdb`` or ``postgres``, chosen by the target's
form) owns connections, transactions, placeholders, error mapping and backups; this module owns the SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from shanhe.catalog import Catalog, Flag, Goal, Indicator, Milestone, PlanInfo, Project, Region, Target, Theme
from shanhe.errors import StoreError, ValuesMoved
from shanhe.models import Batch, Change, MilestoneUpdate, Observation, Revision, UserRecord
from shanhe.store.backends import Backend, Cursor, open_backend
from shanhe.store.backends import restore as restore
from shanhe.store.schema import (
    BATCH_COLUMNS,
    BATCH_NEIGHBOURS,
    COLUMN_EXISTS,
    CURRENT_OBSERVATIONS,
    CURRENT_TARGETS,
    MIGRATIONS,
    PLAN_TABLES,
    REVISION_COLUMNS,
    REVISION_FIELDS,
    SCHEMA_VERSION,
    TABLE_EXISTS,
    TABLES,
    TARGET_COLUMNS,
    UPDATE_CURRENT_VALUES,
    VALUE_REVISIONS,
)

INSERT_CHUNK = 200
REVISION_FIELDS_OF_N = ", ".join(f"n.{c}" for c in REVISION_FIELDS)
Row = dict[str, Any]


class InitReport(BaseModel):
    from_version: int
    to_version: int
    plan_synced: bool


def utcnow() -> dt.datetime:
    """Naive UTC: what every TIMESTAMP column holds (the UI shows Asia/Shanghai)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _all(cur: Cursor, sql: str, params: Sequence[object] = ()) -> list[Row]:
    """Every row of a query, as a mapping from column name to value."""
    cur.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _one(cur: Cursor, sql: str, params: Sequence[object] = ()) -> Row | None:
    rows = _all(cur, sql, params)
    return rows[0] if rows else None


def _scalar(cur: Cursor, sql: str, params: Sequence[object] = ()) -> Any:  # noqa: ANN401 - a single SQL value
    cur.execute(sql, list(params))
    row = cur.fetchone()
    return row[0] if row else None


class Store:
    """The plan and everything users add, over one backend (a DuckDB file or a PostgreSQL database).

    Every method is one unit of work on the backend (a read or one write transaction), so a shared ``Store``
    is safe across Streamlit sessions and, on PostgreSQL, across servers.
    """

    def __init__(self, backend: Backend) -> None:
        self._db = backend

    @property
    def url(self) -> str:
        """The store's identity (for caches): the database's path or URL."""
        return self._db.url

    @property
    def label(self) -> str:
        """The database as messages name it: the path, or the URL without its password."""
        return self._db.label

    # ---- opening and schema -------------------------------------------------
    @classmethod
    def open(cls, target: str | Path, *, create: bool = False) -> Store:
        """Open a DuckDB file (it must exist unless ``create``) or a ``postgresql://`` database."""
        return cls(open_backend(target, create=create))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        with self._db.cursor() as cur:
            if not _scalar(cur, TABLE_EXISTS, ["schema_version"]):
                return 0
            found = _scalar(cur, "SELECT MAX(version) FROM schema_version")
        return int(found) if found is not None else 0

    def init(self, catalog: Catalog, *, force_plan_sync: bool = False) -> InitReport:
        """Apply pending migrations, then rebuild plan tables if the plan changed; one process at a time."""
        with self._db.migration_lock():
            found = self._migrate()
            synced = force_plan_sync or self.meta("plan_digest") != catalog.digest
            if synced:
                self._sync_plan(catalog)
        return InitReport(from_version=found, to_version=SCHEMA_VERSION, plan_synced=synced)

    def _migrate(self) -> int:
        """Check the applied migrations' checksums (an edited migration is refused), then apply the pending ones,
        each in its own committed transaction with the backend's own statements for it. Returns the version found."""
        with self._db.transaction() as cur:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL, checksum VARCHAR)"
            )
            if not _scalar(cur, COLUMN_EXISTS, ["schema_version", "checksum"]):  # made before checksums were kept
                cur.execute("ALTER TABLE schema_version ADD COLUMN checksum VARCHAR")
            applied = _all(cur, "SELECT version, checksum FROM schema_version ORDER BY version")
            found = max((int(r["version"]) for r in applied), default=0)
            if found > SCHEMA_VERSION:
                raise StoreError("cli.db_too_new", path=self.label, found=found, supported=SCHEMA_VERSION)
            for r in applied:
                if r["checksum"] is None:  # applied before checksums were kept
                    cur.execute(
                        "UPDATE schema_version SET checksum = ? WHERE version = ?",
                        [migration_checksum(r["version"]), r["version"]],
                    )
                elif r["checksum"] != migration_checksum(r["version"]):
                    raise StoreError("store.migration_changed", path=self.label, version=r["version"])
        for version in range(found + 1, SCHEMA_VERSION + 1):
            with self._db.transaction() as cur:
                for statement in MIGRATIONS[version - 1] + self._db.after_migration.get(version, ()):
                    cur.execute(statement)
                cur.execute(
                    "INSERT INTO schema_version (version, applied_at, checksum) VALUES (?, ?, ?)",
                    [version, utcnow(), migration_checksum(version)],
                )
        return found

    def meta(self, key: str) -> str | None:
        with self._db.cursor() as cur:
            return _scalar(cur, "SELECT value FROM meta WHERE key = ?", [key])

    def set_meta(self, key: str, value: str) -> None:
        with self._db.transaction() as cur:
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
            "default_region": catalog.plan.default_region,
        }
        inserts: dict[str, tuple[tuple[str, ...], list[list[object]]]] = {
            "indicators": (
                (
                    "code",
                    "seq",
                    "name",
                    "name_en",
                    "category",
                    "unit",
                    "attribute",
                    "direction",
                    "range_min",
                    "range_max",
                    "range_note",
                    "baseline_year",
                    "baseline_text",
                    "baseline_value",
                    "source",
                    "sort_order",
                    "measure",
                ),
                [
                    [
                        i.code,
                        i.seq,
                        i.name,
                        i.name_en,
                        i.category,
                        i.unit,
                        i.attribute,
                        i.direction,
                        i.range[0],
                        i.range[1],
                        i.range_note,
                        i.baseline.year,
                        i.baseline.text,
                        i.baseline.value,
                        i.source,
                        n,
                        i.measure,
                    ]
                    for n, i in enumerate(catalog.indicators)
                ],
            ),
            "targets": (
                ("indicator_code", "year", "rule", "value", "text", "text_en", "source", "note", "derived", "origin"),
                [
                    [i.code, t.year, t.rule, t.value, t.text, t.text_en, t.source, t.note, t.derived, "plan"]
                    for i in catalog.indicators
                    for t in i.targets
                ],
            ),
            "flags": (
                ("id", "source", "literal", "problem", "reading", "status"),
                [[f.id, f.source, f.literal, f.problem, f.reading, f.status] for f in catalog.flags],
            ),
            "flag_subjects": (("flag_id", "subject"), [[f.id, s] for f in catalog.flags for s in f.subjects]),
            "projects": (
                (
                    "id",
                    "group_name",
                    "subgroup",
                    "name",
                    "overview",
                    "start_year",
                    "end_year",
                    "investment",
                    "lead_unit",
                    "source",
                    "sort_order",
                ),
                [
                    [
                        p.id,
                        p.group,
                        p.subgroup,
                        p.name,
                        p.overview,
                        p.start_year,
                        p.end_year,
                        p.investment,
                        p.lead_unit,
                        p.source,
                        n,
                    ]
                    for n, p in enumerate(catalog.projects)
                ],
            ),
            "project_indicators": (
                ("project_id", "indicator_code"),
                [[p.id, code] for p in catalog.projects for code in p.indicators],
            ),
            "milestones": (
                ("id", "project_id", "title", "due", "due_text", "basis", "source", "sort_order"),
                [
                    [m.id, p.id, m.title, m.due, m.due_text, m.basis, m.source, n]
                    for p in catalog.projects
                    for n, m in enumerate(p.milestones)
                ],
            ),
            "goals": (
                ("id", "year", "theme", "text", "source"),
                [[g.id, g.year, g.theme, g.text, g.source] for g in catalog.goals],
            ),
            "regions": (
                ("name", "parent", "level", "source", "sort_order", "origin"),
                [[r.name, r.parent, r.level, r.source, n, "plan"] for n, r in enumerate(catalog.plan.regions)],
            ),
            "themes": (
                ("key", "name", "scope", "description", "source", "project_group", "sort_order"),
                [
                    [th.key, th.name, th.scope, th.description, th.source, th.project_group, n]
                    for n, th in enumerate(catalog.themes)
                ],
            ),
            "theme_indicators": (
                ("theme_key", "indicator_code", "sort_order"),
                [[th.key, code, n] for th in catalog.themes for n, code in enumerate(th.indicators)],
            ),
            "meta": (("key", "value"), [[k, v] for k, v in meta.items()]),
        }
        with self._db.transaction() as cur:
            for table in PLAN_TABLES:
                cur.execute(f"DELETE FROM {table}")  # table names are constants of the schema
            cur.execute("DELETE FROM targets WHERE origin = 'plan'")
            names = catalog.plan.region_names  # the plan's regions are re-seeded; those admins added stay
            cur.execute(
                f"DELETE FROM regions WHERE origin = 'plan' OR name IN ({', '.join('?' * len(names))})", list(names)
            )
            cur.execute(f"DELETE FROM meta WHERE key IN ({', '.join('?' * len(meta))})", list(meta))
            for table, (columns, rows) in inserts.items():
                _insert_rows(cur, table, columns, rows)

    # ---- reading the plan ----------------------------------------------------
    def indicators(self) -> list[Indicator]:
        """Every indicator in plan order, with the targets currently in force and the plan targets they replaced."""
        with self._db.cursor() as cur:
            rows = _all(
                cur,
                "SELECT code, seq, name, name_en, category, unit, attribute, direction, range_min, range_max, "
                "range_note, baseline_year, baseline_text, baseline_value, source, measure FROM indicators "
                "ORDER BY sort_order",
            )
            targets = _all(cur, CURRENT_TARGETS + " ORDER BY indicator_code, year, region")
            plan_targets = _all(
                cur, f"SELECT {TARGET_COLUMNS} FROM targets WHERE origin = 'plan' ORDER BY indicator_code, year"
            )
            flags = _all(cur, "SELECT subject, flag_id FROM flag_subjects ORDER BY subject, flag_id")
        in_force: dict[str, list[Target]] = {}
        for r in targets:
            in_force.setdefault(r["indicator_code"], []).append(_target(r))
        replaced: dict[str, list[Target]] = {}
        for r in plan_targets:
            if any(
                t.year == r["year"] and t.origin == "staff" and t.region is None
                for t in in_force.get(r["indicator_code"], ())
            ):
                replaced.setdefault(r["indicator_code"], []).append(_target(r))
        flags_of: dict[str, list[str]] = {}
        for r in flags:
            flags_of.setdefault(r["subject"], []).append(r["flag_id"])
        return [
            Indicator(
                code=r["code"],
                seq=r["seq"],
                name=r["name"],
                name_en=r["name_en"],
                category=r["category"],
                unit=r["unit"],
                attribute=r["attribute"],
                direction=r["direction"],
                range=(r["range_min"], r["range_max"]),
                range_note=r["range_note"],
                baseline={"year": r["baseline_year"], "text": r["baseline_text"], "value": r["baseline_value"]},
                source=r["source"],
                measure=r["measure"],
                targets=tuple(in_force.get(r["code"], ())),
                replaced=tuple(replaced.get(r["code"], ())),
                flags=tuple(flags_of.get(r["code"], ())),
            )
            for r in rows
        ]

    def flags(self) -> list[Flag]:
        with self._db.cursor() as cur:
            rows = _all(cur, "SELECT id, source, literal, problem, reading, status FROM flags ORDER BY id")
            subjects = _all(cur, "SELECT flag_id, subject FROM flag_subjects ORDER BY flag_id, subject")
        of: dict[str, list[str]] = {}
        for r in subjects:
            of.setdefault(r["flag_id"], []).append(r["subject"])
        return [Flag(subjects=tuple(of.get(r["id"], ())), **r) for r in rows]

    def projects(self) -> list[Project]:
        with self._db.cursor() as cur:
            rows = _all(
                cur,
                "SELECT id, group_name, subgroup, name, overview, start_year, end_year, investment, "
                "lead_unit, source FROM projects ORDER BY sort_order",
            )
            links = _all(
                cur, "SELECT project_id, indicator_code FROM project_indicators ORDER BY project_id, indicator_code"
            )
            milestones = _all(
                cur,
                "SELECT project_id, id, title, due, due_text, basis, source FROM milestones "
                "ORDER BY project_id, sort_order",
            )
            milestones += _all(
                cur,
                "SELECT project_id, id, title, due, CAST(due AS VARCHAR) AS due_text, "
                "'staff' AS basis, '填报：' || entered_by AS source FROM staff_milestones "
                "ORDER BY project_id, entered_at",
            )
        indicators: dict[str, list[str]] = {}
        for r in links:
            indicators.setdefault(r["project_id"], []).append(r["indicator_code"])
        of: dict[str, list[Milestone]] = {}
        for m in milestones:
            project = m.pop("project_id")
            of.setdefault(project, []).append(Milestone(**m))
        return [
            Project(
                group=r.pop("group_name"),
                indicators=tuple(indicators.get(r["id"], ())),
                milestones=tuple(of.get(r["id"], ())),
                **r,
            )
            for r in rows
        ]

    def plan_info(self) -> PlanInfo:
        """The plan's identity, periods and evaluation duties, as loaded from plan.yaml."""
        return PlanInfo.model_validate_json(self.meta("plan_info") or "{}")

    def themes(self) -> list[Theme]:
        with self._db.cursor() as cur:
            rows = _all(
                cur, "SELECT key, name, scope, description, source, project_group FROM themes ORDER BY sort_order"
            )
            links = _all(cur, "SELECT theme_key, indicator_code FROM theme_indicators ORDER BY theme_key, sort_order")
        codes: dict[str, list[str]] = {}
        for r in links:
            codes.setdefault(r["theme_key"], []).append(r["indicator_code"])
        return [Theme(indicators=tuple(codes.get(r["key"], ())), **r) for r in rows]

    def regions(self) -> list[str]:
        """Region names: the plan's (the district first), then those admins added, in the order added."""
        return [r.name for r in self.region_tree()]

    def region_tree(self) -> list[Region]:
        """Every region with its parent and level, in the order of ``regions``."""
        with self._db.cursor() as cur:
            rows = _all(cur, "SELECT name, parent, level, source FROM regions ORDER BY sort_order, name")
        return [Region(**r) for r in rows]

    def add_region(self, region: Region, user: str) -> None:
        """A town or street under an existing region; its name must be new (the caller checked the role)."""
        with self._db.transaction() as cur:
            if _scalar(cur, "SELECT COUNT(*) FROM regions WHERE name = ?", [region.name]):
                raise StoreError("regions.exists", region=region.name)
            if not _scalar(cur, "SELECT COUNT(*) FROM regions WHERE name = ?", [region.parent]):
                raise StoreError("regions.no_parent", region=region.name, parent=region.parent)
            cur.execute(
                "INSERT INTO regions (name, parent, level, source, sort_order, origin, entered_by, entered_at) "
                "SELECT ?, ?, ?, ?, COALESCE(MAX(sort_order), 0) + 1, 'staff', ?, ? FROM regions",
                [region.name, region.parent, region.level, region.source, user, utcnow()],
            )

    def goals(self) -> list[Goal]:
        with self._db.cursor() as cur:
            return [Goal(**r) for r in _all(cur, "SELECT id, year, theme, text, source FROM goals ORDER BY year, id")]

    def record_staff_target(self, indicator_code: str, target: Target, user: str) -> None:
        """A target entered by staff (an assigned value, a later document): a new revision that overrides the
        plan's for that year (and region)."""
        with self._db.transaction() as cur:
            _insert_rows(
                cur,
                "targets",
                (
                    "indicator_code",
                    "year",
                    "rule",
                    "value",
                    "text",
                    "text_en",
                    "source",
                    "note",
                    "derived",
                    "origin",
                    "region",
                    "doc_ref",
                    "doc_date",
                    "entered_by",
                    "entered_at",
                ),
                [
                    [
                        indicator_code,
                        target.year,
                        target.rule,
                        target.value,
                        target.text,
                        target.text_en,
                        target.source,
                        target.note,
                        False,
                        "staff",
                        target.region,
                        target.doc_ref,
                        target.doc_date,
                        user,
                        utcnow(),
                    ]
                ],
            )

    def staff_targets(self) -> list[tuple[str, Target]]:
        """Every target staff entered, oldest first, with its indicator code."""
        with self._db.cursor() as cur:
            rows = _all(cur, f"SELECT {TARGET_COLUMNS} FROM targets WHERE origin = 'staff' ORDER BY id")
        return [(r["indicator_code"], _target(r)) for r in rows]

    # ---- observations ----------------------------------------------------------
    def current_observations(self) -> list[Observation]:
        """The current value of every (indicator, region, year), in a stable order."""
        with self._db.cursor() as cur:
            rows = _all(cur, CURRENT_OBSERVATIONS + " ORDER BY indicator_code, region, year")
        return [Observation(**r) for r in rows]

    def observation_history(self, indicator_code: str | None = None) -> list[Revision]:
        """Every revision ever written (of one indicator, if given), oldest first."""
        sql = REVISION_COLUMNS
        params: list[object] = []
        if indicator_code is not None:
            sql += " WHERE indicator_code = ?"
            params.append(indicator_code)
        with self._db.cursor() as cur:
            return [Revision(**r) for r in _all(cur, sql + " ORDER BY id", params)]

    def batch_with_neighbours(self, batch_id: int) -> list[tuple[Revision, Revision | None, Revision | None]]:
        """Each revision ``batch_id`` wrote, with a later revision of the same value (None if it is still the
        newest) and the revision before it (what a revert restores; None if there was none). One query per batch.
        """
        columns = ", ".join(f"{a}.{c} AS {a}_{c}" for a in ("w", "n", "p") for c in REVISION_FIELDS)
        sql = BATCH_NEIGHBOURS + (
            f"SELECT {columns} FROM k JOIN observations w ON w.id = k.written_id "
            "JOIN observations n ON n.id = k.newest_id LEFT JOIN observations p ON p.id = k.before_id ORDER BY w.id"
        )
        with self._db.cursor() as cur:
            rows = _all(cur, sql, [batch_id])

        def revision(r: Row, alias: str) -> Revision:
            return Revision(**{c: r[f"{alias}_{c}"] for c in REVISION_FIELDS})

        return [
            (
                revision(r, "w"),
                None if r["n_id"] == r["w_id"] else revision(r, "n"),
                None if r["p_id"] is None else revision(r, "p"),
            )
            for r in rows
        ]

    def record_revert(self, batch_id: int, user: str) -> Batch:
        """Revert ``batch_id`` in one transaction of set-based statements: refuse (ValuesMoved) if a later batch
        changed any of its values, else write one new revision per value restoring the one before (a retraction
        where there was none), under a new batch of kind "revert".

        While none of its values changed since, the batch's revisions are exactly the current values whose batch
        it is (a batch writes each value once), and each current value keeps what it replaced: the revert swaps the
        two in that one table, giving each value its new revision's id, then copies those rows into the history.
        Neither step searches a value's history or joins the history to itself.
        """
        now = utcnow()
        with self._db.transaction() as cur:
            counts = _one(
                cur,
                "SELECT (SELECT COUNT(*) FROM observations WHERE batch_id = ?) AS written, COUNT(*) AS still_current, "
                "COUNT(previous_value) AS restored, nextval('batch_id_seq') AS new_id FROM current_values "
                "WHERE batch_id = ?",
                [batch_id, batch_id],
            )
            assert counts is not None  # an aggregate always gives one row
            if counts["still_current"] != counts["written"]:
                newer = _all(
                    cur,
                    BATCH_NEIGHBOURS + f"SELECT {REVISION_FIELDS_OF_N} FROM k "
                    "JOIN observations n ON n.id = k.newest_id WHERE k.newest_id <> k.written_id ORDER BY n.id",
                    [batch_id],
                )
                district = _scalar(cur, "SELECT value FROM meta WHERE key = 'default_region'")
                raise ValuesMoved([Revision(**r) for r in newer], district or "")
            total, restored, new_id = int(counts["written"]), int(counts["restored"]), int(counts["new_id"])
            cur.execute(
                "INSERT INTO batches (id, kind, file_name, sha256, user_name, created_at, rows_added, rows_changed, "
                "rows_unchanged, reverts_batch) VALUES (?, 'revert', NULL, NULL, ?, ?, 0, ?, ?, ?)",
                [new_id, user, now, restored, total - restored, batch_id],
            )
            cur.execute(
                "UPDATE current_values SET previous_value = value, previous_source = source, previous_note = note, "
                "previous_revision_id = revision_id, value = previous_value, source = previous_source, "
                "note = previous_note, batch_id = ?, entered_by = ?, entered_at = ?, "
                "revision_id = nextval('observation_id_seq') WHERE batch_id = ?",
                [new_id, user, now, batch_id],
            )
            cur.execute(
                "INSERT INTO observations (id, indicator_code, region, year, value, source, note, batch_id, "
                "entered_by, entered_at, previous_id) SELECT revision_id, indicator_code, region, year, value, "
                "source, note, batch_id, entered_by, entered_at, previous_revision_id FROM current_values "
                "WHERE batch_id = ?",
                [new_id],
            )
        return Batch(
            id=new_id,
            kind="revert",
            file_name=None,
            sha256=None,
            user_name=user,
            created_at=now,
            rows_added=0,
            rows_changed=restored,
            rows_unchanged=total - restored,
            note=None,
            reverts_batch=batch_id,
        )

    def revisions_of(self, indicator_code: str, region: str, year: int) -> list[Revision]:
        """Every revision of one value, oldest first."""
        with self._db.cursor() as cur:
            rows = _all(cur, VALUE_REVISIONS + " ORDER BY o.id", [indicator_code, region, year])
        return [Revision(**r) for r in rows]

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
        A batch writes each value once (the importer refuses a file that gives one twice).
        """
        if len({r.key for r in rows}) != len(rows):
            raise ValueError("a batch writes each (indicator, region, year) once")
        now = utcnow()
        added, changed, unchanged = counts
        with self._db.transaction() as cur:
            newest = _newest_revisions(cur, {r.indicator_code for r in rows} | {key[0] for key in expect or ()})
            if expect:
                moved = [  # the ids of the newest revisions the preview did not see
                    revision_id
                    for key, (revision_id, batch, value) in newest.items()
                    if key in expect and (value is not None if expect[key] is None else batch != expect[key])
                ]
                if moved:
                    marks = ", ".join("?" * len(moved))
                    found = _all(cur, f"{REVISION_COLUMNS} WHERE id IN ({marks}) ORDER BY id", moved)
                    district = _scalar(cur, "SELECT value FROM meta WHERE key = 'default_region'")
                    raise ValuesMoved([Revision(**r) for r in found], district or "")
            batch_id = int(
                _scalar(
                    cur,
                    "INSERT INTO batches (kind, file_name, sha256, user_name, created_at, rows_added, rows_changed, "
                    "rows_unchanged, reverts_batch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    [kind, file_name, sha256, user, now, added, changed, unchanged, reverts_batch],
                )
            )
            _insert_rows(
                cur,
                "observations",
                OBSERVATION_COLUMNS,
                [
                    [
                        o.indicator_code,
                        o.region,
                        o.year,
                        o.value,
                        o.source,
                        o.note,
                        batch_id,
                        user,
                        now,
                        newest[o.key][0] if o.key in newest else None,
                    ]
                    for o in rows
                ],
            )
            cur.execute(UPDATE_CURRENT_VALUES, [batch_id])
        return Batch(
            id=batch_id,
            kind=kind,
            file_name=file_name,
            sha256=sha256,
            user_name=user,
            created_at=now,
            rows_added=added,
            rows_changed=changed,
            rows_unchanged=unchanged,
            note=None,
            reverts_batch=reverts_batch,
        )

    def batches(self) -> list[Batch]:
        with self._db.cursor() as cur:
            return [Batch(**r) for r in _all(cur, BATCH_COLUMNS + " ORDER BY id")]

    def latest_batch(self) -> Batch | None:
        """The newest batch: its time is the dashboard's "data as of"."""
        with self._db.cursor() as cur:
            row = _one(cur, BATCH_COLUMNS + " ORDER BY id DESC LIMIT 1")
        return Batch(**row) if row else None

    def batch(self, batch_id: int) -> Batch | None:
        with self._db.cursor() as cur:
            row = _one(cur, BATCH_COLUMNS + " WHERE id = ?", [batch_id])
        return Batch(**row) if row else None

    # ---- accounts ---------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str) -> None:
        now = utcnow()
        with self._db.transaction() as cur:
            cur.execute(
                "INSERT INTO users (name, role, password_hash, disabled, created_at, updated_at) "
                "VALUES (?, ?, ?, FALSE, ?, ?)",
                [name, role, password_hash, now, now],
            )

    def user(self, name: str) -> UserRecord | None:
        with self._db.cursor() as cur:
            row = _one(
                cur,
                "SELECT name, role, password_hash, disabled, created_at, updated_at FROM users WHERE name = ?",
                [name],
            )
        return UserRecord(**row) if row else None

    def users(self) -> list[UserRecord]:
        with self._db.cursor() as cur:
            rows = _all(
                cur, "SELECT name, role, password_hash, disabled, created_at, updated_at FROM users ORDER BY name"
            )
        return [UserRecord(**r) for r in rows]

    def update_user(self, name: str, *, password_hash: str | None = None, disabled: bool | None = None) -> None:
        with self._db.transaction() as cur:
            if password_hash is not None:
                cur.execute(
                    "UPDATE users SET password_hash = ?, updated_at = ? WHERE name = ?", [password_hash, utcnow(), name]
                )
            if disabled is not None:
                cur.execute("UPDATE users SET disabled = ?, updated_at = ? WHERE name = ?", [disabled, utcnow(), name])

    def record_login(
        self,
        name: str,
        success: bool,
        at: dt.datetime,
        address: str | None = None,
        *,
        prune_before: dt.datetime | None = None,
    ) -> None:
        """One login attempt; attempts older than ``prune_before`` are deleted in the same transaction."""
        with self._db.transaction() as cur:
            if prune_before is not None:
                cur.execute("DELETE FROM login_attempts WHERE attempted_at < ?", [prune_before])
            cur.execute(
                "INSERT INTO login_attempts (name, attempted_at, success, address) VALUES (?, ?, ?, ?)",
                [name, at, success, address],
            )

    def failed_logins_since(self, name: str, since: dt.datetime) -> list[dt.datetime]:
        """Failed attempts for ``name`` after ``since`` and after its last success, oldest first."""
        with self._db.cursor() as cur:
            rows = _all(
                cur,
                "SELECT attempted_at FROM login_attempts WHERE name = ? AND success = FALSE "
                "AND attempted_at > ? AND attempted_at > COALESCE((SELECT MAX(attempted_at) "
                "FROM login_attempts WHERE name = ? AND success = TRUE), ?) ORDER BY attempted_at",
                [name, since, name, since],
            )
        return [r["attempted_at"] for r in rows]

    def failed_logins_from(self, address: str, since: dt.datetime) -> list[dt.datetime]:
        """Failed attempts from one client address after ``since`` and after its last success, oldest first."""
        with self._db.cursor() as cur:
            rows = _all(
                cur,
                "SELECT attempted_at FROM login_attempts WHERE address = ? AND success = FALSE "
                "AND attempted_at > ? AND attempted_at > COALESCE((SELECT MAX(attempted_at) "
                "FROM login_attempts WHERE address = ? AND success = TRUE), ?) ORDER BY attempted_at",
                [address, since, address, since],
            )
        return [r["attempted_at"] for r in rows]

    def failures_before_latest_login(self, name: str) -> int:
        """Failed attempts for ``name`` between its two latest successful logins (all before the latest, if one)."""
        with self._db.cursor() as cur:
            wins = [
                r["attempted_at"]
                for r in _all(
                    cur,
                    "SELECT attempted_at FROM login_attempts WHERE name = ? AND success = TRUE "
                    "ORDER BY attempted_at DESC LIMIT 2",
                    [name],
                )
            ]
            if not wins:
                return 0
            since = wins[1] if len(wins) > 1 else dt.datetime(1970, 1, 1)
            return int(
                _scalar(
                    cur,
                    "SELECT COUNT(*) FROM login_attempts WHERE name = ? AND success = FALSE "
                    "AND attempted_at > ? AND attempted_at < ?",
                    [name, since, wins[0]],
                )
            )

    # ---- milestones entered by staff -------------------------------------------
    def add_milestone_update(self, update: MilestoneUpdate) -> None:
        with self._db.transaction() as cur:
            _insert_rows(
                cur,
                "milestone_updates",
                ("milestone_id", "status", "completed_on", "note", "evidence_link", "entered_by", "entered_at"),
                [
                    [
                        update.milestone_id,
                        update.status,
                        update.completed_on,
                        update.note,
                        update.evidence_link,
                        update.entered_by,
                        update.entered_at,
                    ]
                ],
            )

    def milestone_updates(self) -> list[MilestoneUpdate]:
        """Every update, oldest first (the last one per milestone is in force)."""
        with self._db.cursor() as cur:
            rows = _all(
                cur,
                "SELECT milestone_id, status, completed_on, note, evidence_link, entered_by, "
                "entered_at FROM milestone_updates ORDER BY id",
            )
        return [MilestoneUpdate(**r) for r in rows]

    def add_staff_milestone(self, project_id: str, title: str, due: dt.date, user: str) -> str:
        """A milestone staff added to a project; its id is the project's id + S + the next number (the highest so
        far + 1, read inside the write transaction, which holds the backend's write lock on every server)."""
        with self._db.transaction() as cur:
            prefix = f"{project_id}-S"
            taken = _all(cur, "SELECT id FROM staff_milestones WHERE project_id = ?", [project_id])
            numbers = [int(r["id"][len(prefix) :]) for r in taken if r["id"][len(prefix) :].isdigit()]
            milestone_id = f"{prefix}{max(numbers, default=0) + 1}"
            cur.execute(
                "INSERT INTO staff_milestones (id, project_id, title, due, entered_by, entered_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [milestone_id, project_id, title, due, user, utcnow()],
            )
        return milestone_id

    # ---- backup and bookkeeping --------------------------------------------------
    def backup(self, directory: Path) -> None:
        """Every table into ``directory`` (complete, or not there at all)."""
        self._db.backup(directory)

    def data_version(self) -> tuple[str | None, int, int, int, int, int]:
        """Changes whenever anything a page shows changes (one cheap query): for cache keys."""
        with self._db.cursor() as cur:
            row = _one(
                cur,
                "SELECT (SELECT value FROM meta WHERE key = 'plan_digest') AS digest, "
                "(SELECT MAX(id) FROM batches) AS batch, (SELECT MAX(id) FROM targets) AS target, "
                "(SELECT MAX(id) FROM milestone_updates) AS milestone, "
                "(SELECT COUNT(*) FROM staff_milestones) AS staff_milestones, "
                "(SELECT COUNT(*) FROM regions) AS regions",
            )
        assert row is not None  # a SELECT without FROM always gives one row
        counters = ("batch", "target", "milestone", "staff_milestones", "regions")
        return (row["digest"], *(int(row[k] or 0) for k in counters))

    def table_counts(self) -> dict[str, int]:
        """Row counts of every table: used by tests to prove nothing changed."""
        with self._db.cursor() as cur:
            return {t: int(_scalar(cur, f"SELECT COUNT(*) FROM {t}")) for t in TABLES}


def _insert_rows(cur: Cursor, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Multi-row ``INSERT … VALUES (…), (…)`` in chunks: standard SQL, ~7× faster than executemany on DuckDB.

    ``table`` and ``columns`` are constants of this module; values are always bound.
    """
    one = "(" + ", ".join("?" * len(columns)) + ")"
    for start in range(0, len(rows), INSERT_CHUNK):
        chunk = rows[start : start + INSERT_CHUNK]
        cur.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([one] * len(chunk))}",
            [value for row in chunk for value in row],
        )


#: What a batch writes per revision: a revision's fields but its id (from the sequence), and the revision of the
#: same value it replaces.
OBSERVATION_COLUMNS = (*(c for c in REVISION_FIELDS if c != "id"), "previous_id")


def _newest_revisions(cur: Cursor, codes: set[str]) -> dict[tuple[str, str, int], tuple[int, int, float | None]]:
    """The newest revision's id, batch and value (None: a retraction) of every value of these indicators: what a
    batch writing some of them replaces, and what its preview saw. A one-value write reads one indicator's values,
    not all; plain rows, since an import reads thousands."""
    if not codes:
        return {}
    marks = ", ".join("?" * len(codes))
    cur.execute(
        "SELECT indicator_code, region, year, revision_id, batch_id, value FROM current_values "
        f"WHERE indicator_code IN ({marks})",
        sorted(codes),
    )
    return {(code, region, year): (rev, batch, value) for code, region, year, rev, batch, value in cur.fetchall()}


def migration_checksum(version: int) -> str:
    """What migration ``version`` ran, as a digest: a migration edited after release is caught at startup."""
    return hashlib.sha256("\n;\n".join(MIGRATIONS[version - 1]).encode()).hexdigest()


def _target(r: Row) -> Target:
    """A row of TARGET_COLUMNS."""
    return Target(**{k: v for k, v in r.items() if k != "indicator_code"})


def open_store(target: str | Path, catalog: Catalog, *, create: bool = False) -> Store:
    """Open and bring up to date: migrations and plan sync are idempotent and cheap."""
    store = Store.open(target, create=create)
    try:
        store.init(catalog)
    except BaseException:
        store.close()
        raise
    return store
