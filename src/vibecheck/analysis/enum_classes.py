"""Parameters typed with an `Enum` subclass, of the file's own module or of a module of its package it imports.

`theme: Optional[Theme] = Query(Theme.light)` holds one of `Theme`'s members: FastAPI (or the caller) picks it by value
from the class's fixed list and rejects anything else, so no path, URL or query text of the client's choosing gets
through, wherever the class is defined. A class of the checked file counts, and so does one its package defines
elsewhere (`from chainlit.types import Theme`): that module is read with `ast`, once per run, and
`enum_modules_inputs` puts it into the checked file's cache key.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterable, Iterator

import libcst as cst

from vibecheck.analysis.imported_modules import imported_module_file, imported_modules_inputs
from vibecheck.analysis.nodes import callee_tail
from vibecheck.imports import ImportTable
from vibecheck.safe_files import NotRegularFileError, read_regular_text

# The standard library's enumeration bases (`class Theme(str, Enum)`, `class Level(IntEnum)`).
ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum"})
# Wrappers of an annotation whose arguments are its types: all of them (`Optional[T]`, `Union[A, B]`), or the
# first (`Annotated[T, Query()]`).
UNIONS = frozenset({"Optional", "Union"})
SIZE_LIMIT = 2_000_000


def enum_parameters(function: cst.FunctionDef, module: cst.Module, imports: ImportTable, path: str) -> frozenset[str]:
    """The parameters of `function` whose every annotated type (`None` aside) is an enum class of the module or of a
    module of its package that the file imports."""
    params = function.params
    annotated = [p for p in (*params.posonly_params, *params.params, *params.kwonly_params) if p.annotation is not None]
    if not annotated:
        return frozenset()
    local = _enum_names((c.name.value, (callee_tail(b.value) for b in c.bases)) for c in module.body
                        if type(c) is cst.ClassDef)
    found = set()
    for param in annotated:
        types = list(_annotated_types(param.annotation.annotation))  # type: ignore[union-attr]
        if types and all(t is not None and (t in local or _imported_enum(t, imports, path)) for t in types):
            found.add(param.name.value)
    return frozenset(found)


def _annotated_types(node: cst.BaseExpression) -> Iterator[str | None]:
    """The types an annotation allows, spelled as written (`Theme`, `types.Theme`), `None` left out; None for a type
    that is no plain name (`list[str]`)."""
    if type(node) is cst.Name and node.value == "None":
        return
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.BitOr:
        yield from _annotated_types(node.left)
        yield from _annotated_types(node.right)
        return
    if type(node) is cst.Subscript:
        wrapper = callee_tail(node.value)
        items = [e.slice.value for e in node.slice if type(e.slice) is cst.Index]
        if wrapper in UNIONS and items:
            for item in items:
                yield from _annotated_types(item)
        elif wrapper == "Annotated" and items:
            yield from _annotated_types(items[0])
        else:
            yield None
        return
    yield _dotted(node)


def _dotted(node: cst.BaseExpression) -> str | None:
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        owner = _dotted(node.value)
        return f"{owner}.{node.attr.value}" if owner else None
    return None


def _imported_enum(spelled: str, imports: ImportTable, path: str) -> bool:
    """`Theme` imported from a module of the file's package (`from .types import Theme`), or `types.Theme` of such
    a module imported whole, is an enum class there."""
    head, _, rest = spelled.partition(".")
    target = imports.aliases.get(head)
    if target is None:
        return False
    module, _, name = (f"{target}.{rest}" if rest else target).rpartition(".")
    defining = imported_module_file(path, module) if module else None
    return defining is not None and name in module_enums(defining)


def _enum_names(classes: Iterable[tuple[str, Iterable[str | None]]]) -> frozenset[str]:
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
    return _enum_names((node.name, (_ast_tail(base) for base in node.bases)) for node in tree.body
                       if isinstance(node, ast.ClassDef))


def _ast_tail(node: ast.expr) -> str | None:
    """`Enum` of `Enum` and of `enum.Enum`."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


class EnumModulesInputs:
    """What `module_enums` reads for a checked file, the modules of its package it imports: a `Rule.cache_inputs`
    function, whose `cache_clear` (called when a run starts) forgets the classes read in an earlier run."""

    def __call__(self, path: str) -> str:
        return imported_modules_inputs(path)

    def cache_clear(self) -> None:
        imported_modules_inputs.cache_clear()
        module_enums.cache_clear()


enum_modules_inputs = EnumModulesInputs()
