"""What the tests reach, statically: the index the untested-code project rules (VC301, VC302, VC307) share.

A test file *reaches* a source module when it imports the module or something in it, refers to it by a
dotted name through its imports (`mod.f()`, `mock.patch("pkg.mod.f")`), or imports a package whose
`__init__.py` imports the module (the package's public facade, followed transitively). A definition is
*referenced* when a test names it by its dotted name (also through a package's re-export), when a test
that reaches its module uses its name (`client.get_user(...)`, `obj.method`), or, for a web handler,
when a test uses a path that matches its route (`"/users/42"` for `@app.get("/users/{id}")`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from vibecheck.analysis.app_model import AppModel
from vibecheck.analysis.coverage_data import find_coverage_file
from vibecheck.analysis.dependencies import read_project_toml
from vibecheck.analysis.modules import SourceLayout, resolve_relative
from vibecheck.facts import (
    DEFINITIONS,
    LISTS,
    LOCAL_IMPORTS,
    MARKS,
    MODULE_DISCOVERS,
    MODULE_IMPORTS,
    MODULE_MAIN_USES,
    MODULE_STAR_IMPORTS,
    MODULE_USES,
    OWN_PACKAGE_CALLS,
    TEST_REFERENCES,
)
from vibecheck.model import Finding, Location, Position
from vibecheck.rules.verification._framework import (
    framework_calls,
    known_framework_base,
    route_pattern,
    views_reached_by_url,
)
from vibecheck.rules.verification._templates import template_names
from vibecheck.test_data import CollectIgnores, in_data_folder

MAX_REEXPORT_HOPS = 8
DISTINCTIVE_LENGTH = 12  # a method name this long, of two words or more, that one definition has names that method
# Files that declare configuration for a framework to read (Django's admin, apps, settings, URLconf, the
# WSGI/ASGI entry points): there is no behaviour in them for a test to pin down.
DECLARATIVE_FILES = frozenset({"admin.py", "apps.py", "settings.py", "urls.py", "wsgi.py", "asgi.py", "routing.py"})
DECLARATIVE_FOLDERS = frozenset({"settings", "migrations"})
# Where pytest's configuration may switch doctest collection on.
DOCTEST_CONFIGS = ("pyproject.toml", "setup.cfg", "pytest.ini", "tox.ini")
# Files the framework imports at start-up, whose classes it instantiates (Django's `AppConfig`, whose
# `ready()` connects the signal receivers): reached whenever the tests run at all.
STARTUP_FILES = frozenset({"apps.py"})
# URLconfs: Django imports them to resolve the first request or `reverse()`, so their top-level code runs then.
URLCONF_FILES = frozenset({"urls.py"})
# Folders whose modules the framework loads by name (Django's template tag libraries, `{% load x %}`).
LOADED_FOLDERS = frozenset({"templatetags"})
# Django's admin imports each app's `admin` module (or `admin/` package) at start-up, when the admin is installed:
# a module of that name that imports `django.contrib.admin` runs whenever the tests run at all.
ADMIN_MODULE = "admin"
ADMIN_PACKAGE = "django.contrib.admin"
# Top-level folders that hold a project's test suite under a name the default `test-paths` do not match (celery's
# `t/`, pytest's `testing/`): the modules there that are no test files are the tests' helpers, not the product.
TEST_TREE_NAMES = frozenset({"t", "test", "tests", "testing", "testsuite", "test_suite", "unittests"})


# The methods pytest runs by name on a collected test class, also those it inherits, and the frameworks whose import
# marks a source module as one shipping test classes for the project's tests to derive from.
PYTEST_RUNS = ("test", "setup_method", "teardown_method", "setup_class", "teardown_class", "setUp", "tearDown")
TEST_FRAMEWORKS = frozenset({"pytest", "unittest"})


@dataclass(slots=True)
class Definition:
    """A function, method or class of the project's source, as its file's facts record it. Not a frozen dataclass
    (nothing changes one after indexing): a frozen one's `__init__` sets each of its fields through
    `object.__setattr__`, which took a fifth of indexing the ten thousand definitions of a large project. With slots:
    the reach reads their fields hundreds of thousands of times, and makes ten thousand of them on Django."""

    path: str
    module: str
    qualname: str
    kind: str
    line: int
    end_line: int
    body_lines: tuple[int, ...]
    routes: tuple[str, ...]
    flags: frozenset[str]
    text: str
    uses: frozenset[str] = frozenset()
    bases: tuple[str, ...] = ()
    route_methods: tuple[str, ...] = ()
    decorators: tuple[str, ...] = ()
    route_receivers: tuple[str, ...] = ()
    imports: tuple[str, ...] = ()  # what a function's body imports (resolved to absolute names)
    error_paths: tuple[tuple[str, int, int, str], ...] = ()  # (kind, header line, first block line, header text)
    dispatches: tuple[str, ...] = ()  # method-name prefixes its code calls methods by (`getattr(self, f"visit_{k}")`)
    discovers: tuple[str, ...] = ()  # packages whose modules it imports by listing them (`facts._discovers`)
    returns: tuple[str, ...] = ()  # the class-like names it returns an instance of, or itself (`facts._returned_classes`)
    commands: tuple[str, ...] = ()  # a subcommand's names on the command line (`facts._subcommand_fact`)

    # Set once in `__post_init__`, not `cached_property`s: the reach rules read them some 30,000 times on Django, and
    # each first read through `cached_property` (which takes a lock) cost more than computing all three up front.
    key: tuple[str, str] = field(init=False, repr=False, compare=False)  # `(module, qualname)`: how reach sets name it
    simple_name: str = field(init=False, repr=False, compare=False)
    owner: str = field(init=False, repr=False, compare=False)  # the enclosing class's qualname ('' at module level)

    def __post_init__(self) -> None:
        self.key = (self.module, self.qualname)
        self.owner, _, self.simple_name = self.qualname.rpartition(".")

    @property
    def full_name(self) -> str:
        return f"{self.module}.{self.qualname}"


class DispatchedNames:
    """Name patterns that code dispatches methods on: a prefix (`visit_`), or a suffix after `*` (`*_schema`, for
    `getattr(self, f"{kind}_schema")`). Kept as the tuples `str.startswith`/`endswith` take: the reach asks about
    every member of each reached class (100,000 names on Django), where a generator per name cost a tenth of a second."""

    def __init__(self, patterns: Iterable[str] = ()) -> None:
        self.prefixes: tuple[str, ...] = ()
        self.suffixes: tuple[str, ...] = ()
        self.extend(patterns)

    def extend(self, patterns: Iterable[str]) -> None:
        for pattern in patterns:
            if pattern.startswith("*"):
                self.suffixes += (pattern[1:],)
            else:
                self.prefixes += (pattern,)

    def __bool__(self) -> bool:
        return bool(self.prefixes or self.suffixes)

    def __contains__(self, pattern: str) -> bool:
        return pattern[1:] in self.suffixes if pattern.startswith("*") else pattern in self.prefixes

    def match(self, name: str) -> bool:
        """Whether code dispatching on these patterns calls a method of this name (a suffix: with a part before it)."""
        return name.startswith(self.prefixes) or bool(self.suffixes) and name.endswith(self.suffixes) and any(
            name.endswith(suffix) and len(name) > len(suffix) for suffix in self.suffixes)


def is_declarative_file(relative: str) -> bool:
    """Django's `admin.py`, `apps.py`, settings (also a `settings/` package), `urls.py`, migrations."""
    parts = relative.replace("\\", "/").split("/")
    return parts[-1] in DECLARATIVE_FILES or any(p in DECLARATIVE_FOLDERS for p in parts[:-1])


def is_admin_module(source: SourceModule) -> bool:
    """`app/admin.py` or a module of `app/admin/` that imports Django's admin: the admin autodiscovers it."""
    parts = source.name.split(".")
    if ADMIN_MODULE not in (parts[-1], *(parts[-2:-1] if not source.is_package else ())):
        return False
    return any(t == ADMIN_PACKAGE or t.startswith(ADMIN_PACKAGE + ".") for t in source.imports.values())


