"""The import direction the README's 代码结构 describes: pages → shanhe.ui → core → store → foundation.

Read from the source (every ``import`` and ``from … import``, also inside functions), so a shortcut anywhere
fails here with the module and the import that breaks the rule.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

#: Modules everything may use: settings, text, records, the plan catalog, formatting, the error types.
FOUNDATION = {
    "shanhe.settings", "shanhe.clock", "shanhe.i18n", "shanhe.logs", "shanhe.models", "shanhe.rules",
    "shanhe.spreadsheets", "shanhe.catalog", "shanhe.formatting", "shanhe.errors", "shanhe.messages",
}  # fmt: skip
#: The engine and what it draws: usable (and tested) without a database.
ENGINE = {
    "shanhe.progress", "shanhe.summary", "shanhe.overview", "shanhe.methodology", "shanhe.schedule",
    "shanhe.chartspec", "shanhe.charts", "shanhe.svg", "shanhe.matrix", "shanhe.strip",
}  # fmt: skip


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports at run time (``if TYPE_CHECKING:`` blocks are for the type checker only);
    ``from shanhe import clock`` counts as shanhe.clock."""
    found: set[str] = set()
    package = _module(path).rsplit(".", 0 if path.name == "__init__.py" else 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for block in [n for n in ast.walk(tree) if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"]:
        block.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _layer(module: str) -> str:
    if module in ("app",) or module.startswith("pages."):
        return "pages"
    if module.startswith("shanhe.ui"):
        return "ui"
    if module.startswith("shanhe.store"):
        return "store"
    if module in FOUNDATION:
        return "foundation"
    return "engine" if module in ENGINE else "core"


#: What each layer may import from Shanhe (besides itself).
ALLOWED = {
    "pages": {"ui", "core", "engine", "foundation"},
    "ui": {"core", "engine", "store", "foundation"},
    "core": {"core", "engine", "store", "foundation"},
    "engine": {"engine", "foundation"},
    "store": {"store", "foundation"},
    "foundation": {"foundation"},
}
SOURCES = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "shanhe").rglob("*.py")])
SHANHE_MODULES = {_module(p) for p in SOURCES}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_go_one_way(path: Path) -> None:
    module, layer = _module(path), _layer(_module(path))
    wrong = []
    for name in sorted(_imports(path)):
        if name.split(".")[0] == "streamlit" and layer not in ("pages", "ui"):
            wrong.append(f"{name} (streamlit only in pages and shanhe/ui)")
        if name in SHANHE_MODULES and name != module and not module.startswith(name + "."):
            target = _layer(name)
            if target != layer and target not in ALLOWED[layer]:
                wrong.append(f"{name} ({layer} must not import {target})")
    assert not wrong, f"{module}: {wrong}"


def test_the_layers_are_what_the_readme_says() -> None:
    """The rule above really looks at something: each layer has modules, and a known import is seen."""
    layers = {_layer(m) for m in SHANHE_MODULES}
    assert layers == set(ALLOWED)
    assert "shanhe.ui.loaders" in _imports(ROOT / "pages" / "overview_page.py")
    assert "shanhe.store" in _imports(ROOT / "shanhe" / "ui" / "loaders.py")
    assert "streamlit" in _imports(ROOT / "shanhe" / "ui" / "session.py")
