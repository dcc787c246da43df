"""The import a fix needs (`import os`, `import hmac`, ...): how fixed code names the module, and the edit that adds it.

A fix that writes `os.environ[...]` must not leave a `NameError`, must not add a second `import os`, and must
not add one where `os` already names something else (a parameter, a variable, another import), which the
import would shadow or be shadowed by. The import goes where a person (or isort) would put it: after the
module docstring and `from __future__` imports, among the leading standard-library imports, in sorted place
when they are sorted. Two fixes in one file that need the same module produce the same edit at the same
place, which the fix engine applies once.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.rule import LineInsertion, RuleContext

STDLIB = frozenset(sys.stdlib_module_names)


@dataclass(frozen=True)
class ModuleReference:
    """How fixed code spells `module.member` in this file, and the replacements (at most one) that add the import."""

    spelling: str
    replacements: tuple[tuple[LineInsertion, str], ...] = ()


def reference(context: RuleContext, module: str, member: str | None = None) -> ModuleReference | None:
    """How to write the standard-library `module` (or `module.member`) here; None when no safe spelling exists.

    `import os` -> `os.environ`; `import os as _os` -> `_os.environ`; `from os import environ` -> `environ`;
    none of them -> `os.environ` plus the edit that adds `import os`. None when the file binds the module's
    name to anything else anywhere, or Python cannot parse the file.
    """
    tree = context.python_ast()
    if tree is None:
        return None
    bindings = _bindings(tree)
    if bindings.others[module]:
        return None
    if member is not None and (module, member) in bindings.members and bindings.others[member] == 1:
        return ModuleReference(member)
    suffix = f".{member}" if member is not None else ""
    if module in bindings.modules:
        return ModuleReference(f"{bindings.modules[module]}{suffix}")
    insertion = import_insertion(context.module, module)
    if insertion is None:
        return None
    return ModuleReference(f"{module}{suffix}", (insertion,))


def times_bound(context: RuleContext, name: str) -> int | None:
    """How often the file binds `name` (assignments, parameters, definitions, imports); None if Python cannot parse it.

    A module constant bound once is the same value in every function, so a fix may refer to it by name.
    """
    tree = context.python_ast()
    if tree is None:
        return None
    bindings = _bindings(tree)
    return bindings.others[name] + (name in bindings.modules)  # `others` leaves out `import M` binding M


@dataclass
class _Bindings:
    """What the file binds: the unconditional top-level imports, and how often each name is bound otherwise."""

    modules: dict[str, str] = field(default_factory=dict)  # module -> the local name a top-level import gives it
    members: set[tuple[str, str]] = field(default_factory=set)  # (module, name) of top-level `from module import name`
    others: Counter[str] = field(default_factory=Counter)  # bindings by anything but `import M` binding M itself


_CACHE: dict[int, tuple[ast.Module, _Bindings]] = {}


def _bindings(tree: ast.Module) -> _Bindings:
    """The file's bindings, read once per file (every fix of the file asks)."""
    cached = _CACHE.get(id(tree))
    if cached is not None and cached[0] is tree:
        return cached[1]
    bindings = _Bindings()
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname is not None:
                    bindings.modules.setdefault(alias.name, alias.asname)
                else:
                    head = alias.name.split(".")[0]
                    bindings.modules.setdefault(head, head)
        elif isinstance(statement, ast.ImportFrom) and statement.level == 0 and statement.module:
            bindings.members.update((statement.module, a.name) for a in statement.names if a.asname is None)
    for node in ast.walk(tree):
        bindings.others.update(_bound_names(node))
    _CACHE.clear()
    _CACHE[id(tree)] = (tree, bindings)
    return bindings


def _bound_names(node: ast.AST) -> Iterable[str]:
    """Names a node binds, except `import M` binding M (the module itself, which never shadows M)."""
    if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
        return (node.id,)
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return (node.name,)
    if isinstance(node, ast.arg):
        return (node.arg,)
    if isinstance(node, ast.Import):
        return (alias.asname for alias in node.names if alias.asname is not None)
    if isinstance(node, ast.ImportFrom):
        return (alias.asname or alias.name for alias in node.names if alias.name != "*")
    if isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
        return (node.name,)
    if isinstance(node, ast.MatchMapping) and node.rest:
        return (node.rest,)
    if isinstance(node, (ast.Global, ast.Nonlocal)):
        return tuple(node.names)
    return ()


def import_insertion(module: cst.Module, name: str) -> tuple[LineInsertion, str] | None:
    """The edit that adds `import name` to the module: the same edit for the same module and name, so it composes.

    After the docstring and `from __future__` imports; among the leading standard-library imports (in
    sorted place when the plain `import x` lines before it sort below it); before the leading third-party
    block, as its own section, when there is no standard-library import; else after the docstring.
    """
    newline = module.default_newline
    line = f"import {name}{newline}"
    body = module.body
    index, last_header = 0, None
    if body and is_docstring_line(body[0]):
        index, last_header = 1, body[0]
    while index < len(body) and _imports_from_future(body[index]):
        index, last_header = index + 1, body[index]
    block = []
    while index < len(body) and _import_modules(body[index]):
        block.append(body[index])
        index += 1
    stdlib = [s for s in block if all(m.split(".")[0] in STDLIB for m in _import_modules(s))]
    plain = [s for s in stdlib if _is_plain_import(s)]
    if plain:
        below = [s for s in plain if _import_modules(s)[0].lower() < name.lower()]
        return (LineInsertion(below[-1], after=True), line) if below else (LineInsertion(plain[0]), line)
    if stdlib:
        return LineInsertion(stdlib[0]), line
    if block:
        return LineInsertion(block[0]), line + newline
    if last_header is not None:
        return LineInsertion(last_header, after=True), newline + line
    if body:
        return LineInsertion(body[0]), line + newline
    return None


def _small_statements(statement: cst.BaseStatement) -> list[cst.BaseSmallStatement]:
    return list(statement.body) if isinstance(statement, cst.SimpleStatementLine) else []


def is_docstring_line(statement: cst.BaseStatement) -> bool:
    """A line holding only a string literal: a docstring where it comes first."""
    small = _small_statements(statement)
    return (len(small) == 1 and isinstance(small[0], cst.Expr)
            and isinstance(small[0].value, (cst.SimpleString, cst.ConcatenatedString)))


def _imports_from_future(statement: cst.BaseStatement) -> bool:
    small = _small_statements(statement)
    return bool(small) and all(isinstance(s, cst.ImportFrom) and not s.relative and s.module is not None
                               and get_full_name_for_node(s.module) == "__future__" for s in small)


def _import_modules(statement: cst.BaseStatement) -> list[str]:
    """The absolute modules a line of only imports imports (`[]` for any other line, or a relative import)."""
    modules: list[str] = []
    smalls = _small_statements(statement)
    if not smalls:
        return []
    for small in smalls:
        if isinstance(small, cst.Import):
            modules.extend(get_full_name_for_node(alias.name) or "" for alias in small.names)
        elif isinstance(small, cst.ImportFrom) and not small.relative and small.module is not None:
            modules.append(get_full_name_for_node(small.module) or "")
        else:
            return []
    return modules


def _is_plain_import(statement: cst.BaseStatement) -> bool:
    return all(isinstance(s, cst.Import) for s in _small_statements(statement))