def is_declarative(definition: Definition) -> bool:
    """A class with only fields and settings: a pydantic model, an enum, a `Meta`."""
    return "declarative" in definition.flags


@dataclass
class TestFile:
    path: str
    imports: tuple[str, ...]
    dotted: tuple[str, ...]
    names: frozenset[str]
    strings: tuple[str, ...]
    client_calls: tuple[tuple[str, str], ...] = ()  # (METHOD or "*", "/path" or "name:route-name")


@dataclass
class SourceModule:
    path: str
    name: str
    is_package: bool
    relative: str = ""
    definitions: list[Definition] = field(default_factory=list)
    imports: dict[str, str] = field(default_factory=dict)
    star_imports: tuple[str, ...] = ()
    local_imports: tuple[str, ...] = ()  # imported inside function bodies
    uses: frozenset[str] = frozenset()
    discovers: tuple[str, ...] = ()  # packages its top-level code imports by listing them
    own_package_calls: frozenset[str] = frozenset()  # functions it hands its own package to
    main_uses: frozenset[str] = frozenset()  # what its `if __name__ == "__main__":` block uses

    @property
    def package(self) -> str:
        """The package `__name__`/`__path__` stand for in its code: itself for an `__init__.py`, else its parent."""
        return self.name if self.is_package else self.name.rpartition(".")[0]


def src_paths(config: Any) -> tuple[str, ...]:
    """`src-paths` from the project's config: the raw `[tool.vibecheck]` table or a settings object."""
    if not isinstance(config, dict):
        return tuple(str(p) for p in getattr(config, "src_paths", None) or ())
    value = config.get("src-paths", config.get("src_paths"))
    return tuple(str(p) for p in value or ())


def _tested_path(value: str) -> str:
    path = value.split("?", 1)[0].split("#", 1)[0]
    return path.replace("{}", "x")


