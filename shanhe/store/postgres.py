"""The server backend: PostgreSQL (15 on Debian 12, and the databases compatible with it), for several servers.

Every unit of work borrows a connection from a pool and runs in its own transaction: a read sees one snapshot
(REPEATABLE READ), a write is SERIALIZABLE and holds an advisory lock taken before it starts, so writers on every
server queue one after the other and each re-checks what it depends on against everything committed before it. A
serialisation failure or deadlock (a writer outside Shanhe's lock) becomes "someone just changed these values,
try again". The SQL is written with ``?`` placeholders; the cursor here turns them into psycopg's ``%s``.
Backups are ``pg_dump`` custom-format archives, restored by ``pg_restore`` into an empty database.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

import psycopg
from psycopg import errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg_pool import ConnectionPool, PoolTimeout

from shanhe.errors import StoreError

#: Advisory lock keys (any two fixed bigints): one for writes, one for migrations.
WRITE_LOCK = 0x5348_414E_4845_0001
MIGRATION_LOCK = 0x5348_414E_4845_0002
#: How long a unit of work waits for a pooled connection, and a new store for the server (seconds).
CONNECT_SECONDS = 10.0
#: How long a write waits for the writer before it (seconds).
BUSY_SECONDS = 30.0
#: Connections each server process keeps (Streamlit serves every session from one process).
POOL_SIZE = 8
#: The file a backup folder holds.
DUMP_NAME = "shanhe.pgdump"


def is_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def to_psycopg(sql: str) -> str:
    """``?`` placeholders outside string literals become ``%s``; a literal ``%`` becomes ``%%``."""
    out: list[str] = []
    quoted = False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        if ch == "%":
            out.append("%%")
        elif ch == "?" and not quoted:
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


class Cursor:
    """A psycopg cursor that takes the store's ``?`` SQL (the interface DuckDB's cursors have)."""

    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self._cur = cur

    def execute(self, sql: str, params: Sequence[object] | None = None) -> Cursor:
        if params:
            self._cur.execute(to_psycopg(sql), list(params))
        else:
            self._cur.execute(sql)
        return self

    @property
    def description(self) -> Sequence[Any]:
        return self._cur.description or ()

    def fetchone(self) -> tuple[Any, ...] | None:
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self._cur.fetchall()


class PostgresBackend:
    """A connection pool on one PostgreSQL database; every unit of work is one transaction."""

    #: PostgreSQL's own statements, run in the same transaction as the shared migration of that version.
    #: current_values: every import rewrites each of its rows; with half of each page free PostgreSQL updates a row
    #: in its page without touching the index (a "HOT" update) and prunes old versions in place. At a city's scale
    #: (6,620 values, 20 imports) the table stays at 194 pages instead of 1,015, and updating every row of it took
    #: 28 ms of CPU instead of 50 (measured with an UPDATE … FROM).
    after_migration: ClassVar[Mapping[int, tuple[str, ...]]] = {
        8: ("ALTER TABLE current_values SET (fillfactor = 50)",)
    }

    def __init__(self, url: str, pool: ConnectionPool) -> None:
        self.url = url
        self.label = display_url(url)
        self._pool = pool

    @classmethod
    def open(cls, url: str) -> PostgresBackend:
        """Connect (waiting a bounded time for the server); the database must exist (``createdb``)."""
        pool = ConnectionPool(
            url,
            min_size=1,
            max_size=POOL_SIZE,
            kwargs={"autocommit": True},
            configure=_configure,
            check=ConnectionPool.check_connection,  # a connection the server dropped (a restart) is replaced
            timeout=CONNECT_SECONDS,
            open=False,
            name="shanhe",
        )
        try:
            pool.open(wait=True, timeout=CONNECT_SECONDS)
        except PoolTimeout as exc:
            pool.close()
            reason = _unreachable_reason(url)
            raise StoreError("store.unreachable", url=display_url(url), reason=reason) from exc
        return cls(url, pool)

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _unit(self, begin: str, *, lock: int | None = None) -> Iterator[Cursor]:
        """One transaction on a pooled connection. ``lock``: an advisory lock taken before the transaction starts
        (so its snapshot includes whatever the previous holder committed) and released after it ends."""
        try:
            with self._pool.connection() as conn, conn.cursor() as raw:
                if lock is not None:
                    raw.execute(f"SELECT pg_advisory_lock({lock})")
                try:
                    raw.execute(begin)
                    try:
                        yield Cursor(raw)
                        raw.execute("COMMIT")
                    except BaseException:
                        if not conn.closed:
                            conn.rollback()
                        raise
                finally:
                    if lock is not None and not conn.closed:
                        raw.execute(f"SELECT pg_advisory_unlock({lock})")
        except (errors.SerializationFailure, errors.DeadlockDetected) as exc:
            raise StoreError("store.conflict") from exc
        except errors.UniqueViolation as exc:  # two servers added the same name, each having checked it was free
            raise StoreError("store.duplicate") from exc
        except errors.DiskFull as exc:
            raise StoreError("store.disk_full", path=self.label) from exc
        except psycopg.DataError as exc:  # a value PostgreSQL cannot hold (a NUL in text) that no form cleaned
            raise StoreError("store.bad_value", reason=_first_line(exc)) from exc
        except errors.LockNotAvailable as exc:
            raise StoreError("store.busy") from exc
        except PoolTimeout as exc:  # no connection came back within CONNECT_SECONDS: the server is gone or swamped
            raise StoreError("store.unreachable", url=self.label, reason=_unreachable_reason(self.url)) from exc
        except psycopg.OperationalError as exc:
            raise StoreError("store.unreachable", url=self.label, reason=_first_line(exc)) from exc

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        """A read: one snapshot for all its queries."""
        with self._unit("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") as cur:
            yield cur

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """A write: serialisable, and one writer at a time across every server on this database, each seeing
        everything the one before it committed."""
        with self._unit("BEGIN ISOLATION LEVEL SERIALIZABLE", lock=WRITE_LOCK) as cur:
            yield cur

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        """Held on its own session from reading the schema version to the last migration: servers starting at
        once apply each migration exactly once."""
        with self._pool.connection() as conn:
            conn.execute(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
            try:
                yield
            finally:
                conn.execute(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")

    def backup(self, directory: Path) -> None:
        """A ``pg_dump`` custom-format archive of the database, in a folder that is complete or not there."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".partial-{directory.name}-", dir=directory.parent))
        try:
            _run(tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial / DUMP_NAME), url=self.url)
            partial.rename(directory)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise


