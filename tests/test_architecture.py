"""The build reads top to bottom: load, model, context, renderers, engine, output.

Checked on the import statements themselves, so a shortcut between stages fails here first.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "tryggest"
RENDERER_FAMILIES = ("web", "portal", "sitemap", "webfonts", "campaign", "print", "slides")
ENGINE_MODULES = ("mkdocs", "material", "mkdocs_static_i18n", "properdocs")


def _imports(path: Path) -> set[str]:
    """Absolute names of the modules ``path`` imports."""
    module = path.relative_to(REPO).with_suffix("").parts
    package = module[:-1] if module[-1] != "__init__" else module[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found.add(name)
            found |= {f"{name}.{alias.name}" for alias in node.names}
    return found


def _modules() -> dict[str, set[str]]:
    return {path.relative_to(REPO).as_posix(): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_nothing_outside_the_renderers_pipeline_and_cli_imports_a_renderer() -> None:
    allowed = {"tryggest/pipeline.py", "tryggest/cli.py"}
    leaks = {name: sorted(i for i in imports if i.startswith("tryggest.render"))
             for name, imports in _modules().items()
             if not name.startswith("tryggest/render/") and name not in allowed}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_no_renderer_imports_another_renderer() -> None:
    for name, imports in _modules().items():
        if not name.startswith("tryggest/render/") or name.count("/") < 2:
            continue
        own = name.split("/")[2].removesuffix(".py")
        others = {f"tryggest.render.{family}" for family in RENDERER_FAMILIES if family != own}
        assert not [i for i in imports if any(i == o or i.startswith(o + ".") for o in others)], name


def test_only_the_engine_package_knows_the_site_engine() -> None:
    for name, imports in _modules().items():
        if name.startswith("tryggest/engine/"):
            continue
        engine = sorted(i for i in imports if i.split(".")[0] in ENGINE_MODULES)
        assert engine == [], name


def test_relative_imports_are_read_as_absolute_module_names() -> None:
    # The rules above are only as good as this reading: ``from ..context import x`` inside
    # tryggest/render/web.py must count as an import of tryggest.context.
    assert {"tryggest.context", "tryggest.context.language_prefix"} <= _imports(PACKAGE / "urls.py")
    web = _imports(PACKAGE / "render" / "web.py")
    assert "tryggest.context" in web and "tryggest.render.markdown" in web and "tryggest.manifest" in web
