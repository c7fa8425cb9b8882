"""Project rules that are easy to break silently: documented settings, one i18n table, a pure core."""

from __future__ import annotations

import ast
import re
import string
import tomllib

from shanhe import settings
from shanhe.i18n import TEXT
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _config_keys(table: dict, prefix: str = "") -> list[str]:
    keys = []
    for key, value in table.items():
        name = f"{prefix}{key}"
        keys += _config_keys(value, name + ".") if isinstance(value, dict) else [name]
    return keys


def test_every_streamlit_setting_is_documented() -> None:
    config = tomllib.loads(settings.STREAMLIT_CONFIG.read_text(encoding="utf-8"))
    missing = [k for k in _config_keys(config) if f"`{k}`" not in README]
    assert missing == []


def test_every_environment_variable_is_documented() -> None:
    assert all(f"`{name}`" in README for name in settings.ENV_VARS)


def test_both_languages_take_the_same_fields() -> None:
    for key, (zh, en) in TEXT.items():
        fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (zh, en)]
        assert fields[0] == fields[1], key


FILE_SUFFIXES = {"yaml", "py", "csv", "xlsx", "toml", "md", "duckdb", "png", "html", "pdf", "pptx"}


def _python_files() -> list:
    return [p for p in ROOT.rglob("*.py") if ".venv" not in p.parts and "tests" not in p.parts]


def _key_uses() -> tuple[set[str], set[str]]:
    """Keys the code names literally, and the prefixes of keys it builds (f"label.{code}", "group." + name)."""
    namespaces = {key.split(".")[0] for key in TEXT}
    literal, prefixes = set(), set()
    for path in _python_files():
        if path.name == "i18n.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                key_like = re.fullmatch(rf"({'|'.join(map(re.escape, namespaces))})\.[a-z_0-9]*[a-z0-9]", node.value)
                if node.value in TEXT or (key_like and node.value.rsplit(".", 1)[1] not in FILE_SUFFIXES):
                    literal.add(node.value)
            head = None
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                head = node.values[0].value
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
                head = node.left.value
            if isinstance(head, str) and head.split(".")[0] in namespaces and "." in head:
                prefixes.add(head)
    return literal, prefixes


def test_every_i18n_key_used_in_code_exists() -> None:
    literal, prefixes = _key_uses()
    assert literal - set(TEXT) == set()
    assert all(any(key.startswith(prefix) for key in TEXT) for prefix in prefixes), prefixes


def test_no_i18n_key_is_dead() -> None:
    """Every message is reachable: named literally, or under a prefix the code builds keys from."""
    literal, prefixes = _key_uses()
    dead = [key for key in TEXT if key not in literal and not any(key.startswith(p) for p in prefixes)]
    assert dead == []


def test_core_never_imports_streamlit() -> None:
    offenders = []
    for path in (ROOT / "shanhe").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "shanhe").parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else ([node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            )
            if any(n.split(".")[0] == "streamlit" for n in names):
                offenders.append(str(path))
    assert offenders == []


def test_sql_lives_only_in_the_store() -> None:
    for path in _python_files():
        if path.relative_to(ROOT).parts[:2] == ("shanhe", "store"):
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET)\b", text), path


def test_every_output_field_is_documented() -> None:
    from shanhe.catalog import load_catalog
    from shanhe.cli import STATUS_FIELDS, VERDICT_FIELDS, indicator_record

    fields = set(STATUS_FIELDS) | set(VERDICT_FIELDS) | set(indicator_record(load_catalog().indicators[0]))
    assert [f for f in sorted(fields) if f"`{f}`" not in README] == []
