"""The package's layers stay separate rooms: rules, the analysis helpers they share, and the core around them.

- rules (`vibecheck.rules.*`) never import the runner, the CLI, the reporters, the api or the pipeline;
- the core (every module outside `vibecheck.rules` and `vibecheck.analysis`) never imports a rule module
  or `vibecheck.analysis`;
- `vibecheck.analysis` never imports rules, the runner, the CLI or the reporters.

Imports are read from the source files with `ast` (every `import`, also inside functions and
`TYPE_CHECKING` blocks), so nothing is imported to check it and a local import cannot hide.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

PACKAGE_DIR = REPO_ROOT / "src" / "vibecheck"

# (layer, modules it must not import); a module matches a prefix when it is the prefix or lies under it.
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "rules": ("vibecheck.runner", "vibecheck.cli", "vibecheck.reporters", "vibecheck.api", "vibecheck.pipeline"),
    "core": ("vibecheck.rules", "vibecheck.analysis"),
    "analysis": ("vibecheck.rules", "vibecheck.runner", "vibecheck.cli", "vibecheck.reporters"),
}

# Known violations, to be removed by the pipeline work of issue 10 (engine findings declared without
# pretending to be visitor rules). Each entry is (importing module, imported module). The list must only
# shrink: `test_allowed_violations_still_exist` fails once an entry is fixed, so delete it then.
# (The engine's VC001 and the suppression stage's VC901/VC902 were the last ones: they are now declared in
# `vibecheck.engine_checks`, in the core.)
ALLOWED_VIOLATIONS: frozenset[tuple[str, str]] = frozenset()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    if module == "vibecheck.rules" or module.startswith("vibecheck.rules."):
        return "rules"
    if module == "vibecheck.analysis" or module.startswith("vibecheck.analysis."):
        return "analysis"
    return "core"


def imported_modules(source: str, module: str, *, is_package: bool) -> Iterator[str]:
    """Every module an import statement in `source` names; `from a import b` yields `a` and `a.b`."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            yield origin
            yield from (f"{origin}.{alias.name}" for alias in node.names if alias.name != "*")


def matches(imported: str, prefix: str) -> bool:
    return imported == prefix or imported.startswith(prefix + ".")


def violations(source: str, module: str, *, is_package: bool = False) -> set[tuple[str, str]]:
    """(module, imported module) pairs that break the layer rules."""
    forbidden = FORBIDDEN[layer_of(module)]
    crossing = {_module_part(imported) for imported in imported_modules(source, module, is_package=is_package)
                if any(matches(imported, prefix) for prefix in forbidden)}
    # `from vibecheck.rules.auth import names` names the package and the module: keep the module.
    return {(module, name) for name in crossing if not any(other.startswith(name + ".") for other in crossing)}


def _module_part(imported: str) -> str:
    """`vibecheck.rules.x.Y` (a class imported from a module) -> `vibecheck.rules.x`; modules stay as they are."""
    parts = imported.split(".")
    for end in range(len(parts), 1, -1):
        candidate = PACKAGE_DIR.parent.joinpath(*parts[:end])
        if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
            return ".".join(parts[:end])
    return imported


def all_violations() -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        found |= violations(path.read_text(encoding="utf-8"), module_name(path), is_package=path.name == "__init__.py")
    return found


def test_layers_are_respected() -> None:
    unexpected = all_violations() - ALLOWED_VIOLATIONS
    assert not unexpected, "imports that cross a layer boundary (see this file's docstring):\n" + "\n".join(
        f"  {module} imports {imported}" for module, imported in sorted(unexpected))


def test_allowed_violations_still_exist() -> None:
    fixed = ALLOWED_VIOLATIONS - all_violations()
    assert not fixed, f"these imports are gone: delete them from ALLOWED_VIOLATIONS: {sorted(fixed)}"


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("vibecheck.rules.auth.x", "from vibecheck.runner import Checker\n", {("vibecheck.rules.auth.x", "vibecheck.runner")}),
    ("vibecheck.rules.auth.x", "def f():\n    from vibecheck import cli\n", {("vibecheck.rules.auth.x", "vibecheck.cli")}),
    ("vibecheck.rules.auth.x", "from ...reporters import sarif\n", {("vibecheck.rules.auth.x", "vibecheck.reporters.sarif")}),
    ("vibecheck.rules.auth.x", "from vibecheck.analysis.flow import FlowRule\nfrom vibecheck.rule import Rule\n", set()),
    ("vibecheck.engine", "from vibecheck.rules.error_handling.swallowed_exception import SwallowedException\n",
     {("vibecheck.engine", "vibecheck.rules.error_handling.swallowed_exception")}),
    ("vibecheck.reporters.text", "import vibecheck.analysis.flow\n", {("vibecheck.reporters.text", "vibecheck.analysis.flow")}),
    ("vibecheck.engine", "from vibecheck.registry import load_registry\n", set()),
    ("vibecheck.analysis.flow", "from vibecheck.rules.auth import names\n",
     {("vibecheck.analysis.flow", "vibecheck.rules.auth.names")}),
    ("vibecheck.analysis.flow", "from vibecheck.rule import Rule\n", set()),
])
def test_the_import_reader_sees_every_spelling(module: str, source: str, expected: set[tuple[str, str]]) -> None:
    assert violations(source, module) == expected
