"""The project's own error classes whose every message is the project's wording: `raise AssistantError("the
assistant is unavailable")`, `raise OrderNotFound(f"no order {order_id}")`.

A handler that answers with `str(exc)` of such an error tells the client a sentence the project wrote for it, not a
driver's or a library's text. Which class it is, and how it is raised, lives in another module as often as not
(`from .errors import QuotaExceeded`, `except shop.exceptions.OutOfStock as exc`): by convention such classes live
in a module named for them (`ERROR_MODULES`), beside the checked file or one package up, or in the module of the
service that raises them (`from . import llm`, `except llm.AssistantError`; `from shop.stock import OutOfStock`). Only
those are read, with `ast`, once per run: the error modules, and the modules of its own package the file imports
(`imported_modules`, found in its text), and `own_errors_inputs` puts only those into the checked file's cache key: a
digest of every module beside the file made an edit of one file re-check all its neighbours, where an edit of
`llm.py` re-checks the files importing it.
"""

from __future__ import annotations

import ast
import builtins
import functools
import os

from vibecheck import listings
from vibecheck.analysis.imported_modules import imported_modules, imports_digest
from vibecheck.safe_files import parsed_module

SIZE_LIMIT = 2_000_000
# Modules named for the errors they define (`errors.py`, `exceptions/__init__.py`): the ones read for a class.
ERROR_MODULES = ("errors", "exceptions", "error", "exception", "exc", "_errors", "_exceptions")
# Attributes that hold text from outside the project: an upstream response's body, a process's output, another
# exception's message (`f"provider refused: {response.text}"`).
OUTSIDE_TEXT_ATTRIBUTES = frozenset({"text", "content", "body", "data", "stderr", "stdout", "output", "reason",
                                     "message", "msg", "args", "detail", "details", "errors"})


def raised_with_fixed_messages(path: str, qualified: str) -> bool:
    """Whether the exception class `qualified` names, as imported in the file at `path` (`.errors.AssistantError`,
    `..errors.QuotaExceeded`, `shop.errors.OutOfStock` of the file's own package `shop`, or a class of the file
    itself), is defined in an error module beside the file or one package up, and is raised
    there, and every raise of it and of its subclasses there and in the file itself passes a message made of literal
    text and plain names only."""
    if hasattr(builtins, qualified):
        return False  # `except Exception as exc`: no class of the project (and no second parse of the file)
    module_file = _defining_module(path, qualified)
    if module_file is None:
        return False
    name = qualified.rpartition(".")[2]
    family = _subclasses(module_file, name)
    if not family:
        return False
    raised = _raises(module_file, family)
    here = _raises(os.path.abspath(path), family) if module_file != os.path.abspath(path) else ()
    return bool(raised) and all(raised) and all(here)


def _defining_module(path: str, qualified: str) -> str | None:
    """The file of the module that defines the class: `.llm` beside `path`, `..errors` one package up, `shop.errors`
    when `shop` is the package the file lies in (or the one above it), the file itself for a class it defines."""
    folder = os.path.dirname(os.path.abspath(path))
    module = qualified.rpartition(".")[0]
    if not module:
        return os.path.abspath(path)
    dots = len(module) - len(module.lstrip("."))
    parts = module[dots:].split(".") if module[dots:] else []
    imported = imported_modules(os.path.abspath(path))
    if dots == 0:
        for base in (folder, os.path.dirname(folder)):
            if parts and os.path.basename(base) == parts[0]:
                return _module_file(base, parts[1:], imported)
        return None
    if dots > 2:
        return None
    return _module_file(folder if dots == 1 else os.path.dirname(folder), parts, imported)


def _module_file(package: str, parts: list[str], imported: frozenset[tuple[str, str]]) -> str | None:
    """The file of the module `parts` names directly inside the package folder when it is an error module, or one the
    file's text imports (`imported`): the ones `own_errors_inputs` covers; None for any other module."""
    if len(parts) != 1 or (parts[0] not in ERROR_MODULES and (package, parts[0]) not in imported):
        return None
    candidates = (os.path.join(package, f"{parts[0]}.py"), os.path.join(package, parts[0], "__init__.py"))
    return next((c for c in candidates if os.path.isfile(c)), None)


@functools.lru_cache(maxsize=512)
def _tree(module_file: str) -> ast.Module | None:
    return parsed_module(module_file, SIZE_LIMIT)


@functools.lru_cache(maxsize=1024)
def _subclasses(module_file: str, name: str) -> frozenset[str]:
    """The class `name`, when the module defines it, and the classes of the module derived from it."""
    tree = _tree(module_file)
    if tree is None:
        return frozenset()
    bases = {node.name: {b.id if isinstance(b, ast.Name) else b.attr if isinstance(b, ast.Attribute) else ""
                         for b in node.bases} for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    if name not in bases:
        return frozenset()
    family = {name}
    grown = True
    while grown:
        derived = {cls for cls, names in bases.items() if names & family} - family
        family |= derived
        grown = bool(derived)
    return frozenset(family)


@functools.lru_cache(maxsize=1024)
def _raises(module_file: str, family: frozenset[str]) -> tuple[bool, ...]:
    """For each `raise X(...)` of a class of `family` in the module, whether its message is the project's wording."""
    tree = _tree(module_file)
    if tree is None:
        return (False,)
    caught = {node.name for node in ast.walk(tree) if isinstance(node, ast.ExceptHandler) and node.name}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        func = node.exc.func
        called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if called in family:
            found.append(all(_fixed(arg, caught) for arg in node.exc.args))
    return tuple(found)


def _fixed(message: ast.expr, caught: set[str]) -> bool:
    """Literal text, or an f-string whose values are plain names and attributes that hold no outside text."""
    if isinstance(message, ast.Constant):
        return True
    if isinstance(message, ast.JoinedStr):
        return all(_plain(part.value, caught) for part in message.values if isinstance(part, ast.FormattedValue))
    return False


def _plain(value: ast.expr, caught: set[str]) -> bool:
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.Name):
        return value.id not in caught
    if isinstance(value, ast.Attribute):
        return value.attr not in OUTSIDE_TEXT_ATTRIBUTES and _plain(value.value, caught)
    return False


class OwnErrorsInputs:
    """A digest of the error modules beside the file at `path` and one package up, and of the modules it imports
    relatively, which `raised_with_fixed_messages` may read: a `Rule.cache_inputs` function. The cache calls
    `cache_clear` when a run starts."""

    def __call__(self, path: str) -> str:
        path = os.path.abspath(path)
        folder = os.path.dirname(path)
        return _folder_digest(folder) + _folder_digest(os.path.dirname(folder)) + imports_digest(path)

    def cache_clear(self) -> None:
        imported_modules.cache_clear()
        imports_digest.cache_clear()
        _folder_digest.cache_clear()
        _tree.cache_clear()
        _subclasses.cache_clear()
        _raises.cache_clear()


@functools.lru_cache(maxsize=1024)
def _folder_digest(folder: str) -> str:
    """The error modules of `folder` (`listings.modules_digest`)."""
    return listings.modules_digest(folder, ERROR_MODULES)


own_errors_inputs = OwnErrorsInputs()