class ProjectIndex:
    """Source modules, their definitions and re-exports, and what the test files reach."""

    def __init__(self, project: Any) -> None:
        self.project = project
        self.layout = SourceLayout.detect(project.root, src_paths(project.config))
        self.modules: dict[str, SourceModule] = {}
        self.tests: list[TestFile] = []
        self.evidence: dict[Any, Any] = {}  # the coverage evidence of each rule configuration (see `_evidence`)
        self.ignored = CollectIgnores(project.root)
        in_data_folders: list[TestFile] = []  # test files in a data folder: helpers if a test imports them, else data
        for path, result in sorted(project.files.items()):
            references = result.facts.get(TEST_REFERENCES)
            relative = project.relative_path(path) if hasattr(project, "relative_path") else path
            if references is not None or path in project.test_files:
                if references is not None and not self.ignored.configured(relative):
                    resolve = self._test_resolver(relative)
                    test = TestFile(path, resolve(references["imports"]), resolve(references["dotted"]),
                                    frozenset(references["names"]), tuple(references["strings"]),
                                    tuple(tuple(c) for c in references.get("client_calls", ())))
                    (in_data_folders if in_data_folder(relative) else self.tests).append(test)
                continue
            definitions = result.facts.get(DEFINITIONS)
            if definitions is None or not self.layout.is_source(relative):
                continue
            name = self.layout.module_name(relative)
            if name is None:
                continue
            is_package = relative.replace("\\", "/").endswith("__init__.py")
            module = SourceModule(path, name, is_package, relative=self.layout.relative(relative))
            module.imports = {local: resolve_relative(target, name, is_package=is_package)
                              for local, target in result.facts.get(MODULE_IMPORTS, {}).items()}
            module.definitions = [Definition(
                path, name, d["qualname"], d["kind"], d["line"], d["end_line"], tuple(d["body_lines"]),
                tuple(d["routes"]), frozenset(d["flags"]), d["text"], frozenset(d.get("uses", ())),
                tuple(d.get("bases", ())), tuple(d.get("route_methods", ())), tuple(d.get("decorators", ())),
                tuple(d.get("route_receivers", ())),
                tuple(resolve_relative(t, name, is_package=is_package) for t in d.get("imports", ())),
                tuple((e[0], e[1], e[2], e[3]) for e in d.get("error_paths", ())),
                tuple(d.get("dispatches", ())), tuple(d.get("discovers", ())), tuple(d.get("returns", ())),
                tuple(d.get("commands", ())))
                for d in definitions]
            module.uses = frozenset(result.facts.get(MODULE_USES, ()))
            module.star_imports = tuple(resolve_relative(target, name, is_package=is_package)
                                        for target in result.facts.get(MODULE_STAR_IMPORTS, ()))
            module.local_imports = tuple(resolve_relative(target, name, is_package=is_package)
                                         for target in result.facts.get(LOCAL_IMPORTS, ()))
            module.discovers = tuple(result.facts.get(MODULE_DISCOVERS, ()))
            module.own_package_calls = frozenset(result.facts.get(OWN_PACKAGE_CALLS, ()))
            module.main_uses = frozenset(result.facts.get(MODULE_MAIN_USES, ()))
            self.modules[name] = module
        self.tests.extend(self._imported_helpers(in_data_folders))
        self.support = self._test_support()
        # memos of the name lookups below, which depend on `modules` alone (fixed from here on): the tests of a
        # large project ask the same questions hundreds of thousands of times
        self._module_of: dict[str, str | None] = {}
        self._canonical: dict[str, str] = {}
        self._facades: dict[str, frozenset[str]] = {}
        self._steps: dict[str, tuple[str, ...]] = {}  # see `_facade_steps`
        self._families: dict[tuple[str, str], set[tuple[str, str]]] = {}  # see `_family`
        self._naming_family: dict[tuple[str, str], set[str]] = {}  # the test files naming a class's `_family`

    @cached_property
    def has_tests(self) -> bool:
        """Whether the project has a test file that is no test data (also one registered without its references)."""
        if self.tests:
            return True
        relative = getattr(self.project, "relative_path", lambda path: path)
        return any(not in_data_folder(r) and not self.ignored.configured(r) for r in map(relative, self.project.test_files))

    def _imported_helpers(self, candidates: list[TestFile]) -> list[TestFile]:
        """The files of test data folders that a test imports (`from tests.fixtures.factories import make_user`, also
        as a `pytest_plugins` string): helpers whose calls reach the project's code, not sample input."""
        if not candidates:
            return []  # no data folder holds a test file (Django): no pass over every name the tests import
        imported = {name for test in self.tests for name in (*test.imports, *test.dotted)}
        prefixes = {name.rpartition(".")[0] for name in imported} | imported
        helpers = []
        for test in candidates:
            parts = test.path.replace("\\", "/").removesuffix(".py").removesuffix("/__init__").split("/")
            if any(".".join(parts[start:]) in prefixes for start in range(len(parts) - 1)):
                helpers.append(test)
        return helpers

    def _test_resolver(self, relative: str) -> Callable[[Iterable[str]], tuple[str, ...]]:
        """How a test file's imported names read as absolute ones: a relative import (`from ..core import area` in
        `pkg/tests/test_core.py`) against the file's own module; dropped when the file is in no package. The file's
        module is looked up only for a relative import: most tests import absolutely, and looking each test file's
        path up (links, import roots) cost more than the rest of reading its references."""
        is_package = relative.replace("\\", "/").endswith("__init__.py")

        def resolve(names: Iterable[str]) -> tuple[str, ...]:
            names = tuple(names)
            if not any(target.startswith(".") for target in names):
                return names
            name = self.layout.module_name(relative)
            return tuple(resolve_relative(target, name, is_package=is_package) if name else target
                         for target in names if name or not target.startswith("."))
        return resolve

    def _test_support(self) -> frozenset[str]:
        """The modules of a test suite's own folder: a top-level folder, not an import root, named like one (`t/`,
        `test/`). They are the tests' helpers (tasks, fixtures, base cases), run by the tests that import them;
        they reach what they use, and nothing reports on them. (A folder is not judged by how many test files it
        holds: a flat package with its tests inside would then be all helpers.)"""
        roots = {root.name for root in self.layout.import_roots if root.parent == self.layout.root}
        return frozenset(name for name, module in self.modules.items()
                         if (parts := module.relative.split("/"))[0] in TEST_TREE_NAMES and len(parts) > 1
                         and parts[0] not in roots)

    # -- names and re-exports --------------------------------------------------------------------

    def module_of(self, dotted: str) -> str | None:
        """The longest prefix of a dotted name that is a source module of this project."""
        try:
            return self._module_of[dotted]
        except KeyError:
            pass
        candidate = dotted
        while candidate and candidate not in self.modules:
            candidate = candidate.rpartition(".")[0]
        found = self._module_of[dotted] = candidate or None
        return found

    def canonical(self, dotted: str) -> str:
        """Follow re-exports: `pkg.get` -> `pkg.api.get` when `pkg/__init__.py` does `from .api import get`."""
        found = self._canonical.get(dotted)
        if found is None:
            found = self._canonical[dotted] = self._follow_reexports(dotted)
        return found

    def _follow_reexports(self, dotted: str) -> str:
        for _ in range(MAX_REEXPORT_HOPS):
            module = self.module_of(dotted)
            if module is None or module == dotted:
                return dotted
            rest = dotted[len(module) + 1:]
            head, _, tail = rest.partition(".")
            target = self._binding(module, head)
            if target is None or target == dotted:
                return dotted
            dotted = f"{target}.{tail}" if tail else target
        return dotted

    def _binding(self, module: str, name: str) -> str | None:
        """What `name` in `module` is imported from, also through `from x import *` (one level)."""
        source = self.modules[module]
        target = source.imports.get(name)
        if target is not None:
            return target
        for star in source.star_imports:
            other = self.modules.get(star)
            if other is not None and not name.startswith("_") and (
                    name in other.imports or any(d.qualname == name for d in other.definitions)):
                return f"{star}.{name}"
        return None

    def _facade(self, module: str) -> frozenset[str]:
        """A module, plus what importing it brings to a test's hands, transitively.

        A package brings the modules its `__init__.py` imports (its public facade); a module brings the
        modules that define the base classes of its classes (`class Flask(App)` brings `App`'s module,
        whose methods the tests call on `Flask` objects).
        """
        found = self._facades.get(module)
        if found is None:
            found = self._facades[module] = frozenset(self._reach_facade(module))
        return found

    def _reach_facade(self, module: str) -> set[str]:
        """The modules reachable from `module` by `_facade_steps`; a module whose facade is known already brings all
        of it at once (reachability is transitive) instead of walking that part of the package graph again."""
        reached: set[str] = set()
        pending = [module]
        while pending:
            current = pending.pop()
            if current in reached:
                continue
            known = self._facades.get(current)
            if known is not None:
                reached |= known
                continue
            reached.add(current)
            pending.extend(found for found in self._facade_steps(current) if found not in reached)
        return reached

    def _facade_steps(self, module: str) -> tuple[str, ...]:
        """The modules one step from `module` in its facade: what a package imports, and the modules of the bases of
        its classes (each module's asked once)."""
        steps = self._steps.get(module)
        if steps is not None:
            return steps
        source = self.modules.get(module)
        targets: list[str] = []
        if source is not None:
            if source.is_package:
                targets.extend((*source.imports.values(), *source.star_imports))
            for definition in source.definitions:
                for base in definition.bases:
                    head, _, rest = base.partition(".")
                    imported = source.imports.get(head)
                    if imported is not None:
                        targets.append(f"{imported}.{rest}" if rest else imported)
        found = (self.module_of(self.canonical(target)) for target in targets)
        steps = self._steps[module] = tuple(dict.fromkeys(name for name in found if name is not None))
        return steps

    # -- what the tests reach --------------------------------------------------------------------

    @cached_property
    def modules_reached_by_test(self) -> dict[str, set[str]]:
        """For each test file, the source modules it reaches."""
        reached: dict[str, set[str]] = {}
        by_dotted: dict[str, set[str]] = {}  # the tests of a project import the same names over and over
        for test in self.tests:
            modules: set[str] = set()
            for dotted in (*test.imports, *test.dotted):
                found = by_dotted.get(dotted)
                if found is None:
                    found = by_dotted[dotted] = set()
                    for name in (dotted, self.canonical(dotted)):
                        module = self.module_of(name)
                        if module is not None:
                            found |= self._facade(module)
                modules |= found
            reached[test.path] = modules
        fixtures = {self._folder(path): modules for path, modules in reached.items() if path.endswith("conftest.py")}
        for path, modules in reached.items():  # a test uses the fixtures of every conftest.py above it
            folder = self._folder(path)
            for conftest_folder, provided in fixtures.items():
                if folder == conftest_folder or folder.startswith(conftest_folder + "/") or not conftest_folder:
                    modules |= provided
        return reached

    @staticmethod
    def _folder(path: str) -> str:
        return path.replace("\\", "/").rpartition("/")[0]

    @cached_property
    def referenced_names(self) -> set[str]:
        """Every dotted name the tests refer to, after following re-exports, with all its prefixes."""
        names: set[str] = set()
        for dotted in {dotted for test in self.tests for dotted in (*test.imports, *test.dotted)}:
            for name in (dotted, self.canonical(dotted)):
                while name and name not in names:  # a name already in holds its prefixes too: stop there
                    names.add(name)
                    name = name.rpartition(".")[0]
        return names

    @cached_property
    def tests_by_name(self) -> dict[str, set[str]]:
        """For each name a definition of the project has (`definition_names`), the test files that use it (attributes
        of an imported object too: `run_command.make_context`). Kept per test, not as each module's union of its tests'
        names, which held millions of entries on Django (52 MiB) for the same answers; and only for the names asked
        about: the tests' other names (most of them) were a tenth of the index's time on Django."""
        by_name: dict[str, set[str]] = {}
        wanted = self.definition_names
        test_modules = self.test_modules
        for test in self.tests:
            names = set(wanted.intersection(test.names))
            for dotted in test.dotted:
                module = self.module_of(dotted) or self._test_module_of(dotted, test_modules)
                if module is not None:
                    names.update(part for part in dotted[len(module) + 1:].split(".")[1:] if part in wanted)
            for name in names:
                using = by_name.get(name)
                if using is None:
                    by_name[name] = {test.path}
                else:
                    using.add(test.path)
        return by_name

    @cached_property
    def definition_names(self) -> frozenset[str]:
        """The names `tests_by_name` is asked about: each definition's own name, its class's, and its subcommands'."""
        names: set[str] = set()
        for definition in self.definitions():
            names.add(definition.simple_name)
            names.add(definition.owner.rpartition(".")[2])
            names.update(definition.commands)
        return frozenset(names)

    @cached_property
    def test_modules(self) -> frozenset[str]:
        """The dotted names the test files may be imported by: `tests.app.models` and `app.models` for
        `tests/app/models.py` (a test runner may put the test folder on the path), two parts at least."""
        found: set[str] = set()
        for test in self.tests:
            parts = test.path.replace("\\", "/").removesuffix(".py").removesuffix("/__init__").split("/")
            found.update(".".join(parts[start:]) for start in range(len(parts) - 1))
        return frozenset(found)

    @staticmethod
    def _test_module_of(dotted: str, test_modules: frozenset[str]) -> str | None:
        """The test module a dotted name starts with (`Child._meta.get_parent_list` through a model of the tests'
        own `models.py`: what follows the imported object are attributes of the project's API the test uses)."""
        candidate = dotted.rpartition(".")[0]
        while candidate and candidate not in test_modules:
            candidate = candidate.rpartition(".")[0]
        return candidate or None

    @cached_property
    def tests_by_module(self) -> dict[str, set[str]]:
        """For each source module, the test files that reach it."""
        by_module: dict[str, set[str]] = {}
        for path, modules in self.modules_reached_by_test.items():
            for module in modules:
                by_module.setdefault(module, set()).add(path)
        return by_module

    def used_by_tests_of(self, name: str, module: str) -> bool:
        """Whether a test that reaches `module` uses the identifier `name`."""
        using, reaching = self.tests_by_name.get(name), self.tests_by_module.get(module)
        return using is not None and reaching is not None and not using.isdisjoint(reaching)

    def called_on_its_class(self, method: Definition) -> bool:
        """Whether a test that uses a method's name may call it on an object of its class: unless every such test
        names another class of the module with a method of that name (outside the method's class family) and not the
        class's family (`SyncJob(local, remote).run()` runs `SyncJob.run`, not `PruneJob.run` beside it)."""
        owner = (method.module, method.owner)
        classes = {(d.module, d.owner) for d in self.methods_by_name.get(method.simple_name, ()) if d.module == method.module}
        if len(classes) < 2:  # the method's own class alone (most names): no sibling, whatever the family
            return True
        family = self._family(owner)
        siblings = classes - family
        if not siblings:
            return True
        naming = self.tests_naming_classes
        naming_family = self._naming_family.get(owner)
        if naming_family is None:
            naming_family = self._naming_family[owner] = set().union(*(naming.get(c, ()) for c in family))
        naming_siblings = set().union(*(naming.get(c, ()) for c in siblings))
        using = self.tests_by_name[method.simple_name] & self.tests_by_module[method.module]
        return any(test in naming_family or test not in naming_siblings for test in using)

    def _family(self, owner: tuple[str, str]) -> set[tuple[str, str]]:
        """A class, its subclasses and its bases in the project, once per class (each of its methods asks)."""
        found = self._families.get(owner)
        if found is None:
            found = self._families[owner] = {owner, *self.subclasses.get(owner, ()), *self.ancestors.get(owner, ())}
        return found

    @cached_property
    def methods_by_name(self) -> dict[str, list[Definition]]:
        found: dict[str, list[Definition]] = {}
        for definition in self.definitions():
            if definition.kind == "method":
                found.setdefault(definition.simple_name, []).append(definition)
        return found

    @cached_property
    def ancestors(self) -> dict[tuple[str, str], set[tuple[str, str]]]:
        """For each class, its base classes in the project, transitively (the inverse of `subclasses`)."""
        found: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for parent, children in self.subclasses.items():
            for child in children:
                found.setdefault(child, set()).add(parent)
        return found

    @cached_property
    def tests_naming_classes(self) -> dict[tuple[str, str], set[str]]:
        """For each project class, the test files that name it: import it, use it dotted, or use its name."""
        classes = {d.key for d in self.definitions() if d.kind == "class"}
        found: dict[tuple[str, str], set[str]] = {}
        named: dict[str, list[tuple[str, str]]] = {}  # dotted name -> the classes it names (the tests repeat names)
        for test in self.tests:
            for dotted in {*test.imports, *test.dotted}:
                keys = named.get(dotted)
                if keys is None:
                    keys = named[dotted] = []
                    for name in {dotted, self.canonical(dotted)}:
                        module = self.module_of(name)
                        if module and module != name and (key := (module, name[len(module) + 1:].partition(".")[0])) \
                                in classes:
                            keys.append(key)
                for key in keys:
                    found.setdefault(key, set()).add(test.path)
        for key in classes:
            found.setdefault(key, set()).update(self.tests_by_name.get(key[1].rpartition(".")[2], ()))
        return found

    @cached_property
    def tested_paths(self) -> list[str]:
        return sorted({_tested_path(s) for test in self.tests for s in test.strings})

    @cached_property
    def client_paths(self) -> list[tuple[str, str]]:
        """`(METHOD, path)` of the tests' client calls, and `("*", path)` for every other path-like string (not the
        route names, commands, doctests and scripts the calls also record: `command:close_stale_orders` would match
        a route `<int:pk>/`)."""
        calls = {(m, t) for test in self.tests for m, t in test.client_calls if t.startswith("/")}
        return sorted(calls | {("*", path) for path in self.tested_paths})

    @cached_property
    def client_names(self) -> set[str]:
        """Route names the tests turn into URLs (`reverse("order-refund")`, `url_for("bp.show")`)."""
        names = {t[5:] for test in self.tests for _, t in test.client_calls if t.startswith("name:")}
        return names | {name.rpartition(":")[2] for name in names}  # a namespaced name is also its own name

    @cached_property
    def commands_run(self) -> set[str]:
        """Django management commands the tests run (`call_command("generateschema")`): their modules."""
        names = {t[8:] for test in self.tests for _, t in test.client_calls if t.startswith("command:")}
        return {name for name, module in self.modules.items()
                if name.rpartition(".")[2] in names and ".management.commands." in f".{name}"}

    @cached_property
    def doctested_modules(self) -> set[str]:
        """Modules whose docstring examples a test runs (`doctest.testmod(pkg.encoder)`, `DocTestSuite("pkg.mod")`)."""
        return {module for test in self.tests for _, target in test.client_calls if target.startswith("doctest:")
                and (module := self.module_of(self.canonical(target[8:]))) is not None}

    @cached_property
    def scripts_run(self) -> set[str]:
        """Modules the tests run as scripts (`[sys.executable, "-m", "pkg.tool"]`, `runpy.run_module("pkg.tool")`):
        their `if __name__ == "__main__":` block runs."""
        return {name for test in self.tests for _, target in test.client_calls
                if target.startswith("script:") and (name := target[7:]) in self.modules}

    def requested(self, pattern: re.Pattern[str], methods: Iterable[str] = ("*",)) -> bool:
        """Whether a test requests a path matching `pattern` with one of `methods` (`*`: any)."""
        wanted = set(methods) or {"*"}
        return any((m == "*" or "*" in wanted or m in wanted) and pattern.search(path) for m, path in self.client_paths)

    def run_as_command(self, definition: Definition) -> bool:
        """Whether the tests run a subcommand (any other hook: yes): a test names it (`invoke(cli, ["sync"])`, or the
        installed script in a subprocess), or it is the only command of its group (typer runs a lone one unnamed)."""
        return not definition.commands or definition.key in self.lone_commands \
            or any(name in self.tests_by_name for name in definition.commands)

    @cached_property
    def lone_commands(self) -> frozenset[tuple[str, str]]:
        """The subcommands that are the only one their module adds to an app object (`@app.command()` once, typer's
        single-command app); not to a group function (`@db.command()` under `def db()`), which click runs by name."""
        groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for definition in self.definitions():
            for group in {d.rpartition(".")[0] for d in definition.decorators} if definition.commands else ():
                groups.setdefault((definition.module, group), []).append(definition.key)
        functions = {d.key for d in self.definitions() if d.kind == "function"}
        return frozenset(keys[0] for group, keys in groups.items() if len(keys) == 1 and group not in functions)

    @cached_property
    def app_model(self) -> AppModel:
        return AppModel.build(self.project)

    def mounted_routes(self, definition: Definition) -> list[str]:
        """A handler's route paths, also under the prefix its blueprint or router is included with elsewhere."""
        routes = list(definition.routes)
        source = self.modules[definition.module]
        for receiver in definition.route_receivers:
            head, _, rest = receiver.partition(".")
            imported = source.imports.get(head)
            full = (f"{imported}.{rest}" if rest else imported) if imported else f"{definition.module}.{receiver}"
            for child, prefix in self.app_model.mounts.items():
                if child == full or child.endswith("." + full) or full.endswith("." + child):
                    routes.extend(prefix + route for route in definition.routes)
        return routes

    def route_is_tested(self, definition: Definition) -> bool:
        """A decorator route whose path a test requests with a matching method, or whose endpoint name it reverses."""
        if any(self.requested(route_pattern(route), definition.route_methods) for route in self.mounted_routes(definition)):
            return True
        name = definition.simple_name
        return any(n == name or n.endswith("." + name) for n in self.client_names)

    @cached_property
    def url_reached(self) -> set[tuple[str, str]]:
        """Views that a URLconf or a DRF router wires to a path or name the tests request (see `_framework`)."""
        return views_reached_by_url(self)

    @cached_property
    def modules_reached(self) -> set[str]:
        """Modules some test reaches by import or reference, runs as a script, or through a route it requests, and the
        packages above them: importing `pkg.signer` runs `pkg/__init__.py` first."""
        reached = set().union(*self.modules_reached_by_test.values()) if self.tests else set()
        reached |= self.support | self.scripts_run
        for name, module in self.modules.items():
            if name not in reached and any(self.route_is_tested(d) for d in module.definitions if d.routes):
                reached.add(name)
        for name in list(reached):
            package = name.rpartition(".")[0]
            while package and package not in reached:
                if package in self.modules:
                    reached.add(package)
                package = package.rpartition(".")[0]
        return reached

    def is_referenced(self, definition: Definition) -> bool:
        """Static mode: a test names it (dotted or plain, in a test reaching its module) or requests its route."""
        if definition.full_name in self.referenced_names:
            return True
        name = definition.simple_name
        if not name.startswith("__") and self.used_by_tests_of(name, definition.module) and (
                definition.kind != "method" or self.called_on_its_class(definition)):
            return True
        if definition.kind == "method" and name in self.distinctive_methods and name in self.tests_by_name:
            return True  # `connection.introspection.installed_models(tables)`: an object the test got through an API
        if definition.kind == "method" and self.used_on_a_returned_object(definition):
            return True
        return bool(definition.routes) and self.route_is_tested(definition)

    def used_on_a_returned_object(self, method: Definition) -> bool:
        """Whether a test uses the method's name and gets an object of its class (or of a subclass) from code it
        calls: `prep = geom.prepared; prep.covers(point)`, where the `prepared` property of a module the test reaches
        returns `PreparedGeometry(self)` from a module the test does not import."""
        using = self.tests_by_name.get(method.simple_name)
        return using is not None and not using.isdisjoint(self.handed_to_families.get((method.module, method.owner), ()))

    @cached_property
    def handed_to_families(self) -> dict[tuple[str, str], set[str]]:
        """For each project class, the test files that get an object of it or of one of its subclasses (see
        `classes_returned_to_tests`): gathered up from the few classes returned, where each class of a long family
        (a model field's) gathering down from its hundreds of subclasses cost a tenth of the index on Django."""
        found: dict[tuple[str, str], set[str]] = {}
        ancestors = self.ancestors
        for cls, tests in self.classes_returned_to_tests.items():
            for family in (cls, *ancestors.get(cls, ())):
                found.setdefault(family, set()).update(tests)
        return found

    @cached_property
    def classes_returned_to_tests(self) -> dict[tuple[str, str], set[str]]:
        """For each project class, the test files that call a function returning an instance of it (or the class):
        a function a test uses by name in a module it reaches, a method of a distinctive name it uses anywhere, or a
        dunder method of a class it uses (`ds[0]` runs `__getitem__`), one hop from what the test names."""
        classes = {d.key for d in self.definitions() if d.kind == "class"}
        factories = [d for d in self.definitions() if d.returns]
        owners = {f"{d.module}.{d.owner}" for d in factories if d.owner and d.simple_name.startswith("__")}
        importing: dict[str, set[str]] = {}  # a class with such a dunder -> the tests that import or name it dotted
        for test in self.tests if owners else ():
            for dotted in (*test.imports, *test.dotted):
                for name in {dotted, self.canonical(dotted)} & owners:
                    importing.setdefault(name, set()).add(test.path)
        handed: dict[tuple[str, str], set[str]] = {}
        for definition in factories:
            dunder = definition.simple_name.startswith("__")
            name = definition.owner.rpartition(".")[2] if dunder else definition.simple_name
            using, reaching = self.tests_by_name.get(name, set()), self.tests_by_module.get(definition.module, set())
            if definition.kind == "method" and not dunder and name in self.distinctive_methods:
                reaching = using  # `connection.ops.geometry_columns()`: its name alone says which method runs
            tests = (using & reaching) | (importing.get(f"{definition.module}.{definition.owner}", set()) if dunder
                                          else set())
            for returned in definition.returns if tests else ():
                cls = self._resolve(definition.module, returned, definition.imports)
                if cls in classes:
                    handed.setdefault(cls, set()).update(tests)
        return handed

    @cached_property
    def subclasses(self) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """For each class, its subclasses in the project, transitively (see `_subclasses`)."""
        return self._subclasses({d.key: d for d in self.definitions()})

    @cached_property
    def distinctive_methods(self) -> frozenset[str]:
        """Long compound method names (`installed_models`, not `get` or `save`) that one method of the project has, or
        one method and its overrides (`BaseSpatialOperations.geometry_columns` and each backend's): a test that uses
        such a name calls that method, whatever object it got it from (a connection's `introspection` or `ops`, a
        model's `_meta`), though it never imports the module."""
        owners: dict[str, set[tuple[str, str]]] = {}
        for definition in self.definitions():  # a property's setter is no other
            name = definition.simple_name
            if len(name) >= DISTINCTIVE_LENGTH and "_" in name.strip("_"):  # ("", ...) for a function or class
                owners.setdefault(name, set()).add((definition.module, definition.owner if definition.kind == "method"
                                                    else ""))
        return frozenset(name for name, classes in owners.items() if self._one_family(classes))

    def _one_family(self, classes: set[tuple[str, str]]) -> bool:
        """Whether one of these classes has all the others among its subclasses (a method and its overrides)."""
        return any(root[1] and classes - {root} <= set(self.subclasses.get(root, ())) for root in classes)

    @cached_property
    def runs_doctests(self) -> bool:
        """Whether the project's pytest configuration collects doctests (`--doctest-modules`)."""
        for name in DOCTEST_CONFIGS:
            try:
                if "--doctest-modules" in (self.layout.root / name).read_text(encoding="utf-8", errors="replace"):
                    return True
            except OSError:
                continue
        return False

    @cached_property
    def referenced_definitions(self) -> set[tuple[str, str]]:
        """`(module, qualname)` of the definitions the tests reference directly, request through a URL, or
        run as doctests (when the pytest configuration collects them, or a test runs its module's); taken from the
        process that computed them for this project ahead (`referenced_ahead`), when one did."""
        ahead = _REFERENCED_AHEAD.pop(id(self.project), None)
        found = ahead[1]() if ahead is not None and ahead[0] is self.project else None
        if found is not None:
            return found
        doctested = self.doctested_modules
        direct = {(d.module, d.qualname) for d in self.definitions()
                  if self.is_referenced(d) or ("doctest" in d.flags and (self.runs_doctests or d.module in doctested))
                  or (d.module in self.commands_run and d.qualname == "Command") or d.module in self.support}
        return direct | self.inherited_tests(direct) | self.url_reached | {key for key in self.entry_points if key[1]}

    def inherited_tests(self, referenced: set[tuple[str, str]]) -> set[tuple[str, str]]:
        """The test methods (`test*`, pytest's `setup_method` ...) of a referenced class in a module that imports a test
        framework: webargs ships `webargs.testing.CommonTestCase`, and each test class deriving from it
        (`class TestFlaskParser(CommonTestCase)`) has pytest run its inherited tests. A library's own method named
        `test_connection`, in a module importing no test framework, is still judged by its callers."""
        return {d.key for d in self.definitions() if d.kind == "method" and d.simple_name.startswith(PYTEST_RUNS)
                and (d.module, d.owner) in referenced and self.imports_test_framework(d.module)}

    def imports_test_framework(self, module: str) -> bool:
        return any(target.partition(".")[0] in TEST_FRAMEWORKS for target in self.modules[module].imports.values())

    @cached_property
    def entry_points(self) -> set[tuple[str, str]]:
        """`(module, qualname)` of the console scripts and plugin entry points `pyproject.toml` declares
        (`flask = "flask.cli:main"`): the installed command or the host application calls them."""
        project = read_project_toml(self.layout.root / "pyproject.toml").get("project", {})
        if not isinstance(project, dict):
            return set()
        tables = [project.get("scripts"), project.get("gui-scripts"), *(project.get("entry-points") or {}).values()]
        found = set()
        for table in tables:
            for value in (table or {}).values() if isinstance(table, dict) else ():
                module, _, qualname = str(value).partition(":")
                qualname = qualname.split("[")[0].strip()
                if module.strip() in self.modules:
                    found.add((module.strip(), qualname))  # no qualname: the host imports the module (a plugin)
        return found

    @cached_property
    def reached_definitions(self) -> set[tuple[str, str]]:
        """The directly referenced definitions and everything their code reaches (see `closure`)."""
        return self.closure(lambda: self.referenced_definitions, self.modules_loaded_by_name)

    @cached_property
    def modules_loaded_by_name(self) -> set[str]:
        """Modules that reached code imports by listing a package, and entry-point modules (filled by `closure`)."""
        return set()

    @cached_property
    def modules_used_by_tests(self) -> set[str]:
        """Modules the tests reach, or whose code is reached from what the tests reference."""
        reached = {module for module, _ in self.reached_definitions}  # fills `modules_loaded_by_name` first
        return self.modules_reached | reached | self.modules_loaded_by_name

    def closure(self, tested: set[tuple[str, str]] | Callable[[], set[tuple[str, str]]],
                loaded_by_name: set[str] | None = None) -> set[tuple[str, str]]:
        """`(module, qualname)` pairs reached from `tested` by the names their code uses. (A function giving them is
        called once the roots below are followed: another process may compute them meanwhile, `referenced_ahead`; the
        reach is the same either way, each step only adds to what the others find.)

        `loaded_by_name` collects the modules imported without an import statement: by a package walk, as an
        entry point.

        The top-level code of every module the tests reach, or that holds reached code, runs at import,
        so it is a root too. A name used by reached code reaches the definitions of that name in the same
        module and in the modules it imports (also inside function bodies), and the methods of that name in
        the modules the tests reach (`obj.method()`); a reached method reaches its class and its overrides,
        and a reached class its dunder methods (called implicitly).
        Functions a decorator registers with the framework (`@app.before_request`, `@receiver(...)`,
        pydantic validators, `@cli.command()`; see `facts.HOOK_DECORATORS`) run without being named: a loaded
        module reaches its hooks, a reached class its hook methods and the methods its framework base (or a
        base of its project base classes) calls by name (`get_queryset`, `visit_*` of an `ast.NodeVisitor`;
        see `_framework.FRAMEWORK_METHODS`), and, for a class derived from a library's class, all its methods
        (the library calls its overrides). Methods are also dispatched by name by the project's own reached
        code (`getattr(self, f"visit_{kind}")`, `dir(cls)` filtered by `startswith("do_")`): a reached class
        reaches its methods with those prefixes. Reached code that lists a package's modules
        (`pkgutil.walk_packages`, `import_module(f"{__name__}.{name}")`, also of a package handed to it)
        loads all of them, and reaches what it collects there: the definitions of the names it uses and the
        subclasses of the classes it names (`issubclass(obj, BaseRule)`). Names used in the project's
        templates (`{{ order.total() }}`) are called like `obj.method()`. The classes of start-up files
        (`apps.py`) are reached as the framework starts, template tag libraries and the modules named as
        entry points are loaded.
        """
        by_key: dict[tuple[str, str], Definition] = {}
        for definition in self.definitions():  # a property's getter and setter share a name: merge what they use
            key = (definition.module, definition.qualname)
            known = by_key.get(key)
            by_key[key] = definition if known is None else replace(known, uses=known.uses | definition.uses)
        subclasses = self.subclasses
        inherited = self._inherited_bases(by_key, subclasses)
        by_name: dict[str, dict[str, list[Definition]]] = {}  # name -> module -> its definitions of that name
        # project decorators that store the function they decorate in a registry (`@connect_on_app_finalize`):
        # the registry's owner calls the functions later without naming them
        registrars = {key for key, d in by_key.items() if "registrar" in d.flags}
        # decorators that mark the function they decorate with an attribute, and the attributes each module's member
        # listings pick members by (`shell_runner` sets `runner_flags`; `__init__` keeps the members that have it)
        markers = {key: attributes for key, d in by_key.items()
                   if (attributes := frozenset(f[len(MARKS):] for f in d.flags if f.startswith(MARKS)))}
        listed: dict[str, set[str]] = {}
        for definition in by_key.values() if markers else ():
            listed.setdefault(definition.module, set()).update(
                f[len(LISTS):] for f in definition.flags if f.startswith(LISTS))
        implicit: dict[tuple[str, str], list[Definition]] = {}  # run by Python or the framework, never named
        members: dict[tuple[str, str], list[Definition]] = {}
        library_classes: dict[tuple[str, str], bool] = {}  # `extends_library` of each class with members, asked once
        for definition in by_key.values():
            by_name.setdefault(definition.simple_name, {}).setdefault(definition.module, []).append(definition)
            owner_key = (definition.module, definition.owner)
            owner = by_key.get(owner_key) if definition.owner else None
            if owner is not None:
                members.setdefault(owner_key, []).append(definition)
                if owner_key not in library_classes:
                    library_classes[owner_key] = self.extends_library(owner)
            if definition.simple_name.startswith("__") and owner or "hook" in definition.flags and self.run_as_command(
                    definition) \
                    or registrars and any(self._resolve(definition.module, d) in registrars for d in definition.decorators) \
                    or listed.get(definition.module) and any(
                        markers.get(decorator, frozenset()) & listed[definition.module] for d in definition.decorators
                        if (decorator := self._resolve(definition.module, d)) is not None) \
                    or framework_calls(definition, inherited.get(owner_key, ())) \
                    or (owner is not None and library_classes[owner_key]):
                implicit.setdefault(owner_key, []).append(definition)
        neighbours: dict[str, set[str]] = {}  # of the modules whose names are followed (most, not all)
        reached: set[tuple[str, str]] = set()
        reached_classes: list[tuple[str, str]] = []  # the classes of `reached`, for `dispatch`
        sorted_members: list[tuple[str, tuple[str, str], int]] = []  # (name, class, place in `members`), for `dispatch`
        overrides: dict[tuple[str, str], dict[str, list[Definition]]] = {}  # see `overrides_in`
        imported: set[str] = set()
        pending: list[tuple[str, frozenset[str]]] = []
        dispatching = DispatchedNames()  # method-name patterns that reached code dispatches on
        discovered: set[tuple[str, str, str]] = set()  # (module, listing target, listing function)
        named = loaded_by_name if loaded_by_name is not None else set()

        # `obj.method()`: the object's class is unknown, so a name that reached code uses reaches the methods
        # of that name in every module loaded so far, and in every module loaded later
        methods: dict[str, list[Definition]] = {}
        for definition in by_key.values():
            if definition.kind == "method":
                methods.setdefault(definition.simple_name, []).append(definition)
        called: set[str] = set()

        def call(name: str) -> None:
            if name not in called:
                called.add(name)
                for target in methods.get(name, ()):
                    if target.module in imported:
                        reach(target)

        # `load` and `reach` queue their work; the outermost call does the queue, so an import chain of thousands
        # of modules (or a long line of calls) takes no stack: a job only queues the loads and reaches it causes.
        queued: list[tuple[Callable[..., None], tuple[Any, ...]]] = []
        working: list[bool] = []

        def run(job: Callable[..., None], *arguments: Any) -> None:
            queued.append((job, arguments))
            if working:
                return
            working.append(True)
            try:
                while queued:
                    next_job, next_arguments = queued.pop()
                    next_job(*next_arguments)
            finally:
                working.clear()

        def load(module: str, routed: frozenset[str] = frozenset()) -> None:
            if module not in imported:  # a job for a loaded module or a reached definition would do nothing
                run(load_now, module, routed)

        def reach(definition: Definition) -> None:
            if definition.key not in reached:
                run(reach_now, definition)

        def load_now(module: str, routed: frozenset[str]) -> None:
            """The module was imported: its top-level code and the hooks it registers ran (`routed`: names it only
            hands to the URL resolver, which runs them for a matching request alone)."""
            if module in imported:
                return
            imported.add(module)
            source = self.modules[module]
            pending.append((module, source.uses - routed))
            for target in source.imports.values():  # importing it runs the imports at its top
                found = self.module_of(self.canonical(target))
                if found is not None:
                    load(found)
            for hook in implicit.get((module, ""), ()):
                reach(hook)
            for definition in source.definitions:
                if definition.kind == "method" and definition.simple_name in called:
                    reach(definition)
            discover(source, "", source.discovers, source.uses)

        def discover(source: SourceModule, function: str, targets: Iterable[str], uses: frozenset[str]) -> None:
            """Code of `source` (in `function`) imports every module of the packages it lists (`targets`)."""
            for target in targets:
                for package in self._listed_packages(source, function, target):
                    for name in self._package_modules(package, sub_packages=target.startswith("walk:")):
                        if (name, target, function) in discovered:
                            continue
                        discovered.add((name, target, function))
                        named.add(name)
                        load(name)
                        for found in self.modules[name].definitions:
                            if not found.owner and (found.simple_name in uses or found.kind == "class"
                                                    and uses & {b.rpartition(".")[2] for b in inherited.get(
                                                        (found.module, found.qualname), ())}):
                                reach(found)

        def overrides_in(owner: tuple[str, str]) -> dict[str, list[Definition]]:
            """The members of a class's subclasses by name, in subclass order: built once per class whose method is
            reached, where looking each reached method's name up in every subclass cost a lookup per pair."""
            found = overrides.get(owner)
            if found is None:
                found = overrides[owner] = {}
                for subclass in subclasses.get(owner, ()):
                    for member in members.get(subclass, ()):
                        found.setdefault(member.simple_name, []).append(member)
            return found

        def dispatch(prefixes: tuple[str, ...]) -> None:
            new = tuple(dict.fromkeys(p for p in prefixes if p not in dispatching))
            if not new:
                return
            dispatching.extend(new)
            matching = DispatchedNames(new)
            if matching.suffixes:
                for key in sorted(reached_classes):
                    for member in members.get(key, ()):
                        if matching.match(member.simple_name):
                            reach(member)
                return
            # the members of the reached classes whose names start with a prefix, found in the names' sorted order and
            # reached in the classes' (as a scan of every reached class's members would, for each new prefix)
            if not sorted_members:
                sorted_members.extend(sorted((member.simple_name, key, position) for key, found in members.items()
                                             for position, member in enumerate(found)))
            classes = set(reached_classes)
            matched: set[tuple[tuple[str, str], int]] = set()
            for prefix in matching.prefixes:
                index = bisect.bisect_left(sorted_members, (prefix,))
                while index < len(sorted_members) and sorted_members[index][0].startswith(prefix):
                    _, key, position = sorted_members[index]
                    if key in classes:
                        matched.add((key, position))
                    index += 1
            for key, position in sorted(matched):
                reach(members[key][position])

        def reach_now(definition: Definition) -> None:
            key = definition.key
            if key in reached:
                return
            reached.add(key)
            if definition.kind == "class":
                reached_classes.append(key)
            pending.append((definition.module, definition.uses))
            load(definition.module)
            for target in definition.imports:  # `from . import signals` in `ready()` loads that module
                found = self.module_of(self.canonical(target))
                if found is not None:
                    load(found)
            owner = by_key.get((definition.module, definition.owner)) if definition.owner else None
            if owner is not None:
                reach(owner)
            for member in implicit.get(key, ()):
                reach(member)
            if definition.kind == "class" and dispatching:
                for member in members.get(key, ()):
                    if dispatching.match(member.simple_name):
                        reach(member)
            if owner is not None:  # a call of the base method may run any override
                for override in overrides_in(owner.key).get(definition.simple_name, ()):
                    reach(override)
            if definition.dispatches:
                dispatch(definition.dispatches)
            if definition.discovers:
                discover(self.modules[definition.module], definition.simple_name, definition.discovers, definition.uses)

        for module in sorted(self.modules_reached):
            load(module)
        for module in sorted(self.scripts_run):
            pending.append((module, self.modules[module].main_uses))
        if self.client_paths or self.client_names:  # a request resolves its URL: the URLconfs' code runs
            views = frozenset(entry.view.rpartition(".")[2] for entry in self.app_model.url_entries)
            for source in self.modules.values():
                if source.relative.rpartition("/")[2] in URLCONF_FILES:
                    load(source.name, views)
        for source in self.modules.values():
            if LOADED_FOLDERS & set(source.relative.split("/")[:-1]) or is_admin_module(source):
                load(source.name)
            if source.relative.rpartition("/")[2] in STARTUP_FILES:
                for definition in source.definitions:
                    if definition.kind == "class" and not definition.owner:
                        reach(definition)
        for module, qualname in sorted(self.entry_points):
            if not qualname:
                named.add(module)
                load(module)
        for name in sorted(self.template_names):
            call(name)
        followed: dict[str, set[str]] = {}  # each module's names already followed: following one again adds nothing

        def follow() -> None:
            while pending:
                module, uses = pending.pop()
                done = followed.setdefault(module, set())
                new = uses - done
                done |= new
                imports = self.modules[module].imports
                near = neighbours.get(module)
                if near is None:
                    near = neighbours[module] = self._neighbours(self.modules[module])
                for name in new:
                    if name in imports:  # `from ._types import f as _f`; `_f()`
                        for key in self._imported_definitions(module, name):
                            if key in by_key:
                                reach(by_key[key])
                    defined = by_name.get(name)  # most names used are no definition of the project
                    if defined is not None:
                        for neighbour in (near.intersection(defined) if len(defined) < len(near) else near):
                            for target in defined.get(neighbour, ()):
                                reach(target)
                    if name not in called:
                        call(name)

        follow()
        for key in tested() if callable(tested) else tested:
            if key in by_key:
                reach(by_key[key])
        follow()
        return reached

    @cached_property
    def template_names(self) -> frozenset[str]:
        """The names the project's templates use in their expressions (see `_templates`)."""
        return template_names(self.layout.root, {self.layout.absolute(m.relative).parent for m in self.modules.values()})

    def _listed_packages(self, source: SourceModule, function: str, target: str) -> list[str]:
        """The packages a listing target (`walk:.`, `iter:name:plugins`, `walk:@param`) stands for."""
        what = target.partition(":")[2]
        if what == ".":
            return [source.package]
        if what == "@param":  # the packages that modules hand to this function (`f(sys.modules[__name__])`)
            return sorted({m.package for m in self.modules.values() if function in m.own_package_calls})
        kind, _, name = what.partition(":")
        if kind == "name":
            head, _, rest = name.partition(".")
            imported = source.imports.get(head)
            name = self.canonical(f"{imported}.{rest}" if rest else imported) if imported else name
        elif kind == "lit":
            name = resolve_relative(name, source.name, is_package=source.is_package)
        return [name]

    def _package_modules(self, package: str, *, sub_packages: bool) -> list[str]:
        """The modules of a package: its direct children, or with `sub_packages` all modules below it."""
        prefix = package + "."
        return sorted(name for name in self.modules
                      if name.startswith(prefix) and (sub_packages or "." not in name[len(prefix):]))

    @staticmethod
    def _inherited_bases(by_key: dict[tuple[str, str], Definition],
                         subclasses: dict[tuple[str, str], list[tuple[str, str]]]) -> dict[tuple[str, str], tuple[str, ...]]:
        """For each class, the base-class names it has directly or through its project base classes, with the
        names of those project classes (`class Mine(Base)`, `class Base(ast.NodeVisitor)`: `Base`, `ast.NodeVisitor`)."""
        found: dict[tuple[str, str], list[str]] = {key: list(d.bases) for key, d in by_key.items() if d.kind == "class"}
        for parent, children in subclasses.items():
            for child in children:
                found.setdefault(child, []).extend((parent[1], *by_key[parent].bases))
        return {key: tuple(dict.fromkeys(names)) for key, names in found.items()}

    def _resolve(self, module: str, dotted: str, body_imports: tuple[str, ...] = ()) -> tuple[str, str] | None:
        """`(module, qualname)` of a dotted name used in `module`: its own definition or what it imports, also in the
        body of the function that uses it (`body_imports`: `from .models import Columns; return Columns`)."""
        head, _, rest = dotted.partition(".")
        imported = self.modules[module].imports.get(head)
        if imported is None:
            imported = next((target for target in body_imports if target.rpartition(".")[2] == head), None)
        if imported is None:
            return (module, dotted)
        target = self.canonical(f"{imported}.{rest}" if rest else imported)
        owner = self.module_of(target)
        return (owner, target[len(owner) + 1:]) if owner is not None and owner != target else None

    def _imported_definitions(self, module: str, name: str) -> list[tuple[str, str]]:
        """`(module, qualname)` that a name imported into `module` stands for, under any alias."""
        imported = self.modules[module].imports.get(name)
        found = []
        for target in {imported, self.canonical(imported)} if imported else ():
            owner = self.module_of(target)
            if owner is not None and owner != target:
                found.append((owner, target[len(owner) + 1:]))
        return found

    def _neighbours(self, module: SourceModule) -> set[str]:
        """The modules whose names `module`'s code may use: itself, what it imports, and the submodules of an
        imported package that its code names (`from pkg import flows`, then `flows.login.run()`)."""
        targets = (*module.imports.values(), *module.local_imports)
        # the module a name is imported from, also when it re-exports a library's name on some versions and
        # defines a fallback on others (`if django.VERSION >= (6, 1): from django... import f; else: def f`)
        found = {module.name} | {m for t in targets for m in (self.module_of(self.canonical(t)), self.module_of(t)) if m}
        names = module.uses.union(*(d.uses for d in module.definitions))
        below = self.below_packages
        for imported in [m for m in found if self.modules[m].is_package]:
            found.update(f"{imported}.{name}" for name in names.intersection(below.get(imported, ())))
        return found

    @cached_property
    def below_packages(self) -> dict[str, frozenset[str]]:
        """For each package, the names of the modules below it relative to it (`flows`, `flows.login` for `pkg`): what
        `_neighbours` matches a module's names against, where formatting each name under each imported package cost a
        string per pair."""
        found: dict[str, set[str]] = {}
        for name in self.modules:
            package = name.rpartition(".")[0]
            while package:
                if package in self.modules:
                    found.setdefault(package, set()).add(name[len(package) + 1:])
                package = package.rpartition(".")[0]
        return {package: frozenset(names) for package, names in found.items()}

    def extends_library(self, cls: Definition) -> bool:
        """A class derived from an imported class of another distribution (`oauthlib`'s `RequestValidator`,
        `http.cookiejar.CookieJar`): the library calls its overrides by name, so its methods count as reached
        with it."""
        imports = self.modules[cls.module].imports
        for base in cls.bases:
            if known_framework_base(base):
                continue  # views, viewsets, models: what runs is known (the URL reach, `FRAMEWORK_METHODS`)
            head, _, rest = base.partition(".")
            target = imports.get(head)
            if target is not None and self.module_of(self.canonical(f"{target}.{rest}" if rest else target)) is None:
                return True
        return False

    def _subclasses(self, by_key: dict[tuple[str, str], Definition]) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """For each class, its subclasses in the project, transitively (by the names of their bases)."""
        direct: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for definition in by_key.values():
            for base in definition.bases:
                if (definition.module, base) in by_key:
                    parent: tuple[str, str] | None = (definition.module, base)
                else:
                    head, _, rest = base.partition(".")
                    imported = self.modules[definition.module].imports.get(head)
                    target = self.canonical(f"{imported}.{rest}" if rest else imported) if imported else ""
                    module = self.module_of(target) if target else None
                    parent = (module, target[len(module) + 1:]) if module and target != module else None
                if parent is not None and parent in by_key:
                    direct.setdefault(parent, []).append((definition.module, definition.qualname))
        result: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for parent in direct:
            found, pending = [], list(direct[parent])
            while pending:
                child = pending.pop()
                if child not in found:
                    found.append(child)
                    pending.extend(direct.get(child, ()))
            result[parent] = found
        return result

    def definitions(self) -> Iterable[Definition]:
        for module in self.modules.values():
            yield from module.definitions


