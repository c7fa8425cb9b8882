"""The deployment files say what they mean: systemd units that systemd accepts, an environment file with
only real settings, and a nightly backup command that makes backups when run as written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit import config as streamlit_config

from shanhe import auth, settings
from shanhe.catalog import load_catalog
from shanhe.store import open_store
from tests.conftest import ROOT

pytestmark = pytest.mark.deploy

PASSWORD = "correct horse 9"

SYSTEMD = ROOT / "deploy" / "systemd"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


def _unit(name: str) -> dict[str, list[str]]:
    """A unit file's keys and values (a key may repeat)."""
    keys: dict[str, list[str]] = {}
    for line in (SYSTEMD / name).read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys.setdefault(key, []).append(value)
    return keys


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze (Debian package systemd) needed")
def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    # verify also checks that every command exists: point /opt/shanhe at this checkout and its venv
    for unit in SYSTEMD.iterdir():
        text = unit.read_text(encoding="utf-8").replace("/opt/shanhe/.venv/bin/python", sys.executable)
        (tmp_path / unit.name).write_text(text.replace("/opt/shanhe", str(ROOT)), encoding="utf-8")
    names = sorted(str(u) for u in tmp_path.iterdir())
    result = subprocess.run([SYSTEMD_ANALYZE, "verify", *names], capture_output=True, text=True)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")
    service = _unit("shanhe.service")
    assert service["User"] == ["shanhe"] and service["Restart"] == ["on-failure"]
    assert service["EnvironmentFile"] == ["/etc/shanhe/shanhe.env"]
    assert service["ExecStart"] == ["/opt/shanhe/.venv/bin/python -m shanhe.ui.serve"]


def test_the_environment_file_sets_only_known_settings() -> None:
    known = {*settings.ENV_VARS, "HOME"}  # HOME: Chromium's profile folder for chart images and PDFs
    for line in (ROOT / "deploy" / "shanhe.env").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name = line.split("=", 1)[0]
            if name.startswith("STREAMLIT_"):  # STREAMLIT_SERVER_BASE_URL_PATH → server.baseUrlPath
                section, *words = name.removeprefix("STREAMLIT_").lower().split("_")
                option = f"{section}.{words[0]}{''.join(w.title() for w in words[1:])}"
                assert option in streamlit_config.get_config_options(), name
            else:
                assert name in known, name


def test_the_nightly_backup_command_makes_a_dated_backup(tmp_path: Path) -> None:
    """The backup service's own command line, run as written (minus the runuser wrapper)."""
    db = tmp_path / "shanhe.duckdb"
    with open_store(db, load_catalog(), create=True) as store:
        auth.add_user(store, "张工", "staff", PASSWORD)
    [command] = _unit("shanhe-backup.service")["ExecStart"]
    argv = command.split(" -- ", 1)[1].replace("/var/backups/shanhe", str(tmp_path / "backups")).split()
    argv[0] = sys.executable
    for _ in range(2):  # within one second, usually: the second backup gets its own folder
        subprocess.run(argv, cwd=ROOT, env={**os.environ, "SHANHE_DB": str(db)}, check=True, capture_output=True)
    backups = sorted((tmp_path / "backups").iterdir())
    assert len(backups) == 2 and all((b / "schema.sql").exists() for b in backups)


def test_the_publish_timer_command_publishes_once_and_then_finds_it_current(tmp_path: Path) -> None:
    """The publish service's own command line, run as written, with the environment file's variable."""
    db = tmp_path / "shanhe.duckdb"
    open_store(db, load_catalog(), create=True).close()
    [command] = _unit("shanhe-publish.service")["ExecStart"]
    static = tmp_path / "static"
    argv = command.replace("${SHANHE_STATIC_DIR}", str(static)).split()
    argv[0] = sys.executable
    env = {**os.environ, "SHANHE_DB": str(db)}
    first = subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    second = subprocess.run(argv, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    assert "已发布只读版本" in first.stdout and "已是最新" in second.stdout
    assert static.is_symlink() and (static / "index.html").exists()
