"""The embedded backend: one DuckDB file, held by one process.

DuckDB lets one process open a file; inside it, one connection is shared and each unit of work takes
its own cursor (connections are not thread-safe, cursors are). Writes are serialised per process.
Backup and restore use DuckDB's EXPORT/IMPORT DATABASE (every table, schema and sequence position).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb

from shanhe.errors import StoreError, is_disk_full

Cursor = duckdb.DuckDBPyConnection


class DuckDBBackend:
    """Connection, cursors, transactions and error mapping for a DuckDB file."""

    placeholder = "?"

    def __init__(self, path: Path, con: duckdb.DuckDBPyConnection) -> None:
        self.path = path
        self.url = str(path)
        self._con = con
        self._write_lock = threading.RLock()

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> DuckDBBackend:
        """Open ``path``; it must exist unless ``create``."""
        if not create and not path.exists():
            raise StoreError("cli.db_missing", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path, connect(path))

    def close(self) -> None:
        self._con.close()

    @contextmanager
    def cursor(self) -> Iterator[Cursor]:
        cur = self._con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @contextmanager
    def transaction(self) -> Iterator[Cursor]:
        """One writer at a time in this process (two uploads land one after the other); a conflict
        DuckDB still reports becomes "busy, try again", and the transaction leaves nothing behind."""
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
                raise
            except BaseException:
                _rollback(cur)
                raise

    def backup(self, directory: Path) -> None:
        """Every table, schema and sequence position, as Parquet files plus SQL (DuckDB EXPORT DATABASE).

        Written into a hidden temporary folder beside ``directory`` and renamed when complete,
        so a failed backup (a full disk) never leaves a partial folder that looks like a backup. An empty
        ``directory`` (claimed by the caller) is replaced by the rename itself, atomically.
        """
        directory.parent.mkdir(parents=True, exist_ok=True)
        partial = Path(tempfile.mkdtemp(prefix=f".partial-{directory.name}-", dir=directory.parent))
        try:
            with self.cursor() as cur:
                cur.execute(f"EXPORT DATABASE '{_quoted_path(partial)}' (FORMAT parquet)")
            partial.rename(directory)  # rename(2) replaces an empty directory
        except BaseException as exc:
            shutil.rmtree(partial, ignore_errors=True)
            if is_disk_full(exc):
                raise StoreError("store.disk_full", path=directory) from exc
            raise


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(path))
    except duckdb.IOException as exc:
        if "Could not set lock" in str(exc):
            raise StoreError("cli.db_locked", path=path) from exc
        raise StoreError("cli.db_corrupt", path=path, reason=str(exc).splitlines()[0]) from exc
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