_INDEX_CACHE: dict[int, tuple[Any, ProjectIndex]] = {}
# Projects whose `referenced_definitions` another process computes (`vibecheck.project_rules_forked`): project id ->
# (the project, a function that waits for them and gives them, or None when that process could not tell).
_REFERENCED_AHEAD: dict[int, tuple[Any, Callable[[], set[tuple[str, str]] | None]]] = {}


def project_index(project: Any) -> ProjectIndex:
    """One index per project object, shared by the project rules of one run."""
    cached = _INDEX_CACHE.get(id(project))
    if cached is not None and cached[0] is project:
        return cached[1]
    index = ProjectIndex(project)
    remember_index(project, index)
    return index


def remember_index(project: Any, index: ProjectIndex) -> None:
    """Make `index` the one `project_index` gives for `project` (the only one kept)."""
    _INDEX_CACHE.clear()
    _INDEX_CACHE[id(project)] = (project, index)


def built_index(project: Any) -> ProjectIndex | None:
    """The index the project rules built for `project` in this run, if they did."""
    cached = _INDEX_CACHE.get(id(project))
    return cached[1] if cached is not None and cached[0] is project else None


def project_finding(rule: Any, path: str, line: int, text: str, message: str, hint: str) -> Finding:
    """A finding of a project rule at one line of a file, with the rule's metadata."""
    start = Position(max(line, 1), 1)
    return Finding(code=rule.code, name=rule.name, message=message, location=Location(path, start, start),
                   severity=rule.severity, confidence=rule.confidence, category=rule.category, hint=hint,
                   cwe=rule.cwe, line_text=text)


