"""VC301: a public function, method or class that no test reaches (statically, or by coverage data)."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from vibecheck.analysis.app_model import app_model_collector
from vibecheck.analysis.modules import is_vendored
from vibecheck.discovery import gitignore_spec
from vibecheck.model import Category, Confidence, Finding, Severity
from vibecheck.rule import ProjectRule
from vibecheck.rules.verification._coverage_config import (
    coverage_config,
    coverage_config_inputs,
    excluded_from_coverage,
    inside,
)
from vibecheck.rules.verification._evidence import coverage_inputs, judge_by
from vibecheck.rules.verification._reach import (
    REFERENCED_AHEAD,
    Definition,
    is_declarative,
    is_declarative_file,
    project_finding,
    project_index,
)
from vibecheck.rules.verification._reach_delta import REACH_FACTS, changed_findings, reach_state
from vibecheck.rules.verification._templates import template_inputs
from vibecheck.rules.verification.module_without_tests import Options as ModuleOptions
from vibecheck.rules.verification.module_without_tests import modules_without_tests


@dataclass(frozen=True)
class Options:
    ignore_private: bool = True
    ignore_dunder: bool = True
    ignore_overload: bool = True
    ignore_abstract: bool = True
    ignore_type_checking: bool = True
    ignore_paths: tuple[str, ...] = ()
    ignore_names: tuple[str, ...] = ()
    coverage_file: str = ""
    use_coverage: bool = True
    follow_calls: bool = True
    skip_modules_without_tests: bool = True


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _is_dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


class UntestedPublicFunction(ProjectRule):
    """A public function, method or class that no test calls, imports or refers to.

    ## What it does
    Without coverage data (static mode), reports a public function, class or method of the project's
    source code that no test file names: not imported (`from pkg.mod import f`), not used through its
    module or a package re-export (`mod.f()`, `pkg.f()`), its name not used by any test that reaches its
    module (`obj.method()`), and, for a web handler, its route not requested by any test: a test
    client's request (`client.get("/users/1")` for `@app.get("/users/{id}")`, with the method, also
    under the prefix a blueprint or router is included with), a reversed route name (`reverse("order-refund")`,
    `url_for("auth.logout")`), a Django URLconf entry or a DRF router's viewset action matched by path
    and method. A class counts as tested when it or one of
    its methods is. By default a definition also counts as tested when code the tests reach uses it
    (`total()` calls `round_total()`, so `round_total` is reached), following names in the same module
    and the modules it imports, method names (`obj.method()`) in the modules the tests reach, overrides
    of reached methods, and the top-level code of reached modules. A reached handler reaches what its
    signature names (`Depends(get_current_user)`, its pydantic request model), and functions the
    framework calls by itself (`@app.on_event("startup")`, `@bp.before_request`, `@receiver(...)`,
    validators, SQLAlchemy's `@compiles(construct)`) are reached with their module or class, and so are the
    methods a framework base class calls by name (a view's `get_queryset`, a permission's `has_object_permission`, a serializer's
    `validate_<field>`, an `AppConfig`'s `ready`, the methods Django's admin calls by the names its options
    list as strings: `list_display = ("number", "is_overdue")`, `readonly_fields`, `actions`; the admin
    modules that import `django.contrib.admin`, `admin.py` or an `admin/` package, run at start-up), the
    methods of a class derived from a library's class, also through a module-level alias of it
    (`_ModelAdminBase = admin.ModelAdmin`, or `admin.ModelAdmin[T]` under `if TYPE_CHECKING:`)
    (the library calls its overrides), and protocol methods the standard library calls on objects it is
    handed (`read1`, `get_full_url`). A docstring example counts as a test when the pytest configuration
    collects doctests or a test runs its module's (`doctest.testmod(pkg.mod)`, `doctest.DocTestSuite(mod)`, also
    for each module of a literal tuple), a Django management command when a test runs it with `call_command`, and
    the `if __name__ == "__main__":` block of a module a test runs as a script (`[sys.executable, "-m", "pkg.tool"]`,
    `"python -m pkg.tool"`, `runpy.run_module("pkg.tool")`) with what it calls. A
    definition marked `# pragma: no cover` (on its `def`/`class` line or a decorator's), and the methods of
    a class so marked, are left out: coverage.py leaves them out too, so the project meant no test to run them.
    So are the files the project's coverage configuration omits (`[tool.coverage.run] omit` in
    `pyproject.toml`, `[run] omit` in `.coveragerc`, `[coverage:run]` in `setup.cfg` or `tox.ini`) and the
    definitions whose `def`/`class` line or decorator matches one of its `exclude_lines` or `exclude_also`
    patterns (`def __repr__`, `class .*Protocol`), with the methods of a class so matched.
    Names are also followed through the submodules of an imported package (`flows.login.run()`), through
    dotted strings that name code to import later (`import_string(f"{app}.app_settings.LIMITS")`), into
    the modules an imported module imports at its top, into URL patterns a function builds
    (`V.as_api_view(...)`), from a test to the fixtures of the `conftest.py` files above it, through an
    import under another name (`from ._types import is_prepared as _is_prepared`), to a fallback defined
    where other versions import a library's function, and to a method a test names in a string
    (`parametrize("method", ["get", "patch"])`, then `getattr`). The console scripts and entry points
    `pyproject.toml` declares (`[project.scripts]`) count as called, and a module named as an entry point
    as imported. A method whose name only one definition of the project has (or one method and its overrides), long
    and of two words or more (`installed_models`, `geometry_columns`), counts as tested when any test uses that name,
    also on an object the test got through an API (`connection.introspection.installed_models(tables)`,
    `connection.ops.geometry_columns()`, and then what it returns, also a class it imports in its body) or as a string
    (`skipUnlessDBFeature("supports_crosses_lookup")`). A method also counts as tested when a test uses its name and
    gets an object of its class from code it calls: a function, method or property of a module the test reaches that
    returns an instance of the class or of a subclass (`prep = shape.prepared; prep.covers(point)`, where `prepared`
    returns `PreparedGeometry(self)` from a module the test never imports), or a dunder method of a class the test
    uses (`sample[0].coords()`, through `__getitem__`). Attributes a test reads through a class of the tests' own
    modules are names it uses too (`Child._meta.get_parent_list()`, with `Child` a model of the tests' `models.py`).

    Code that runs by name counts as reached with what runs it: methods a library dispatches by name
    prefix, also through the project's own base classes (`visit_*` of an `ast.NodeVisitor` or libcst
    visitor, `do_*`/`help_*` of a `cmd.Cmd`, `setUp`/`test*` of a `TestCase`, `handle_*` and `parse_*` of an
    `HTMLParser`), methods the project's reached code dispatches by prefix or suffix (`getattr(self, f"on_{event}")`,
    `getattr(self, "_process_{}".format(kind).lower())`,
    `method_name = f"{kind}_schema"` then `getattr(self, method_name)`,
    `dir(obj)` filtered by `name.startswith("visit_")`), the class's own methods it names as the values of its
    class-level mappings (`__location_map__ = {"json": "load_json"}`, `dict(match_info="load_match_info", **base)`,
    then `getattr(self, self.__location_map__[location])`; a mapping's keys, a set or tuple of names, are no
    dispatch) or that a module's top-level list or mapping names where its code looks `self` up by a computed name
    (`FORMATS = ["address", "vcard"]`, then `getattr(self, options["format"])(qs)`),
    subcommands added to a command group that a test runs by
    name (`CliRunner().invoke(cli, ["sync-all"])` or the installed script in a subprocess, for `@cli.command("sync-all")`
    or the names click and typer make of `def sync_all` or `def sync_all_cmd`; typer runs an app's only command
    unnamed), the modules of a package that reached code lists and imports
    (`pkgutil.walk_packages(package.__path__)`, also of a package handed to it as
    `sys.modules[__name__]`; `import_module(f"{__name__}.{name}")`) with the subclasses of the classes it
    collects there (`issubclass(obj, Plugin)`), and methods called from the project's templates
    (`{{ order.total() }}` in a `templates/` folder), or from a template
    a test renders from its own string (`env.from_string("{{ loop.revindex }}")`). Also run unnamed: pytest's
    hooks (`pytest_configure` in a
    plugin module) with their module, functions decorated by a project decorator that stores its argument in a
    registry and returns it (`_finalizers.add(callback); return callback`), methods marked by a decorator of their
    module with an attribute (`fn.runner_flags = flags; return fn`, also from a decorator factory) where the module's
    code lists members and picks them by that attribute (`inspect.getmembers(self)`, `hasattr(member, "runner_flags")`:
    django-extensions' `shell_plus` runners) with their class, a class's metaclass with the class,
    attributes a format string reads (`"{0.status_string}".format(worker)`), methods named by a string handed to
    an attribute lookup helper (`self._get_dynamic_attr("item_title", item)`, `attrgetter("is_ready")`), and a
    `click.Command` subclass's help formatting (`format_options`).

    Test data (a test file pytest does not collect: see `no-tests`) tests nothing: a sample app in `tests/data/`
    that imports a function does not make it tested, but a module of `tests/fixtures/` that a test imports is a
    helper, and what it calls is reached. Nor does a test that is always skipped (`@pytest.mark.skip`,
    `@unittest.skip(...)`, every test of a file under `pytestmark = pytest.mark.skip(...)` or
    `pytest.skip(..., allow_module_level=True)`), with the imports only such tests use; a `skipif` or `xfail` test
    runs somewhere, and counts.

    Names are matched, not the objects they are called on: a test that reaches a module and calls `.get(...)` on
    anything (a dict, a response) makes the `get` methods of that module's classes tested, and reached code that
    calls `.get` reaches every `get` of the modules loaded. This was measured: not counting the names that builtin
    containers also have (`get`, `pop`, `update`, `find`, `insert`) added 27 findings on the eleven pinned projects,
    and the ones read were methods the tests do call, on objects they build (werkzeug's `HeaderSet.find`,
    `LocalStack.pop`, `Headers.popitem`); so such a name counts, and a method reached only through another
    object's call of its name is missed. Where a test says which class it means, the name is judged by it: a test
    that names one class of a module (`SyncJob(local, remote).run()`) and not another class there with a method of the
    same name (`PruneJob.run`), nor one of its base classes or subclasses, tests the first one's method only; a test
    that names neither (its object comes from a fixture) counts for both (no finding changed on the pinned projects).
    A test reaches what it calls whether or not it checks anything: a test with
    no assertion, one that cannot fail or one on a mock alone is reported where it is written (`test-without-assertion`,
    `tautological-assertion`, `assertion-on-mock-only`), which is where the fix goes. A class of the project's code that
    a test names, in a module that imports `pytest` or `unittest` (webargs' `webargs.testing.CommonTestCase`), holds
    tests for the project's test classes to derive from: pytest runs the `test*` methods and `setup_method` they
    inherit. Not counting the tests with no
    assertion at all added 6 findings on the pinned projects, each beside a test `test-without-assertion` reports
    already (celery's `test_reload_task_result`): the one gap, reported twice.

    A top-level folder named like a test suite that the default `test-paths` do not match (celery's `t/`,
    `test/`, `testing/`) holds the tests' helpers: its modules are not reported, and what they use is reached.

    With coverage data (coverage mode), it instead reports the functions and methods whose body never
    ran during the recorded test run, and a class once when none of its methods ran.
    The data is coverage.py's `.coverage` file (read with the `coverage` package), `coverage.json` or
    `coverage.xml`, from `coverage-file` or found at the project root; it is used only while it is newer
    than every source file it measured (stale data would judge the wrong lines). vibecheck never runs
    the tests to get it. The message says which mode produced the finding, and why static mode.

    Definitions of a module that no test imports at all are left to
    `module-without-tests` (one finding per module). Code with nothing to test is never reported:
    interface stubs (a body of only `...`, `pass`, a docstring or `raise NotImplementedError`), classes
    that only declare fields and settings (pydantic models, enums, `Meta`), and Django's declarative
    files (`admin.py`, `apps.py`, `urls.py`, settings, migrations); nor is code outside the project's own modules
    (`docs/`, `examples/`, `scripts/`), nor copies of other projects kept in `vendor/`, `_vendor/` or `third_party/`
    (their own projects test them; the calls they make still reach the project's code).

    The project is the nearest folder with a `pyproject.toml`, `setup.cfg`, `setup.py` or
    `vibecheck.toml` above each file, so a run from a parent folder or a monorepo root judges each
    project against its own tests, as a run inside it does. A project with no test file at all gets
    one `no-tests` finding instead, and nothing from this rule.

    ## Why is this bad?
    Coding agents ship functions that nothing checks: the tests they write exercise the happy path of
    one entry point and leave the rest, and the coverage number hides which parts. Untested public code
    is where the next regression lands unnoticed.

    ## Example
    ```python
    # src/shop/orders.py
    def total(items):
        return sum(item.price for item in items)

    def refund(order):  # no test calls refund
        order.status = "refunded"
    ```

    ## Use instead
    ```python
    # tests/test_orders.py
    from shop.orders import refund, total

    def test_refund_marks_order(order):
        refund(order)
        assert order.status == "refunded"
    ```

    ## Options
    - `ignore-private` (bool, default `true`): leave out `_private` names (and the members of `_Private`
      classes); public names in a private module (`pkg/_client.py`, re-exported by `pkg`) still count.
    - `ignore-dunder` (bool, default `true`): leave out `__dunder__` methods such as `__repr__`.
    - `ignore-overload` (bool, default `true`): leave out `@overload` signatures.
    - `ignore-abstract` (bool, default `true`): leave out `@abstractmethod`s.
    - `ignore-type-checking` (bool, default `true`): leave out definitions under `if TYPE_CHECKING:`.
    - `ignore-paths` (list of gitignore-style patterns, default `[]`): files to leave out, relative to the root.
    - `ignore-names` (list of glob patterns, default `[]`): names or qualified names to leave out, such as
      methods a framework vibecheck does not know calls by name, e.g. `["on_*", "Plugin.*"]`.
    - `coverage-file` (string, default `""`): the coverage data to use, relative to the project root;
      empty means the first of `.coverage`, `coverage.json`, `coverage.xml` found at the root.
    - `use-coverage` (bool, default `true`): set `false` to stay in static mode even when data exists.
    - `follow-calls` (bool, default `true`): in static mode, also count as tested what the referenced
      code uses by name (in its own module and the modules it imports), and the code of modules the tests
      import, so internal helpers of tested functions are not reported; `false` reports every definition
      that no test names directly.
    - `skip-modules-without-tests` (bool, default `true`): leave the definitions of a module no test
      imports to `module-without-tests`; set `false` when that rule is off.

    ## References
    - [coverage.py: the data file API](https://coverage.readthedocs.io/en/latest/api_coveragedata.html)
    - [pytest: good integration practices](https://docs.pytest.org/en/stable/explanation/goodpractices.html)
    """

    code = "VC301"
    name = "untested-public-function"
    category = Category.TESTS
    severity = Severity.LOW
    confidence = Confidence.MEDIUM
    reads_unchecked_source_facts = True
    cache_inputs = (coverage_inputs, template_inputs, coverage_config_inputs)
    fact_collectors = (app_model_collector,)  # URLconf and router wiring, for reach through test-client requests
    Options = Options
    reads_facts = REACH_FACTS
    change_state = reach_state
    forked_ahead = REFERENCED_AHEAD  # the copy of a forked phase computes the referenced definitions

    def check_change(self, project: Any, state: Any, change: Any) -> list[Finding] | None:
        return changed_findings(self, project, state, change)

    def check_project(self, project: Any) -> Iterable[Finding]:
        index = project_index(project)
        if not index.tests or not index.modules:
            return []  # no-tests reports that
        evidence = judge_by(index, use_coverage=self.options.use_coverage, coverage_file=self.options.coverage_file)
        executed = evidence.executed
        skipped_modules = set()
        if self.options.skip_modules_without_tests:
            module_options = ModuleOptions(coverage_file=self.options.coverage_file,
                                           use_coverage=self.options.use_coverage)
            skipped_modules = {m.name for m in modules_without_tests(index, module_options)}
        static_tested: dict[str, set[str]] = {}
        if executed is None:
            for module_name, qualname in (index.reached_definitions if self.options.follow_calls
                                          else index.referenced_definitions):
                static_tested.setdefault(module_name, set()).add(qualname)
        findings: list[Finding] = []
        coverage = coverage_config(project.root)
        for name, module in sorted(index.modules.items()):
            if name in skipped_modules or name in index.support or is_vendored(module.relative) \
                    or not self._path_wanted(module.relative) \
                    or is_declarative_file(module.relative) or coverage.omits(module.relative):
                continue
            if executed is not None:
                tested = self._ran(module.definitions, executed.lines_for(module.relative) or frozenset())
            else:
                tested = static_tested.get(name, set())
            untested = self._collapse(module.definitions, tested)
            interfaces = self._interfaces(module.definitions) if self.options.ignore_abstract else set()
            excluded = excluded_from_coverage(module.definitions, coverage)
            findings.extend(self._finding(d, evidence.mode, executed is not None) for d in untested
                            if self._wanted(d) and d.qualname not in interfaces and not inside(d.qualname, excluded))
        return findings

    def _path_wanted(self, relative: str) -> bool:
        if self.options.ignore_paths:
            spec = gitignore_spec(self.options.ignore_paths)
            return not spec.match_file(relative)
        return True

    def _wanted(self, definition: Definition) -> bool:
        options = self.options
        parts = definition.qualname.split(".")
        if "stub" in definition.flags or is_declarative(definition):
            return False
        if any(fnmatch.fnmatchcase(definition.simple_name, p) or fnmatch.fnmatchcase(definition.qualname, p)
               for p in options.ignore_names):
            return False
        if options.ignore_private and any(_is_private(p) for p in parts):
            return False
        if options.ignore_dunder and any(_is_dunder(p) for p in parts):
            return False
        if options.ignore_overload and "overload" in definition.flags:
            return False
        if options.ignore_abstract and "abstract" in definition.flags:
            return False
        return not (options.ignore_type_checking and "type_checking" in definition.flags)

    @staticmethod
    def _interfaces(definitions: list[Definition]) -> set[str]:
        """Classes whose methods are all abstract or stubs: there is nothing in them to test."""
        members: dict[str, list[Definition]] = {}
        for definition in definitions:
            if definition.kind != "class" and definition.owner:
                members.setdefault(definition.owner, []).append(definition)
        return {owner for owner, methods in members.items()
                if all(m.flags & {"abstract", "stub"} for m in methods)}

    @staticmethod
    def _ran(definitions: list[Definition], lines: frozenset[int]) -> set[str]:
        """Functions with an executed body line; classes without methods, which lines cannot judge."""
        ran = {d.qualname for d in definitions if d.kind != "class" and set(d.body_lines) & lines}
        owners = {d.owner for d in definitions if d.kind != "class" and "stub" not in d.flags}
        ran.update(d.qualname for d in definitions if d.kind == "class" and d.qualname not in owners)
        return ran

    @staticmethod
    def _collapse(definitions: list[Definition], tested: set[str]) -> list[Definition]:
        """Untested definitions; a class none of whose members is tested is reported once, not per member."""
        tested = set(tested)
        for qualname in list(tested):  # a tested member makes its classes tested
            owner = qualname.rpartition(".")[0]
            while owner and owner not in tested:  # one already in gets its own classes in its own turn
                tested.add(owner)
                owner = owner.rpartition(".")[0]
        untested = []
        reported_classes: list[str] = []
        for definition in definitions:
            if definition.qualname in tested:
                continue
            if any(definition.qualname.startswith(c + ".") for c in reported_classes):
                continue
            if definition.kind == "class":
                reported_classes.append(definition.qualname)
            untested.append(definition)
        return untested

    def _finding(self, definition: Definition, mode: str, coverage: bool) -> Finding:
        kind = definition.kind.capitalize()
        if coverage:
            what = "none of its methods ran" if definition.kind == "class" else "its body never ran"
            message = f"{kind} `{definition.full_name}` is untested: {what} during the recorded test run ({mode})."
        else:
            reach = ", nor used by code the tests reach" if self.options.follow_calls else ""
            message = f"{kind} `{definition.full_name}` is not referenced by any test file{reach} ({mode})."
        return project_finding(self, definition.path, definition.line, definition.text, message,
                               f"Add a test that calls `{definition.simple_name}` and asserts on its result, "
                               "or make it private if it is not part of the API.")
