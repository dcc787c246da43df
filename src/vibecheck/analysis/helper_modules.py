"""Functions of a project's helper module that copy a whole mapping onto an object: `crud.apply_changes(obj, data)`.

A handler that hands the client's dict to `services.update_project(session, project, changes)` lets the client write
any column when the helper does `for key, value in changes.items(): setattr(project, key, value)`; a per-file rule
sees only the call. By convention such helpers live in a module named for its layer (`HELPER_MODULES`) of the
handler's package or the package above it (`from .. import services` in `routers/projects.py`, or by the package's
name, `from app import services`): only those are read, with `ast`, once per run, and `helper_modules_inputs` puts
them into the checked file's cache key.
"""

from __future__ import annotations

import ast
import functools
import os
from pathlib import Path

from vibecheck import listings
from vibecheck.safe_files import parsed_module

HELPER_MODULES = ("crud", "services", "service", "helpers", "utils")
SIZE_LIMIT = 2_000_000


def copied_parameter(path: str, reference: str) -> tuple[int, str] | None:
    """(position, name) of the parameter whose every key the function that `reference` names (as imported in the file
    at `path`: `..services.update_project`) copies onto an object with `setattr`; None when it is not such a function
    of a helper module beside the file or one package up."""
    module_file = _helper_module(path, reference.rpartition(".")[0])
    if module_file is None:
        return None
    return _copying_functions(module_file).get(reference.rpartition(".")[2])


def _helper_module(path: str, module: str) -> str | None:
    """The file of `.crud` (beside `path`) or `..services` (one package up), when it is a helper module."""
    return module_beside(path, module, HELPER_MODULES)


def module_beside(path: str, module: str, names: tuple[str, ...]) -> str | None:
    """The file of the module `module` names, as imported in the file at `path`, when it is one of `names` beside the
    file or one package up: `.crud` and `..services` relatively, `app.services` of `app/routes.py` or of
    `app/routers/items.py` by the package's name, `services` of a script in a folder that is no package."""
    dots = len(module) - len(module.lstrip("."))
    parts = module[dots:].split(".") if module[dots:] else []
    folder = Path(os.path.dirname(os.path.abspath(path)))
    if dots == 0 and len(parts) == 1 and parts[0] in names and not (folder / "__init__.py").is_file():
        dots = 1  # `from auth import ...` in a script's folder, which Python puts first on `sys.path`
    elif dots == 0 and len(parts) == 2:
        dots = next((up for up, package in ((1, folder), (2, folder.parent)) if package.name == parts[0]), 0)
        parts = parts[1:]
    if dots not in (1, 2) or len(parts) != 1 or parts[0] not in names:
        return None
    if dots == 2:
        folder = folder.parent
    for candidate in (folder / f"{parts[0]}.py", folder / parts[0] / "__init__.py"):
        if candidate.is_file():
            return str(candidate)
    return None


@functools.lru_cache(maxsize=256)
def _copying_functions(module_path: str) -> dict[str, tuple[int, str]]:
    """Each top-level function of the module that copies a parameter's items onto an object -> that parameter."""
    tree = parsed_module(module_path, SIZE_LIMIT)
    return copying_functions(tree) if tree is not None else {}


def copying_functions(tree: ast.Module) -> dict[str, tuple[int, str]]:
    """Each top-level function of a parsed module that copies every item of a parameter onto an object with
    `setattr` -> (position, name) of that parameter: a helper module's, or the checked file's own."""
    found: dict[str, tuple[int, str]] = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
            copied = next((name for name in _setattr_loops(node) if name in names), None)
            if copied is not None:
                found[node.name] = (names.index(copied), copied)
    return found


def _setattr_loops(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    """The mappings of `for key, value in data.items(): setattr(obj, key, value)` loops that filter no key."""
    found = []
    for loop in ast.walk(function):
        if not (isinstance(loop, ast.For) and isinstance(loop.iter, ast.Call) and isinstance(loop.iter.func, ast.Attribute)
                and loop.iter.func.attr == "items" and isinstance(loop.iter.func.value, ast.Name)
                and isinstance(loop.target, ast.Tuple) and loop.target.elts and isinstance(loop.target.elts[0], ast.Name)):
            continue
        key = loop.target.elts[0].id
        inside = [node for statement in loop.body for node in ast.walk(statement)]
        filtered = any(isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == key
                       and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) for node in inside)
        copies = any(isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"
                     and len(node.args) >= 2 and isinstance(node.args[1], ast.Name) and node.args[1].id == key
                     for node in inside)
        if copies and not filtered:
            found.append(loop.iter.func.value.id)
    return found


class HelperModulesInputs:
    """A digest of the helper modules beside the file at `path` and one package up, which `copied_parameter` may read:
    a `Rule.cache_inputs` function. The cache calls `cache_clear` when a run starts."""

    def __call__(self, path: str) -> str:
        folder = os.path.dirname(os.path.abspath(path))
        return _folder_digest(folder) + _folder_digest(os.path.dirname(folder))

    def cache_clear(self) -> None:
        _folder_digest.cache_clear()
        _copying_functions.cache_clear()


@functools.lru_cache(maxsize=1024)
def _folder_digest(folder: str) -> str:
    """The helper modules of `folder` (`listings.modules_digest`: a warm run on Django asked for ten names in each of
    200 folders, of which two dozen exist)."""
    return listings.modules_digest(folder, HELPER_MODULES)


helper_modules_inputs = HelperModulesInputs()