def referenced_ahead(project: Any, options: Any) -> set[tuple[str, str]] | None:
    """In the forked copy of the project phase, before it takes a rule: the definitions the tests reference
    (`ProjectIndex.referenced_definitions`), which this process's reach then takes instead of computing them after
    its other roots (a fifth of the index's time on Django, from a quarter of a second of the copy's idle time).
    None when the rule has no index to reach with, or may judge by coverage data (`options`: the rule's)."""
    index = project_index(project)
    if not index.tests or not index.modules or getattr(options, "use_coverage", False) and find_coverage_file(
            index.layout.root, getattr(options, "coverage_file", "")) is not None:
        return None
    return index.referenced_definitions


def expect_referenced(project: Any, receive: Callable[[], set[tuple[str, str]] | None] | None) -> None:
    """Tell this process's index of `project` to take its referenced definitions from `receive` (None: no longer)."""
    if receive is None:
        _REFERENCED_AHEAD.pop(id(project), None)
    else:
        _REFERENCED_AHEAD[id(project)] = (project, receive)


def index_before_fork(project: Any, options: Any) -> None:
    """Before the project phase forks: the index of the files' facts, built once for the two processes (each then
    goes its own way from the tests to what they reach; the forked copy runs the next package's rules meanwhile)."""
    project_index(project)


REFERENCED_AHEAD = (index_before_fork, referenced_ahead, expect_referenced)  # the reach rules' `forked_ahead`
