"""The shared walk of VC503/VC504: each absolute import that is not stdlib, not local and not optional.

These are per-file rules with project context: the file's project root (the nearest `pyproject.toml`,
`setup.py` or `setup.cfg`) is found from its path, and what the project declares is read once per
process and cached. That keeps findings at the import itself, and works on single files, stdin and the
changed files pre-commit passes, without a project phase.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path
from typing import ClassVar

import libcst as cst

from vibecheck.analysis.dependencies import (
    DEV_WORDS,
    ProjectDependencies,
    dependency_inputs,
    folder_project,
    is_standard_library,
    local_module_names,
    script_dependencies,
)
from vibecheck.imports import full_name
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule, RuleContext
from vibecheck.rules.agent_artefacts._syntax import block_statements

# A waiver of another linter's import-outside-toplevel check: the author deferred the import on purpose, the way an
# optional dependency is imported only by the feature that needs it; or of pylint's import-error: the author knows the
# module may be missing where the code is linted (nautobot's `from nautobot_version_control.utils import ...`, a plugin).
DEFERRAL_WAIVER = lazy_pattern(r"\bPLC0415\b|\bC0415\b|import-outside-toplevel|\bE0401\b|\bimport-error\b",
                               re.IGNORECASE)
IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "Exception", "BaseException"})
# Shorter module names (`io`, `re`, `rsa`) occur by chance inside unrelated function names: they must be a whole word of
# one (`def _use_rsa_signer(): import rsa`).
MIN_ADAPTER_NAME = 4
NAME_WORDS = lazy_pattern(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
# What the rest of a module's file name says when the module exists to use the package its first word names:
# peewee's `playhouse/apsw_ext.py` (`import apsw`), `sqlcipher_ext.py` (`from sqlcipher3 import dbapi2`).
ADAPTER_MODULE_WORDS = frozenset({"ext", "extension", "extensions", "backend", "support", "compat", "adapter",
                                  "integration", "plugin", "driver"})
# Sub-packages of a package that hold its optional integrations with other frameworks, which users install when
# they use them: Django's `contrib` convention (`huey/contrib/djhuey`), a library's `adapter` folder
# (`slack_bolt/adapter/aws_lambda/chalice_handler.py`), its `integrations` (`sentry_sdk/integrations/celery`). Not
# `adapters`, a layer of an application's own code in a ports-and-adapters layout.
INTEGRATION_FOLDERS = frozenset({"contrib", "adapter", "integrations"})
# Extras that gather every optional backend at once (`tablib[all]`), not one a function or class is named for.
CATCH_ALL_EXTRAS = frozenset({"all", "full", "complete", "everything", "extras", "optional", "default", "standard"})


def _squashed(name: str) -> str:
    """`_invoke_bpython_shell` -> `invokebpythonshell`, `PyLibMC` -> `pylibmc`: names compared without case or `_`."""
    return name.replace("_", "").lower()


def _backend_names(module: str) -> set[str]:
    """The names a backend class is called by besides the module's own: the sub-package of a namespace package
    (`appengine` of `google.appengine.ext`) and the host an extension package is named after (`aiohttp` of
    `aiohttp_wsgi`)."""
    parts = module.split(".")
    words = parts[0].strip("_").split("_")
    names = {words[0]} if len(words) > 1 else set()
    names.update(parts[1:2])
    return {_squashed(name) for name in names if len(name) >= MIN_ADAPTER_NAME}


def _words(name: str) -> list[str]:
    """`_use_rsa_signer` -> use, rsa, signer; `RSASigner` -> rsa, signer."""
    return [word.lower() for word in NAME_WORDS.findall(name)]


def _names_package(name: str, package: str) -> bool:
    """A function or class name that names the package: inside it for a long name, as one of its words for a short one."""
    if len(package) >= MIN_ADAPTER_NAME:
        return package in _squashed(name)
    return package in _words(name)


def adapter_module_for(path: str, package: str) -> bool:
    """A module named for the package it adapts (`apsw_ext.py` for `apsw`, `sqlcipher_ext.py` for `sqlcipher3`,
    ansible's `_debugpy.py`): its first word is the package's name (a trailing version number aside), and an adapter's
    word the rest, if any."""
    words = _words(Path(path).stem)
    return 0 < len(words) <= 2 and words[0] == package.lower().rstrip("0123456789") and (
        len(words) == 1 or words[1] in ADAPTER_MODULE_WORDS)


def in_integration_package(resolved: Path, root: Path | None) -> bool:
    """A module (its path resolved on the disk) of a package's sub-package of optional integrations
    (`INTEGRATION_FOLDERS`: `huey/contrib/djhuey/models.py`, `ariadne/contrib/sse.py`,
    `slack_bolt/adapter/tornado/handler.py`). Such a folder at the project's root belongs to no package of it."""
    folders = resolved.relative_to(root).parts[:-1] if root and resolved.is_relative_to(root) else resolved.parts[:-1]
    return not INTEGRATION_FOLDERS.isdisjoint(folders[1:])


def _waived_in_parentheses(node: cst.Import | cst.ImportFrom) -> bool:
    """`from plugin.utils import (  # pylint: disable=import-error`: the waiver on the first line of a long import."""
    after = node.lpar.whitespace_after if isinstance(node, cst.ImportFrom) and node.lpar is not None else None
    comment = after.first_line.comment if isinstance(after, cst.ParenthesizedWhitespace) else None
    return comment is not None and DEFERRAL_WAIVER.search(comment.value) is not None


def _is_main_guard(test: cst.BaseExpression) -> bool:
    """`if __name__ == "__main__":` runs the script, so its imports are not conditional."""
    return type(test) is cst.Comparison and "__name__" in {
        full_name(test.left), *(full_name(c.comparator) for c in test.comparisons)}


def _top_levels(node: cst.Import | cst.ImportFrom) -> set[str]:
    """The top-level modules an absolute import names (`MySQLdb` for `import MySQLdb as Database`)."""
    if isinstance(node, cst.ImportFrom):
        module = None if node.relative or node.module is None else full_name(node.module)
        return {module.split(".")[0]} if module else set()
    return {(full_name(alias.name) or "").split(".")[0] for alias in node.names} - {""}


def _file_project(context: RuleContext) -> tuple[ProjectDependencies, frozenset[str], Path]:
    """The project of the checked file (with a PEP 723 script's own dependencies), its local modules and its resolved
    path: the same for every import check of the file (VC503 and VC504 each resolved the path on the disk)."""
    found: tuple[ProjectDependencies, frozenset[str], Path] | None = context.shared.get(_file_project)
    if found is None:
        path = Path(context.path).resolve()
        project = folder_project(path.parent)
        local = local_module_names(path, project)
        inline = script_dependencies(context.source)
        if inline is not None:  # a PEP 723 script declares its own dependencies, which `uv run` installs
            project = dataclasses.replace(project, declared=project.declared | inline, declares=True)
        found = context.shared[_file_project] = (project, local, path)
    return found


class ImportCheck(Rule):
    """Calls `check_import` once per third-party top-level module a file needs at run time."""

    cache_inputs = (dependency_inputs,)
    # Whether an import in an optional backend (see `in_adapter_for`) is left alone; it then does not count as
    # the file's one check of that module either, so a later plain import of it is still judged.
    skips_adapters: ClassVar[bool] = False

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        # What `_mark_optional` finds depends on the file alone, and every import check of the file meets the same
        # statements in the same order: the first to meet one marks it for all of them (VC501 and VC502 walked each
        # `if`, `try` and `with` block of every file alike).
        marks = context.shared.get(ImportCheck._mark_optional)
        if marks is None:
            marks = context.shared[ImportCheck._mark_optional] = (set(), set(), set())
        self._optional: set[int] = marks[0]
        self._marked: set[int] = marks[1]  # compound statements whose imports are in `_optional` already
        self._guarded: set[str] = marks[2]  # top-level modules imported under `except ImportError`
        self._deferred: set[int] = set()  # imports whose line waives import-outside-toplevel: optional on purpose
        self._function_depth = 0
        self._scopes: list[str] = []  # the names of the enclosing classes and functions, outermost first
        self._class_scopes: list[str] = []  # the names of the enclosing classes, outermost first
        self._seen: set[str] = set()
        self._seen_modules: set[str] = set()  # dotted modules given to `check_submodule`
        self._project: ProjectDependencies | None = None
        self._local: frozenset[str] = frozenset()
        self._resolved = Path(context.path)  # the file's path resolved on the disk, once `project` is asked

    @property
    def project(self) -> ProjectDependencies:
        if self._project is None:
            self._project, self._local, self._resolved = _file_project(self.context)
        return self._project

    @property
    def local_modules(self) -> frozenset[str]:
        """The project's own top-level modules and those beside the checked file."""
        _ = self.project
        return self._local

    def check_import(self, node: cst.CSTNode, module: str, top_level: str, candidates: tuple[str, ...]) -> None:
        """Judge one import; `candidates` are the dotted names it may be provided as (`google.cloud.storage`)."""
        raise NotImplementedError

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._function_depth += 1
        self._scopes.append(node.name.value)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._function_depth -= 1
        self._scopes.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.append(node.name.value)
        self._class_scopes.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._scopes.pop()
        self._class_scopes.pop()

    def in_adapter_for(self, module: str) -> bool:
        """A deferred import inside a function, in a function or class named after the module it imports
        (`def ipython(self): from IPython import ...`, `class PyLibMCCache: ... import pylibmc`): the code path
        that exists to use that package when it is there, the usual shape of an optional backend. A class whose
        name begins with one of the module's backend names (`class AppEngineServer` for `google.appengine.ext`,
        `class AiohttpServer` for `aiohttp_wsgi`) is such an adapter too; the looser names must begin a class's
        name, so a helper that merely mentions a host framework (`def create_flask_app`) is still judged."""
        top_level = module.split(".")[0]
        if adapter_module_for(self.context.path, top_level) or self._in_integration_package or self.in_extra_backend():
            return True
        if self._function_depth == 0:
            return False
        wanted = _squashed(top_level)
        backends = _backend_names(module)
        return any(_names_package(scope, wanted) for scope in self._scopes) or any(
            _squashed(scope).startswith(name) for scope in self._class_scopes for name in backends)

    def in_extra_backend(self) -> bool:
        """A deferred import inside a function, in a function or class named for an extra a declared requirement asks
        for (`class XLS: def create_dataset(...): import xlrd` where the project declares `tablib[xls]`): the backend
        of that extra, whose distributions only the requirement's own metadata names. Extras named for a whole set
        (`all`, `full`) or for development (`dev`, `tests`) name no backend."""
        if self._function_depth == 0:
            return False
        extras = [extra for extra in self.project.requested_extras
                  if extra not in CATCH_ALL_EXTRAS and not DEV_WORDS.search(extra)]
        return any(_names_package(scope, _squashed(extra.replace("-", "_"))) for scope in self._scopes for extra in extras)

    @functools.cached_property
    def _in_integration_package(self) -> bool:
        """`in_integration_package` for the checked file, asked once: it resolves the path on the disk."""
        return in_integration_package(self._resolved, self.project.root)

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        comment = node.trailing_whitespace.comment
        waived = comment is not None and DEFERRAL_WAIVER.search(comment.value) is not None
        for small in node.body:
            if (type(small) is cst.Import or type(small) is cst.ImportFrom) and (waived or _waived_in_parentheses(small)):
                self._deferred.add(id(small))

    def visit_Try(self, node: cst.Try) -> None:
        if any(self._catches_import_error(handler.type) for handler in node.handlers):
            self._mark_optional(node, guards=True)

    def visit_If(self, node: cst.If) -> None:
        if not _is_main_guard(node.test):
            self._mark_optional(node)

    def visit_With(self, node: cst.With) -> None:
        for item in node.items:
            call = item.item
            if (isinstance(call, cst.Call) and self.qualified_name(call) == "contextlib.suppress"
                    and any(self._catches_import_error(arg.value) for arg in call.args)):
                self._mark_optional(node, guards=True)

    def visit_Import(self, node: cst.Import) -> None:
        if self._skipped(node):
            return
        for alias in node.names:
            module = full_name(alias.name) or ""
            self._check(alias.name, module, (module,))

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        if node.relative or node.module is None or self._skipped(node):
            return
        module = full_name(node.module) or ""
        names = () if isinstance(node.names, cst.ImportStar) else tuple(
            f"{module}.{full_name(alias.name)}" for alias in node.names)
        self._check(node.module, module, (module, *names))

    def _skipped(self, node: cst.Import | cst.ImportFrom) -> bool:
        """Optional and conditional imports, imports inside test functions (tests build modules on the fly), and,
        where adapters are skipped, imports deferred on purpose (`import feedparser  # noqa: PLC0415`)."""
        return id(node) in self._optional or (self.context.is_test_file and self._function_depth > 0) or (
            self.skips_adapters and id(node) in self._deferred)

    def _check(self, node: cst.CSTNode, module: str, candidates: tuple[str, ...]) -> None:
        top_level = module.split(".")[0]
        if not top_level or top_level in self._guarded or is_standard_library(top_level) \
                or (self.skips_adapters and self.in_adapter_for(module)):
            return
        if module != top_level and module not in self._seen_modules and top_level not in self.local_modules:
            self._seen_modules.add(module)
            self.check_submodule(node, module)
        if top_level in self._seen:
            return
        self._seen.add(top_level)
        if top_level not in self.local_modules:
            self.check_import(node, module, top_level, candidates)

    def check_submodule(self, node: cst.CSTNode, module: str) -> None:
        """Called once per dotted third-party module a file needs at run time (`anthropic.tooling`), also when the
        file imported its top level already; by default nothing."""

    def _catches_import_error(self, caught: cst.BaseExpression | None) -> bool:
        if caught is None:
            return True
        if type(caught) is cst.Tuple:
            return any(self._catches_import_error(element.value) for element in caught.elements)
        return (self.qualified_name(caught) or "").removeprefix("builtins.") in IMPORT_ERRORS

    def _mark_optional(self, statement: cst.If | cst.Try | cst.With, *, guards: bool = False) -> None:
        """Every import in the statement's blocks (an `else`, handlers and nested blocks included).

        `guards`: the statement catches `ImportError`, so it checks that its modules are there; the file's later
        plain imports of them (`from MySQLdb.constants import ...` after `try: import MySQLdb`) rely on that check.

        A block marked once is not walked again when the walk reaches its nested statements (an `elif`
        chain is nested `If`s: walking each again would be quadratic in the chain's length).
        """
        pending: list[cst.CSTNode] = [statement]
        while pending:
            node = pending.pop()
            if type(node) is cst.Import or type(node) is cst.ImportFrom:
                self._optional.add(id(node))
                if guards:
                    self._guarded.update(_top_levels(node))
            elif type(node) is cst.SimpleStatementLine:
                pending.extend(node.body)
            elif type(node) is cst.If or type(node) is cst.Else or type(node) is cst.Try or type(node) is cst.ExceptHandler \
                    or type(node) is cst.With:
                if id(node) in self._marked:
                    continue
                self._marked.add(id(node))
                pending.extend(block_statements(node.body))
                pending.extend(getattr(node, "handlers", ()))
                orelse = getattr(node, "orelse", None)
                if orelse is not None:
                    pending.append(orelse)
