"""The enum classes another module of the project defines, read with `ast` (no libcst: a warm run imports this module
to build the cache key of a file, without the rules), and `enum_modules_inputs`, which puts the modules read into
the checked file's cache key, so an edit of `types.py` re-checks the files whose parameters are typed with its enums.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable

from vibecheck.analysis.imported_modules import ImportedModulesInputs
from vibecheck.ast_fields import ast_tail
from vibecheck.safe_files import NotRegularFileError, read_regular_text

# The standard library's enumeration bases (`class Theme(str, Enum)`, `class Level(IntEnum)`).
ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"})
SIZE_LIMIT = 2_000_000


def enum_names(classes: Iterable[tuple[str, Iterable[str | None]]]) -> frozenset[str]:
    """The classes (name, base names) that derive from an enumeration base, or from a class before them that does."""
    found: set[str] = set()
    for name, bases in classes:
        if any(base in ENUM_BASES or base in found for base in bases):
            found.add(name)
    return frozenset(found)


@functools.lru_cache(maxsize=256)
def module_enums(module_file: str) -> frozenset[str]:
    """The top-level enum classes of another module of the project, read once per run."""
    try:
        source = read_regular_text(module_file, SIZE_LIMIT)
    except (OSError, NotRegularFileError, ValueError):
        return frozenset()
    if "Enum" not in source and "Flag" not in source:  # (most modules: the text rules an enum out before a parse)
        return frozenset()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    return enum_names((node.name, (ast_tail(base) for base in node.bases)) for node in tree.body
                       if isinstance(node, ast.ClassDef))


# What `module_enums` reads for a checked file: the modules of its package it imports.
enum_modules_inputs = ImportedModulesInputs(module_enums)
