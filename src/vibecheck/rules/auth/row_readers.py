"""Row readers of the project's modules, for VC214's handlers that hand the client's id to one in another module.

A handler that calls `get_note(note_id)` imported from `repositories.py` fetches the row there, where a per-file rule
cannot see whether the reader scopes it to the caller. VC214 records, per file, its top-level functions that read one
row by a parameter and check nothing (`READERS_FACT`), and reports such a handler with `unless=(CHECKED_READER,
name)`: the project phase keeps the finding only where the imported name is one of those readers (no libcst here).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.modules import resolve_relative

READERS_FACT = "vibecheck.vc214.row_readers"
# The kind of a VC214 finding that waits for the project's readers: its lookup is a function of another module,
# which may check the owner itself.
CHECKED_READER = "checked-reader"

_INDEX: list[tuple[Any, dict[str, frozenset[str]]]] = []  # the last project's readers: one per project phase


def readers_index(project: Any) -> dict[str, frozenset[str]]:
    """Module name -> the names of its functions that read a row by a parameter and check nothing."""
    if not _INDEX or _INDEX[0][0] is not project:
        _INDEX[:] = [(project, {module_name(project.relative_path(path)): frozenset(names)
                                for path, names in project.facts(READERS_FACT)})]
    return _INDEX[0][1]


def is_unchecked_reader(index: dict[str, frozenset[str]], relative: str, imported: str) -> bool:
    """Whether `imported`, as the file at `relative` names it (`.repositories.get_note`, `app.repositories.get_note`),
    is a reader of the project that checks nothing: a module named so (or ending so, for a project under `src/`)
    defines it among its readers."""
    absolute = resolve_relative(imported, module_name(relative), is_package=relative.endswith("__init__.py"))
    wanted, _, function = absolute.rpartition(".")
    return bool(wanted) and any(function in names for module, names in _modules_named(index, wanted))


def _modules_named(index: dict[str, frozenset[str]], wanted: str) -> Iterable[tuple[str, frozenset[str]]]:
    return ((module, names) for module, names in index.items() if module == wanted or module.endswith("." + wanted))