def _configure(conn: psycopg.Connection[Any]) -> None:
    """A write waits this long for the one before it (then "busy, try again"), never forever."""
    conn.execute(f"SET lock_timeout = '{int(BUSY_SECONDS * 1000)}ms'")


def restore(directory: Path, url: str) -> None:
    """Load a backup made by ``PostgresBackend.backup`` into ``url``, which must be an empty database."""
    dump = directory / DUMP_NAME
    if not dump.exists():
        raise StoreError("cli.not_a_backup", path=directory)
    backend = PostgresBackend.open(url)
    try:
        with backend.cursor() as cur:
            tables = cur.execute(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
            ).fetchone()
    finally:
        backend.close()
    if tables and tables[0]:
        raise StoreError("cli.restore_exists", path=display_url(url))
    _run(tool("pg_restore"), "--no-owner", "--exit-on-error", "--single-transaction", str(dump), url=url)


def tool(name: str) -> str:
    """A PostgreSQL client program: on PATH, else where Debian keeps it (/usr/lib/postgresql/N/bin)."""
    if found := shutil.which(name):
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(Path(p).parts[-3]))
    if not versions:
        raise StoreError("store.tool_missing", tool=name)
    return versions[-1]


def _run(*args: str, url: str) -> None:
    """Run a client program on the database at ``url``; its password goes in the environment, not on the
    command line (where every local user could read it)."""
    params = conninfo_to_dict(url)
    password = params.pop("password", None)
    env = {**os.environ, **({"PGPASSWORD": str(password)} if password else {})}
    command = [*args, "--dbname", make_conninfo("", **params)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False, env=env)
    if done.returncode != 0:
        raise StoreError("store.tool_failed", tool=Path(args[0]).name, reason=done.stderr.strip()[-500:])


def display_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = conninfo_to_dict(url)
    user = f"{parts['user']}@" if parts.get("user") else ""
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{parts.get('host', '')}{port}/{parts.get('dbname', '')}"


def _unreachable_reason(url: str) -> str:
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        return _first_line(exc)
    return "timeout"


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
