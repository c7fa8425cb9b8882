"""Where things live and the few settings Shanhe reads.

Settings come from the environment or `.streamlit/config.toml`, never from code
constants scattered around, so that README can document each one (a test checks).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN_DIR = ROOT / "data" / "plan"
DEFAULT_DB = ROOT / "data" / "shanhe.duckdb"
DEMO_DB = ROOT / "data" / "shanhe-demo.duckdb"
STREAMLIT_CONFIG = ROOT / ".streamlit" / "config.toml"

#: How Shanhe starts Debian's Chromium (PDF reports, browser tests, benchmarks): as root, offline, in a container.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

#: Environment variables Shanhe reads, with what they do (README documents each).
ENV_VARS = {
    "SHANHE_PLAN_DIR": "规划数据目录（默认 data/plan）/ folder of the plan files (default data/plan)",
    "SHANHE_DB": "数据库：DuckDB 文件路径（默认 data/shanhe.duckdb）或 postgresql://用户@主机:端口/库名 / "
    "the database: a DuckDB file path (default data/shanhe.duckdb) or postgresql://user@host:port/db",
    "SHANHE_SESSION_MINUTES": "登录闲置超时（分钟，默认 30）/ idle minutes before a login ends (default 30)",
    "SHANHE_JUMP_THRESHOLD": "需确认的同比变化（默认 0.30；预览勾选，命令行 --accept-jumps）/ year-on-year change to "
    "confirm (default 0.30; a tick in the preview, --accept-jumps on the command line)",
    "SHANHE_STATIC_DIR": "静态只读版本的发布目录；设置后看板在每次写入后自动重新发布 / where the server publishes the "
    "static read-only edition after every write (unset: no publishing)",
    "SHANHE_PUBLISH_MINUTES": "看板检查只读版本是否最新的间隔（分钟，默认 10）/ minutes between the "
    "server's checks that the static edition is current (default 10)",
    "SHANHE_TODAY": "今天的日期 YYYY-MM-DD（默认系统日期；测试和演练用）/ today's date (default: the system clock)",
}


def db_url(cli_value: str | os.PathLike[str] | None = None) -> str:
    """The database: ``--db``, else ``SHANHE_DB``, else ``data/shanhe.duckdb``; a DuckDB file path or a
    ``postgresql://`` URL (the store picks its backend from the form)."""
    if cli_value:
        return str(cli_value)
    return os.environ.get("SHANHE_DB", "").strip() or str(DEFAULT_DB)


def db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``db_url`` as a path, for what only a DuckDB file can be (the real DB the demo must never overwrite)."""
    return Path(db_url(cli_value))


def plan_dir() -> Path:
    """The plan files: ``SHANHE_PLAN_DIR``, else data/plan (another plan of the same kind needs no code)."""
    env = os.environ.get("SHANHE_PLAN_DIR", "").strip()
    return Path(env) if env else PLAN_DIR


def max_upload_bytes(config_file: Path = STREAMLIT_CONFIG) -> int:
    """Upload size limit from `.streamlit/config.toml` ``server.maxUploadSize`` (MB)."""
    with open(config_file, "rb") as fh:
        megabytes = tomllib.load(fh)["server"]["maxUploadSize"]
    return int(megabytes) * 1024 * 1024


def static_dir() -> Path | None:
    """Where the server publishes the static edition (``SHANHE_STATIC_DIR``); None: it does not publish."""
    value = os.environ.get("SHANHE_STATIC_DIR", "").strip()
    return Path(value) if value else None


def publish_minutes() -> float:
    return float(os.environ.get("SHANHE_PUBLISH_MINUTES", "10"))
