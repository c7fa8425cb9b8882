"""The embedded backend: one DuckDB file, held only while this process reads or writes it.

DuckDB lets one process open a file at a time, so a server that kept it open would lock out every CLI command
(status, export, backup). Here the file is opened when a unit of work starts and closed shortly after the last
one ends (a short linger spares a page's burst of reads the ~16 ms an open costs). A unit that finds the file
held by another process waits a bounded time, then says the database is busy. Inside the process the units
share the open database (one cursor each: connections are not thread-safe, cursors are) and writes are
serialised by a lock; across processes the file lock serialises them. Backup and restore use DuckDB's
EXPORT/IMPORT DATABASE (every table, schema and sequence position).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import ClassVar

import duckdb

from shanhe.errors import StoreError, is_disk_full

Cursor = duckdb.DuckDBPyConnection

#: How long a unit of work waits for a file another process holds before it gives up (seconds).
BUSY_SECONDS = 10.0
#: How long the file stays open after the last unit of work (seconds): a page's reads come in bursts.
LINGER_SECONDS = 0.2
_POLL_SECONDS = 0.02


class DuckDBBackend:
    """Connection per unit of work, transactions and error mapping for a DuckDB file."""

    #: Statements of DuckDB's own to run with a shared migration (PostgreSQL has some): none.
    after_migration: ClassVar[Mapping[int, tuple[str, ...]]] = {}

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = self.label = str(path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._users = 0
        self._closer: threading.Timer | None = None
        self._state = threading.Lock()  # guards _con, _users, _closer
        self._write_lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> DuckDBBackend:
        """A backend for ``path``, which must exist unless ``create``; opened once to report a corrupt file now."""
        if not create and not path.exists():
            raise StoreError("cli.db_missing", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        backend = cls(path)
        with backend.cursor():
            pass
        return backend

    def close(self) -> None:
        with self._state:
            self._cancel_closer()
            if self._con is not None and self._users == 0:
                self._con.close()
                self._con = None

    @contextmanager
    def _held(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The open file for one unit of work (opened if needed, waiting a bounded time for another process)."""
        with self._state:
            self._cancel_closer()
            if self._con is None:
                self._con = connect(self.path, wait=BUSY_SECONDS)
            self._users += 1
            con = self._con
        try:
            yield con
        finally:
            with self._state:
                self._users -= 1
                if self._users == 0:
                    self._closer = threading.Timer(LINGER_SECONDS, self._close_idle)
                    self._closer.daemon = True
                    self._closer.start()

    def _close_idle(self) -> None:
        with self._state:
            if self._users == 0 and self._con is not None:
                self._con.close()
                self._con = None
            self._closer = None

    def _cancel_closer(self) -> None:
        if self._closer is not None:
            self._closer.cancel()
            self._closer = None

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        """A read: its own cursor on the open file."""
        with self._held() as con:
            cur = con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """One writer at a time in this process (two uploads land one after the other), and the file lock keeps
        other processes out meanwhile; a conflict DuckDB still reports becomes "busy, try again", and the
        transaction leaves nothing behind."""
        with self._write_lock, self.cursor() as cur:
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
                if isinstance(exc, duckdb.ConstraintException):
                    raise StoreError("store.duplicate") from exc
                raise
            except BaseException:
                _rollback(cur)
                raise

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        """Hold the file (and this process's write lock) from reading the schema version to the last migration,
        so two processes starting at once never apply the same one twice."""
        with self._write_lock, self._held():
            yield

    def backup(self, directory: Path) -> None:
        """Every table, schema and sequence position, as Parquet files plus SQL (DuckDB EXPORT DATABASE).

        Written into a hidden temporary folder beside ``directory`` and renamed when complete,
        so a failed backup (a full disk) never leaves a partial folder that looks like a backup. An empty
        ``directory`` (claimed by the caller) is replaced by the rename itself, atomically.
        """
        directory.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".partial-{directory.name}-", dir=directory.parent))
        try:
            with self._write_lock, self.cursor() as cur:
                cur.execute(f"EXPORT DATABASE '{_quoted_path(partial)}' (FORMAT parquet)")
            partial.rename(directory)  # rename(2) replaces an empty directory
        except BaseException as exc:
            shutil.rmtree(partial, ignore_errors=True)
            if is_disk_full(exc):
                raise StoreError("store.disk_full", path=directory) from exc
            raise


def connect(path: Path, *, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open ``path``; while another process holds it, retry for up to ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(str(path))
        except duckdb.IOException as exc:
            if "Could not set lock" not in str(exc):
                raise StoreError("cli.db_corrupt", path=path, reason=str(exc).splitlines()[0]) from exc
            if time.monotonic() >= deadline:
                raise StoreError("cli.db_locked", path=path) from exc
            time.sleep(_POLL_SECONDS)
        except duckdb.Error as exc:
            raise StoreError("cli.db_corrupt", path=path, reason=str(exc).splitlines()[0]) from exc


def _rollback(cur: Cursor) -> None:
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
    """Load a backup made by ``DuckDBBackend.backup`` into a new DB file (never over an existing one)."""
    if target.exists():
        raise StoreError("cli.restore_exists", path=target)
    if not (directory / "schema.sql").exists():
        raise StoreError("cli.not_a_backup", path=directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    con = connect(target)
    try:
        con.execute(f"IMPORT DATABASE '{_quoted_path(directory)}'")
    except BaseException:
        con.close()
        target.unlink(missing_ok=True)
        raise
    con.close()
