"""The database schema as plain, portable SQL: migrations, and the queries that pick current rows.

Types are ones every backend understands (VARCHAR, INTEGER, BIGINT, DOUBLE PRECISION, BOOLEAN, DATE, TIMESTAMP);
ids come from sequences. Version N is applied once, in order, in one transaction.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        "CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
        """CREATE TABLE indicators (
            code VARCHAR PRIMARY KEY, seq INTEGER, name VARCHAR NOT NULL,
            category VARCHAR NOT NULL, unit VARCHAR NOT NULL, attribute VARCHAR,
            direction VARCHAR NOT NULL, range_min DOUBLE PRECISION, range_max DOUBLE PRECISION, range_note VARCHAR,
            baseline_year INTEGER NOT NULL, baseline_text VARCHAR NOT NULL, baseline_value DOUBLE PRECISION,
            source VARCHAR NOT NULL, sort_order INTEGER NOT NULL)""",
        "CREATE SEQUENCE target_id_seq START 1",
        """CREATE TABLE targets (
            id BIGINT PRIMARY KEY DEFAULT nextval('target_id_seq'),
            indicator_code VARCHAR NOT NULL, year INTEGER NOT NULL, rule VARCHAR NOT NULL,
            value DOUBLE PRECISION, text VARCHAR NOT NULL, source VARCHAR NOT NULL, note VARCHAR,
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
            value DOUBLE PRECISION, source VARCHAR, note VARCHAR, batch_id BIGINT NOT NULL,
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
    (
        # the newest revision of every value, kept by the write that makes it: reading current values is one
        # scan of this small table (5,680 rows at a city's scale), not a window over every revision ever made
        """CREATE TABLE current_values (
            indicator_code VARCHAR NOT NULL, region VARCHAR NOT NULL, year INTEGER NOT NULL,
            value DOUBLE PRECISION, source VARCHAR, note VARCHAR, batch_id BIGINT NOT NULL,
            entered_by VARCHAR NOT NULL, entered_at TIMESTAMP NOT NULL, revision_id BIGINT NOT NULL,
            PRIMARY KEY (indicator_code, region, year))""",
        """INSERT INTO current_values
            SELECT indicator_code, region, year, value, source, note, batch_id, entered_by, entered_at, id
            FROM observations WHERE id IN (SELECT MAX(id) FROM observations GROUP BY indicator_code, region, year)""",
    ),
    (
        # regions become data: a tree (区 → 镇/街道); the plan's rows are re-seeded at sync, admins add the rest
        "ALTER TABLE regions ADD COLUMN parent VARCHAR",
        "ALTER TABLE regions ADD COLUMN level VARCHAR NOT NULL DEFAULT '区'",
        "ALTER TABLE regions ADD COLUMN origin VARCHAR NOT NULL DEFAULT 'plan'",
        "ALTER TABLE regions ADD COLUMN entered_by VARCHAR",
        "ALTER TABLE regions ADD COLUMN entered_at TIMESTAMP",
        # revert and the history page read one batch's revisions, and the revisions of its keys, by index
        "CREATE INDEX observations_batch ON observations (batch_id)",
        # the revisions of one value (its history, the revision a revert restores), by index
        "CREATE INDEX observations_key_id ON observations (indicator_code, region, year, id)",
    ),
    (
        # what each current value replaced (its value, source and note; NULL: no value before), kept by the write
        # that replaces it: a revert of the batch that wrote the current values restores them from this one table,
        # without searching any value's history
        "ALTER TABLE current_values ADD COLUMN previous_value DOUBLE PRECISION",
        "ALTER TABLE current_values ADD COLUMN previous_source VARCHAR",
        "ALTER TABLE current_values ADD COLUMN previous_note VARCHAR",
        """UPDATE current_values SET previous_value = p.value, previous_source = p.source, previous_note = p.note
        FROM (SELECT id,
                     LAG(value) OVER (PARTITION BY indicator_code, region, year ORDER BY id) AS value,
                     LAG(source) OVER (PARTITION BY indicator_code, region, year ORDER BY id) AS source,
                     LAG(note) OVER (PARTITION BY indicator_code, region, year ORDER BY id) AS note
              FROM observations) p
        WHERE p.id = current_values.revision_id""",
        # observations_key_id starts with the same columns and serves every lookup this one did: one index fewer
        # to update on every write
        "DROP INDEX observations_key",
    ),
    (
        # each revision names the one it replaced (NULL: the value's first), and each current value the revision
        # it replaced: what a revert restores is one primary-key step from the batch's own rows, so no index over
        # (indicator, region, year, id) is kept up on every write (at a city's scale that upkeep was a third of a
        # revert on PostgreSQL). DuckDB alters no table that an index depends on: the batch index is rebuilt.
        "DROP INDEX observations_key_id",
        "DROP INDEX observations_batch",
        "ALTER TABLE observations ADD COLUMN previous_id BIGINT",
        """UPDATE observations SET previous_id = p.previous_id
        FROM (SELECT id, LAG(id) OVER (PARTITION BY indicator_code, region, year ORDER BY id) AS previous_id
              FROM observations) p
        WHERE p.id = observations.id AND p.previous_id IS NOT NULL""",
        "CREATE INDEX observations_batch ON observations (batch_id)",
        "ALTER TABLE current_values ADD COLUMN previous_revision_id BIGINT",
        """UPDATE current_values SET previous_revision_id = o.previous_id
        FROM observations o WHERE o.id = current_values.revision_id""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)

# Plan tables are derived from data/plan and rebuilt as a whole when it changes.
PLAN_TABLES = (
    "indicators",
    "flags",
    "flag_subjects",
    "projects",
    "project_indicators",
    "milestones",
    "goals",
    "themes",
    "theme_indicators",
)
#: Every table (for counts that prove nothing changed, and for backups compared table by table).
TABLES = (
    "meta",
    "targets",
    "batches",
    "observations",
    "current_values",
    "users",
    "login_attempts",
    "milestone_updates",
    "staff_milestones",
    "regions",
    *PLAN_TABLES,
)

# The current revision of every (indicator, region, year); a NULL value retracts it.
CURRENT_OBSERVATIONS = """
    SELECT indicator_code, region, year, value, source, note, batch_id, entered_by, entered_at
    FROM current_values WHERE value IS NOT NULL
"""
# What a batch wrote becomes the current revision of its values, keeping what it replaces (what a revert of the
# batch restores); a value new to the store gets its first row. A batch writes each value once (MERGE refuses to
# change a row twice). The standard MERGE (PostgreSQL 15, DuckDB ≥ 1.4) is the fast form on both: at a city's scale
# (6,620 values) it takes 11 ms of CPU on DuckDB and 31 on PostgreSQL, against 12 and 48 for UPDATE … FROM plus an
# INSERT of the new values, and 28 and 72 for INSERT … ON CONFLICT DO UPDATE.
UPDATE_CURRENT_VALUES = """
    MERGE INTO current_values c
    USING (SELECT id, indicator_code, region, year, value, source, note, batch_id, entered_by, entered_at
           FROM observations WHERE batch_id = ?) n
    ON c.indicator_code = n.indicator_code AND c.region = n.region AND c.year = n.year
    WHEN MATCHED THEN UPDATE SET
        previous_value = c.value, previous_source = c.source, previous_note = c.note,
        previous_revision_id = c.revision_id, value = n.value,
        source = n.source, note = n.note, batch_id = n.batch_id, entered_by = n.entered_by,
        entered_at = n.entered_at, revision_id = n.id
    WHEN NOT MATCHED THEN INSERT
        (indicator_code, region, year, value, source, note, batch_id, entered_by, entered_at, revision_id)
        VALUES (n.indicator_code, n.region, n.year, n.value, n.source, n.note, n.batch_id, n.entered_by,
                n.entered_at, n.id)
"""

TARGET_COLUMNS = (
    "indicator_code, year, rule, value, text, text_en, source, note, derived, origin, region, doc_ref, "
    "doc_date, entered_by, entered_at"
)
# The target in force for each (indicator, year, region): the newest staff entry, else the plan's.
CURRENT_TARGETS = f"""
    SELECT {TARGET_COLUMNS}
    FROM (SELECT t.*, ROW_NUMBER() OVER (
              PARTITION BY indicator_code, year, region
              ORDER BY CASE WHEN origin = 'staff' THEN 0 ELSE 1 END, id DESC) AS rn
          FROM targets t) latest
    WHERE rn = 1
"""

BATCH_COLUMNS = (
    "SELECT id, kind, file_name, sha256, user_name, created_at, rows_added, rows_changed, rows_unchanged, note, "
    "reverts_batch FROM batches"
)
REVISION_FIELDS = (
    "id",
    "indicator_code",
    "region",
    "year",
    "value",
    "source",
    "note",
    "batch_id",
    "entered_by",
    "entered_at",
)
REVISION_COLUMNS = f"SELECT {', '.join(REVISION_FIELDS)} FROM observations"

# Every revision of one value (its key the three parameters): the chain from its current revision back through the
# revisions each replaced, one primary-key step each; it grows with the value's history, not with the table's.
VALUE_REVISIONS = f"""
    WITH RECURSIVE chain (id, previous_id) AS (
        SELECT o.id, o.previous_id FROM current_values c JOIN observations o ON o.id = c.revision_id
        WHERE c.indicator_code = ? AND c.region = ? AND c.year = ?
        UNION ALL
        SELECT o.id, o.previous_id FROM chain JOIN observations o ON o.id = chain.previous_id)
    SELECT {", ".join("o." + c for c in REVISION_FIELDS)} FROM chain JOIN observations o ON o.id = chain.id
"""

# Each value one batch wrote (``k``: the revision's id ``written_id`` and its key), with the id of the newest
# revision of the same value (``newest_id``, from current_values) and of the one before it (``before_id``, what a
# revert restores; the revision names it): one set-based pass for the whole batch, the batch id its one parameter.
# Callers join ``k`` to observations by id only (primary-key lookups), never back to a second scan of the batch:
# PostgreSQL cannot estimate a new batch's size and would compare every pair. A batch writes each value at most once.
BATCH_NEIGHBOURS = """
    WITH k AS (
        SELECT w.id AS written_id, w.indicator_code, w.region, w.year, c.revision_id AS newest_id,
               w.previous_id AS before_id
        FROM observations w JOIN current_values c
             ON c.indicator_code = w.indicator_code AND c.region = w.region AND c.year = w.year
        WHERE w.batch_id = ?)
"""

# Whether a table exists (information_schema is standard; both backends have it).
TABLE_EXISTS = "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = current_schema()"
COLUMN_EXISTS = (
    "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ? "
    "AND table_schema = current_schema()"
)
