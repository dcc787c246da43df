"""One cheap import-alias table per file, so every rule sees `r.get` as `requests.get`."""

from __future__ import annotations

import sys
from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node

# How `full_name` reads the node types that stand for the name in one of their fields.
_NAME_FIELDS: dict[type, str] = {cst.Call: "func", cst.Subscript: "value", cst.FunctionDef: "name", cst.ClassDef: "name",
                                  cst.Decorator: "decorator"}
# The types libcst's helper reads a name from; for any other type (a literal, an operation) it answers None.
_NAMED_TYPES = (cst.Name, cst.Attribute, str, *_NAME_FIELDS)
_MAY_BE_NAMED: dict[type, bool] = {}  # per type met: whether it subclasses one of them (libcst's node classes do not)


def full_name(node: Any) -> str | None:
    """`get_full_name_for_node` (libcst's helper, same answers, `None.attr` quirk included) with exact-type
    dispatch and no recursion: the helper's `isinstance` chain through ABCMeta made it a hot spot of the rules."""
    suffix = ""
    while True:
        kind = type(node)
        if kind is cst.Attribute:
            suffix = f".{node.attr.value}{suffix}"
            node = node.value
            continue
        if kind is cst.Name or kind is str:
            return f"{node.value if kind is cst.Name else node}{suffix}"
        field = _NAME_FIELDS.get(kind, "")
        if field == "":  # any other type (or a subclass, which libcst's concrete node classes do not have)
            named = _MAY_BE_NAMED.get(kind)
            if named is None:
                named = _MAY_BE_NAMED[kind] = issubclass(kind, _NAMED_TYPES)
            name = get_full_name_for_node(node) if named else None
            return f"{name}{suffix}" if name is not None or suffix else None
        node = getattr(node, field)


class ImportTable:
    """Maps local names bound by import statements to the dotted names they stand for.

    Module-level imports are read before the walk; imports inside functions are added as the walk meets
    them. Names never imported resolve to themselves, so `hashlib.md5` is recognised even in a fragment
    pasted without its import.
    """

    def __init__(self) -> None:
        self.aliases: dict[str, str] = {}
        # Many rules resolve the same call node; the spelled name and its resolution are memoised per node
        # identity (the node is kept in the entry, so its id cannot be reused by another node while the table
        # lives). A resolution holds while `_version` does: it counts the changes to `aliases`.
        self._dotted: dict[int, tuple[cst.CSTNode, str | None, int, str | None]] = {}
        self._version = 0
        # Per import statement: the (local name, dotted name) pairs it binds.
        self._bindings: dict[int, tuple[cst.CSTNode, tuple[tuple[str, str], ...]]] = {}
        # `imports_any` answers, per prefix tuple; cleared when an alias changes (the walk meets function-level
        # imports, each flow rule again).
        self._imports_any: dict[tuple[str, ...], bool] = {}
        # Per fallback import (under `except ImportError`): the local names it would rebind that the `try` already
        # bound from the standard library, which cannot fail, so the fallback never runs.
        self._dead_fallbacks: dict[int, tuple[cst.CSTNode, frozenset[str]]] = {}

    @classmethod
    def from_module(cls, module: cst.Module, source: str = "") -> ImportTable:
        """The table of a module's own imports; with its `source`, fallback imports that never run are known too."""
        table = cls()
        if "ImportError" in source or "ModuleNotFoundError" in source:
            table._dead_fallbacks = _dead_fallbacks(module)
        pending: list[cst.CSTNode] = list(module.body)
        while pending:
            statement = pending.pop()
            if type(statement) is cst.SimpleStatementLine:
                for small in statement.body:
                    if type(small) is cst.Import or type(small) is cst.ImportFrom:
                        table.add(small)
            elif type(statement) is cst.If or type(statement) is cst.Try or type(statement) is cst.With:
                pending.extend(_nested_statements(statement))
        return table

    def add(self, node: cst.Import | cst.ImportFrom) -> None:
        """Bind the names an import statement binds (again: each flow rule's walk meets a function's imports)."""
        entry = self._bindings.get(id(node))
        if entry is None:
            bindings = _bindings_of(node)
            dead = self._dead_fallbacks.get(id(node))
            if dead is not None and dead[0] is node:
                bindings = tuple(pair for pair in bindings if pair[0] not in dead[1])
            entry = self._bindings[id(node)] = (node, bindings)
        for local, target in entry[1]:
            if self.aliases.get(local) != target:
                self.aliases[local] = target
                self._version += 1
                self._imports_any.clear()

    @property
    def version(self) -> int:
        """How many times a binding changed (a function's own import): answers computed from the table keep it."""
        return self._version

    def qualified_name(self, node: cst.CSTNode) -> str | None:
        """The dotted name an expression refers to (a call resolves to its callee), or None.

        Remembered by the node asked about, a call and any other expression too: the flow rules ask it of the same
        calls in every lane, so the commonest answer is one lookup."""
        entry = self._dotted.get(id(node))
        if entry is not None and entry[2] == self._version:
            return entry[3]
        if entry is not None:
            dotted = entry[1]
        else:
            named = node.func if type(node) is cst.Call else node  # type: ignore[attr-defined]
            dotted = full_name(named) if type(named) is cst.Name or type(named) is cst.Attribute else None
        resolved = None
        if dotted is not None:
            head, _, rest = dotted.partition(".")
            resolved = self.aliases.get(head, head)
            resolved = f"{resolved}.{rest}" if rest else resolved
        self._dotted[id(node)] = (node, dotted, self._version, resolved)
        return resolved

    def imported_names(self) -> set[str]:
        """The dotted module or object names imported anywhere in the file."""
        return set(self.aliases.values())

    def imports_any(self, prefixes: tuple[str, ...]) -> bool:
        """Whether an imported name starts with one of `prefixes`; memoised, since flow rules ask it per function."""
        found = self._imports_any.get(prefixes)
        if found is None:
            found = self._imports_any[prefixes] = any(name.startswith(prefixes) for name in self.aliases.values())
        return found


