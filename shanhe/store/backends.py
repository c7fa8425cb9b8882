"""Which backend a database target names: a ``postgresql://`` URL, else a DuckDB file path.

Both backends offer the same small interface the store's SQL runs on: ``cursor()`` (a read), ``transaction()``
(a write), ``migration_lock()``, ``backup()``, ``close()`` and ``url`` (the store's identity for caches).
"""

from __future__ import annotations

from pathlib import Path

from shanhe.store import duckdb as duckdb_backend
from shanhe.store import postgres

Backend = duckdb_backend.DuckDBBackend | postgres.PostgresBackend
Cursor = duckdb_backend.Cursor | postgres.Cursor


def open_backend(target: str | Path, *, create: bool = False) -> Backend:
    """Connect to ``target``; a DuckDB file must exist unless ``create`` (a PostgreSQL database always must)."""
    if postgres.is_url(str(target)):
        return postgres.PostgresBackend.open(str(target))
    return duckdb_backend.DuckDBBackend.open(Path(target), create=create)


def restore(directory: Path, target: str | Path) -> None:
    """Load a backup into a new DuckDB file or an empty PostgreSQL database (never over existing data)."""
    if postgres.is_url(str(target)):
        postgres.restore(directory, str(target))
    else:
        duckdb_backend.restore(directory, Path(target))
