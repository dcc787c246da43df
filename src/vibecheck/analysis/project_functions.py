"""Functions of the project's modules that a per-file rule records as a fact, for a call in another module.

A handler that calls `get_note(note_id)` imported from `repositories.py`, or a view that returns
`render.note_card(row.title)` from `views/render.py`, hands its value to a function a per-file rule cannot see. The
rule records, per file, the names of its top-level functions of one kind (a row reader that checks nothing, VC214; a
builder of unescaped markup, VC427) as a fact, and reports the call with `unless=(kind, imported name)`: the project
phase keeps the finding only where the imported name is one of those functions (no libcst here).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.modules import resolve_relative

_INDEX: dict[str, tuple[Any, dict[str, frozenset[str]]]] = {}  # per fact: the last project's index (one per phase)


def functions_index(project: Any, fact: str) -> dict[str, frozenset[str]]:
    """Module name -> the names of its functions that the files' `fact` lists."""
    cached = _INDEX.get(fact)
    if cached is None or cached[0] is not project:
        cached = _INDEX[fact] = (project, {module_name(project.relative_path(path)): frozenset(names)
                                           for path, names in project.facts(fact)})
    return cached[1]


def defines(index: dict[str, frozenset[str]], relative: str, imported: str) -> bool:
    """Whether `imported`, as the file at `relative` names it (`.repositories.get_note`, `app.repositories.get_note`),
    is one of the indexed functions: a module named so (or ending so, for a project under `src/`) lists it."""
    absolute = resolve_relative(imported, module_name(relative), is_package=relative.endswith("__init__.py"))
    wanted, _, function = absolute.rpartition(".")
    return bool(wanted) and any(function in names for module, names in _modules_named(index, wanted))


def defines_method(index: dict[str, frozenset[str]], relative: str, imported: str) -> bool:
    """Whether `imported`, a method of a class as the file at `relative` names it (`.services.InvoiceService.invoice`),
    is one of the indexed functions: a module named so lists it as `InvoiceService.invoice`."""
    owner, _, method = imported.rpartition(".")
    absolute = resolve_relative(owner, module_name(relative), is_package=relative.endswith("__init__.py"))
    wanted, _, cls = absolute.rpartition(".")
    return bool(wanted) and any(f"{cls}.{method}" in names for _, names in _modules_named(index, wanted))


def _modules_named(index: dict[str, frozenset[str]], wanted: str) -> Iterable[tuple[str, frozenset[str]]]:
    return ((module, names) for module, names in index.items() if module == wanted or module.endswith("." + wanted))