def _bindings_of(node: cst.Import | cst.ImportFrom) -> tuple[tuple[str, str], ...]:
    """(local name, dotted name it stands for) for each name an import statement binds, in order."""
    if isinstance(node, cst.Import):
        pairs = []
        for alias in node.names:
            dotted = full_name(alias.name) or ""
            if alias.asname is not None:
                pairs.append((full_name(alias.asname.name) or dotted, dotted))
            else:
                head = dotted.split(".")[0]
                pairs.append((head, head))
        return tuple(pairs)
    module = "." * len(node.relative) + (full_name(node.module) or "" if node.module else "")
    if isinstance(node.names, cst.ImportStar):
        return ()
    separator = "" if module.endswith(".") or not module else "."
    found = []
    for alias in node.names:
        imported = full_name(alias.name) or ""
        local = full_name(alias.asname.name) if alias.asname is not None else imported
        found.append((local or imported, f"{module}{separator}{imported}"))
    return tuple(found)


def _nested_statements(statement: cst.CSTNode) -> list[cst.CSTNode]:
    blocks: list[cst.BaseSuite] = []
    if isinstance(statement, cst.If):
        blocks.append(statement.body)
        orelse = statement.orelse
        while orelse is not None:
            blocks.append(orelse.body)
            orelse = orelse.orelse if isinstance(orelse, cst.If) else None
    elif isinstance(statement, cst.Try):
        blocks.append(statement.body)
        blocks.extend(handler.body for handler in statement.handlers)
        if statement.orelse is not None:
            blocks.append(statement.orelse.body)
    elif isinstance(statement, cst.With):
        blocks.append(statement.body)
    nested: list[cst.CSTNode] = []
    for block in blocks:
        if isinstance(block, cst.IndentedBlock):
            nested.extend(block.body)
    return nested


IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError"})


def _catches_import_error(handler: cst.ExceptHandler) -> bool:
    caught = handler.type
    names = [element.value for element in caught.elements] if type(caught) is cst.Tuple else [caught]
    return any(full_name(name) in IMPORT_ERRORS for name in names if name is not None)


def _block_imports(block: cst.BaseSuite) -> list[cst.Import | cst.ImportFrom]:
    """The import statements directly in a block (not nested in its compound statements)."""
    statements = block.body if isinstance(block, cst.IndentedBlock) else ()
    return [small for statement in statements if type(statement) is cst.SimpleStatementLine
            for small in statement.body if type(small) is cst.Import or type(small) is cst.ImportFrom]


def _stdlib_locals(imports: list[cst.Import | cst.ImportFrom]) -> set[str]:
    """The local names these imports bind from the standard library (`from secrets import randbits`)."""
    return {local for node in imports for local, target in _bindings_of(node)
            if target.split(".", 1)[0] in sys.stdlib_module_names}


def _dead_fallbacks(module: cst.Module) -> dict[int, tuple[cst.CSTNode, frozenset[str]]]:
    """`try: from secrets import randbits` / `except ImportError: from random import getrandbits as randbits`: the
    standard library's name is what runs, so the fallback's binding of the same name is never made. Walks statements
    only (module, classes, functions and their compound statements), never expressions."""
    dead: dict[int, tuple[cst.CSTNode, frozenset[str]]] = {}
    pending: list[cst.CSTNode] = list(module.body)
    while pending:
        statement = pending.pop()
        if type(statement) is cst.SimpleStatementLine:
            continue
        if isinstance(statement, cst.Try):
            handlers = [handler for handler in statement.handlers if _catches_import_error(handler)]
            primary = _stdlib_locals(_block_imports(statement.body)) if handlers else set()
            for handler in handlers if primary else ():
                for fallback in _block_imports(handler.body):
                    shadowed = primary.intersection(local for local, _ in _bindings_of(fallback))
                    if shadowed:
                        dead[id(fallback)] = (fallback, frozenset(shadowed))
        for block in _child_blocks(statement):
            if isinstance(block, cst.IndentedBlock):
                pending.extend(block.body)
    return dead


def _child_blocks(statement: cst.CSTNode) -> list[cst.BaseSuite]:
    """The blocks of a compound statement: its body, `else`/`elif` chain, handlers and `finally`."""
    blocks: list[cst.BaseSuite] = []
    body = getattr(statement, "body", None)
    if isinstance(body, cst.BaseSuite):
        blocks.append(body)
    blocks.extend(handler.body for handler in getattr(statement, "handlers", ()))
    blocks.extend(case.body for case in getattr(statement, "cases", ()))
    orelse = getattr(statement, "orelse", None)
    while orelse is not None:
        blocks.append(orelse.body)
        orelse = orelse.orelse if type(orelse) is cst.If else None
    final = getattr(statement, "finalbody", None)
    if final is not None:
        blocks.append(final.body)
    return blocks
