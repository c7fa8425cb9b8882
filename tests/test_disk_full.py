"""Issue 12, item 20: a full disk is reported as such, leaves the store as it was, and never a partial backup.

A real full disk: a small tmpfs mounted for the test (root can do that here and in CI; elsewhere the
test is skipped, saying why), filled with a file until the kernel answers ENOSPC.
"""

from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from shanhe.store import Store
from tests.conftest import DATA, Cli


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def _fill(disk: Path) -> Path:
    """Write zeros until the disk is full; return the filler file."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


def test_an_import_on_a_full_disk_says_so_and_writes_nothing(
    small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli = Cli(small_disk / "shanhe.duckdb", capsys)
    assert cli("init")[0] == 0
    filler = _fill(small_disk)
    code, out, err = cli("import", DATA / "scenario" / "observations.csv", "--accept-jumps")
    assert code == 1
    assert "磁盘空间不足" in err and "cannot rollback" not in err + out and "Traceback" not in err
    filler.unlink()
    with Store.open(cli.db) as store:
        assert store.table_counts()["batches"] == 0 and store.table_counts()["observations"] == 0
    assert cli("import", DATA / "scenario" / "observations.csv", "--accept-jumps")[0] == 0  # and it works again


def test_a_failed_backup_leaves_no_partial_folder(small_disk: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    cli.init()
    cli("import", DATA / "scenario" / "observations.csv", "--accept-jumps")
    into = small_disk / "backups"
    into.mkdir()
    filler = _fill(small_disk)
    code, _, err = cli("backup", "--into", into)
    assert code == 1 and "磁盘空间不足" in err
    assert list(into.iterdir()) == []  # nothing that looks like a backup, nothing half-written
    filler.unlink()
    (into / ".partial-shanhe-20000101-000000-x").mkdir()  # left by a crash: never counted, never pruned
    for day in (20, 21, 22):
        monkeypatch.setattr("shanhe.cli._now_local", lambda day=day: dt.datetime(2026, 11, day, 2, 30))
        assert cli("backup", "--into", into, "--keep", "2")[0] == 0
    assert sorted(p.name for p in into.iterdir()) == [
        ".partial-shanhe-20000101-000000-x",
        "shanhe-20261121-023000",
        "shanhe-20261122-023000",
    ]
    assert (into / "shanhe-20261122-023000" / "schema.sql").exists()
