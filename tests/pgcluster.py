"""A throwaway PostgreSQL cluster for tests and benchmarks: Debian's initdb + pg_ctl on a free 127.0.0.1 port.

``with pg_cluster() as pg: url = pg.create_db("x")`` gives a fresh database; the cluster (trust auth, fsync off,
in a temporary folder) is stopped and removed at the end. Run as root, the server runs as user ``postgres``
(PostgreSQL refuses root). ``available()`` says whether the server programs are installed.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from tests.server import free_port


def bindir() -> Path | None:
    """Where Debian's ``postgresql`` package keeps initdb and pg_ctl (the newest version), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def available() -> bool:
    return bindir() is not None


class Cluster:
    """A running cluster: databases made from scratch or from a template, addressed by URL."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._names = itertools.count(1)

    def url(self, db: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{db}"

    def sql(self, statement: str) -> None:
        """One statement on the maintenance database (CREATE/DROP DATABASE cannot run in a transaction)."""
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]  # test helper: statements built from our names

    def create_db(self, name: str | None = None, template: str | None = None) -> str:
        """A new database (a copy of ``template`` if given, which must have no open connections); its URL."""
        name = name or f"t{next(self._names)}"
        self.sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url(name)

    def drop_db(self, name: str) -> None:
        self.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL will not run as root: run its programs as the ``postgres`` user then."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def pg_cluster() -> Iterator[Cluster]:
    """Start a cluster, yield it, stop it and delete its files."""
    bin_dir = bindir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server programs not found: run scripts/system-deps.sh test")
    base = Path(tempfile.mkdtemp(prefix="shanhe-pg-"))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", free_port()
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync"]
    subprocess.run(
        _as_postgres([*initdb, "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True, timeout=120
    )
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    start = [str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"]
    subprocess.run(_as_postgres(start), check=True, capture_output=True, timeout=120)
    try:
        yield Cluster(port)
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
            timeout=60,
            check=False,
        )
        shutil.rmtree(base, ignore_errors=True)
