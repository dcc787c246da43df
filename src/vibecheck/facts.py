"""Per-file facts for the project phase: what a source file defines, and what a test file refers to.

The engine runs one fact collector per file next to the rules, in the same walk (like the import table):
it reports nothing and writes plain, JSON-able data into `context.facts`, which travels back from the
worker in `FileResult.facts` and is cached with the file.

- A test file's collector records what the test refers to (`vibecheck.references`), read from the
  file's `ast` at the end of the walk: the same reading indexes the test files a run did not check.
- A source file's collector needs line numbers for its definitions, which the libcst walk does not know
  (`PositionProvider` would double the cost of every file). It reads them from Python's own `ast` at the
  end of the walk (`context.python_ast()`, parsed once per file and shared with bandit): parsing with
  `ast` costs about an eighth of libcst's parse, and only module, class and function bodies are visited.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from vibecheck.ast_fields import CONTENT_FIELDS, content_children, statement_children
from vibecheck.lines import split_lines
from vibecheck.patterns import lazy_pattern, word_start_matches
from vibecheck.references import DOTTED_STRING, HTTP_METHODS, TEST_REFERENCES, read_test_references

if TYPE_CHECKING:  # the facts are read with `ast`: a run that only indexes files (the hook) never loads libcst
    import libcst as cst

    from vibecheck.rule import RuleContext

DEFINITIONS = "definitions"
MODULE_IMPORTS = "module_imports"
MODULE_USES = "module_uses"
MODULE_STAR_IMPORTS = "module_star_imports"
LOCAL_IMPORTS = "local_imports"
MODULE_DISCOVERS = "module_discovers"
OWN_PACKAGE_CALLS = "own_package_calls"
MODULE_MAIN_USES = "module_main_uses"  # what `if __name__ == "__main__":` uses: run by `python -m pkg.mod`
# Findings a rule holds until the project phase (`Rule.report(..., held_for=handler)`): [handler, Finding] pairs.
HELD_FINDINGS = "held_findings"
# Findings that a fact of another file may clear (`Rule.report(..., unless=(kind, subject))`): [kind, subject, Finding]
# triples, reported in the project phase unless `vibecheck.conditional_findings` shows the subject is of that kind.
CONDITIONAL_FINDINGS = "conditional_findings"
# What `source_facts` writes: a checked file's facts hold these beside the rules' own (a test checks they agree).
SOURCE_FACT_KEYS = (DEFINITIONS, MODULE_IMPORTS, MODULE_STAR_IMPORTS, MODULE_USES, LOCAL_IMPORTS, MODULE_DISCOVERS,
                    OWN_PACKAGE_CALLS, MODULE_MAIN_USES)

ROUTE_DECORATORS = frozenset({"route", "get", "post", "put", "patch", "delete", "head", "options", "websocket",
                              "api_route", "trace", "view", "custom_route"})
ABSTRACT_DECORATORS = frozenset({"abstractmethod", "abstractproperty", "abstractclassmethod", "abstractstaticmethod"})
# Decorators that register a function for the framework to call by itself (hooks, signal receivers,
# validators): it runs when its module is imported (or its class is used), without anyone naming it.
HOOK_DECORATORS = frozenset({
    "on_event", "middleware", "exception_handler", "errorhandler", "app_errorhandler", "before_request",
    "after_request", "teardown_request", "teardown_appcontext", "before_app_request", "after_app_request",
    "teardown_app_request", "context_processor", "app_context_processor", "url_value_preprocessor", "url_defaults",
    "template_filter", "template_global", "template_test", "app_template_filter", "app_template_global",
    "shell_context_processor", "before_serving", "after_serving", "user_loader", "request_loader",
    "token_loader", "unauthorized_handler", "receiver", "register", "validator", "field_validator",
    "model_validator", "root_validator", "field_serializer", "model_serializer", "computed_field", "validates",
    "validates_schema", "pre_load", "post_load", "pre_dump", "post_dump", "listens_for", "hookimpl", "fixture",
    "simple_tag", "inclusion_tag", "filter", "tag", "assignment_tag",  # Django template tags: templates call them
    "visit", "leave",  # libcst's matcher decorators (`@m.visit(m.Call())`): the visitor calls the method
    "compiles",  # SQLAlchemy's `@compiles(array_get)`: the compiler calls it for each statement holding the construct
})
# Module-level functions that a test runner or plugin host calls by their name alone: pytest's hooks in a plugin or
# `conftest.py` (`pytest_configure`, `pytest_addoption`), unittest's `load_tests` protocol.
# coverage.py's default exclusion: a block whose first line says so is never measured.
NO_COVER = re.compile(r"#\s*(?:pragma|PRAGMA)[:\s]?\s*(?:no|NO)\s*(?:cover|COVER)")
HOOK_NAME_PREFIXES = ("pytest_",)
HOOK_NAMES = frozenset({"load_tests"})
# Calls that store a function in a registry (`_on_finalize.add(callback)`): a decorator that makes them on its
# parameter and returns it registers what it decorates, which the registry's owner calls later, unnamed.
REGISTRY_STORES = frozenset({"add", "append", "appendleft", "insert", "setdefault", "register", "connect", "update"})
# `"{0.hostname} ({0.status_string})".format(worker)`: the attribute names of a format string's replacement fields.
FORMAT_FIELD = re.compile(r"\{([A-Za-z_0-9]*(?:\.[A-Za-z_]\w*)+)[^{}]*\}", re.ASCII)
# Decorators that add a subcommand to a command group (`@cli.command("rules")`, `@app.command()` in typer): the
# group runs it by the name on the command line. `@click.command()` itself only makes a command, which is named.
SUBCOMMAND_DECORATORS = frozenset({"command", "group"})
COMMAND_LIBRARIES = frozenset({"click", "typer", "cloup", "asyncclick"})
COMMAND_SUFFIXES = ("-command", "-cmd", "-group", "-grp")  # what click 8.2 drops from a function's name
# Calls that list the modules of a package (`walk_packages` goes into sub-packages) and that import one by name.
PACKAGE_LISTERS = {"iter_modules": "iter", "walk_packages": "walk"}
MODULE_IMPORTERS = frozenset({"import_module", "__import__"})
# Calls that find attributes by name: with a name prefix in the same function, methods are dispatched by it.
ATTRIBUTE_LOOKUPS = frozenset({"getattr", "hasattr", "dir", "vars", "getmembers"})
NAME_PREFIX = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$", re.ASCII)
# Nested classes that only configure their owner (Django's and DRF's `Meta`, pydantic's `Config`).
CONFIG_CLASSES = frozenset({"Meta", "Config", "Media"})
# Dunders that only present an object; a class with no other methods only declares data.
PRESENTATION_DUNDERS = frozenset({"__repr__", "__str__", "__format__", "__rich_repr__", "__html__", "__unicode__"})
# A string naming a dotted path (`"pkg.flows.resume"`, or the literal end `.app_settings.LIMITS` of an f-string):
# code that imports what it names by string (`import_string`, Django settings, deferred calls) uses its last part.
# Three parts at least, or two after a leading dot, so that file names (`"setup.py"`) are no uses.
NAMED_BY_STRING = re.compile(r"^(?:\.[A-Za-z_]\w*|[A-Za-z_]\w*\.[A-Za-z_]\w*)(?:\.[A-Za-z_]\w*)+$", re.ASCII)
MAX_DOTTED_STRING = 200
# `getattr(self, name)`, `getattr(cls, FORMATS[i])`: an attribute of the object looked up by a computed name, not a literal
SELF_LOOKUP_BY_NAME = lazy_pattern(r"getattr\((?:self|cls), ?[^\s'\"]")
# Class options whose strings name methods the framework calls by name: Django's admin shows each of
# `list_display = ("number", "is_overdue")` by calling the model's or the admin's method of that name.
METHODS_BY_OPTION = frozenset({"list_display", "list_display_links", "readonly_fields", "actions"})
MAX_FORMAT_STRING = 2000


def fact_collector(context: RuleContext) -> TestFactCollector | SourceFactCollector:
    """The collector for this file: test files record references, other files their definitions."""
    return TestFactCollector(context) if context.is_test_file else SourceFactCollector(context)


class SourceFactCollector:
    """Records the definitions and module-level imports of a source file, at the end of the walk."""

    code = "facts"

    def __init__(self, context: RuleContext) -> None:
        self.context = context

    def leave_Module(self, node: cst.Module) -> None:
        tree = self.context.python_ast()  # parsed once per file, shared with bandit; None: no facts is the safe answer
        if tree is not None:
            self.context.facts.update(source_facts(self.context.source, tree))


def parse_or_none(source: str) -> ast.Module | None:
    """The source's `ast`, or None for text that does not parse (or nests past the parser's limits)."""
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def source_facts(source: str, tree: ast.Module | None = None) -> dict[str, Any]:
    """The definitions, module-level imports and uses of a source file, read with `ast` (no facts if it does not parse).

    `tree` is the file's `ast` when the caller has it (the pipeline parses it once per file, shared with bandit).
    """
    if tree is None:
        tree = parse_or_none(source)
        if tree is None:
            return {}  # libcst parsed it, so only odd inputs get here; no facts is the safe answer
    try:
        return _read_facts(source, tree)
    except RecursionError:  # the readers recurse over nested blocks: a thousand `elif`s parse, yet are too deep
        return {}


def _read_facts(source: str, tree: ast.Module) -> dict[str, Any]:
    lines = split_lines(source)
    imports, stars = _module_imports(tree.body)
    own_package_calls: set[str] = set()
    function_imports: dict[int, set[str]] = {}  # by `id` of the function node: both readers below ask for most of them
    definitions = list(_definitions(tree.body, "", lines, in_type_checking=False, own_package_calls=own_package_calls,
                                    function_imports=function_imports))
    if any(flag.startswith(LISTS) for definition in definitions for flag in definition["flags"]):
        _flag_markers(tree.body, definitions, lines)
    calls: list[ast.Call] = []
    uses = _uses(tree.body, skip_functions=True, calls=calls)
    uses.update(_methods_named_in_module_tables(tree.body, definitions, source))
    own_package_calls.update(_own_package_calls(calls))
    return {DEFINITIONS: definitions, MODULE_IMPORTS: imports, MODULE_STAR_IMPORTS: stars, MODULE_USES: sorted(uses),
            LOCAL_IMPORTS: _local_imports(tree, function_imports), MODULE_DISCOVERS: _discovers(calls, set()),
            OWN_PACKAGE_CALLS: sorted(own_package_calls), MODULE_MAIN_USES: sorted(_main_uses(tree.body))}


def _main_uses(body: list[ast.stmt]) -> set[str]:
    """The names the module's `if __name__ == "__main__":` blocks use (its own uses leave them out)."""
    used: set[str] = set()
    for statement in body:
        if isinstance(statement, ast.If) and _is_main_guard(statement.test):
            used |= _uses(statement.body, skip_functions=False)
    return used


# The fields that hold statements: an import is a statement, so expressions are never entered.
_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
_FUNCTIONS = frozenset({ast.FunctionDef, ast.AsyncFunctionDef})


_BLOCKS_OF: dict[type, tuple[str, ...]] = {}


def _block_fields(kind: type) -> tuple[str, ...]:
    """The `_BLOCK_FIELDS` a node class has, in that order."""
    fields = _BLOCKS_OF.get(kind)
    if fields is None:
        fields = _BLOCKS_OF[kind] = tuple(name for name in _BLOCK_FIELDS if name in kind._fields)  # type: ignore[attr-defined]
    return fields


def _local_imports(tree: ast.Module, function_imports: dict[int, set[str]]) -> list[str]:
    """What functions import in their bodies (`from . import db` inside `create_app`), deferred to call time."""
    found: set[str] = set()
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind in _FUNCTIONS:
            found.update(_function_imports(node, function_imports))
            continue
        for name in _block_fields(kind):
            pending.extend(getattr(node, name))
    return sorted(found)


def _function_imports(function: ast.AST, known: dict[int, set[str]]) -> set[str]:
    """`_imported_in(function)`, read once per function node of the tree."""
    found = known.get(id(function))
    if found is None:
        found = known[id(function)] = _imported_in(function)
    return found


def _imported_in(node: ast.AST) -> set[str]:
    """The dotted names a function's body imports (relative ones keep their dots).

    Imports are statements, so only statements are visited: a generated 2,500-long expression costs nothing here.
    """
    found: set[str] = set()
    pending = [node]
    while pending:
        inner = pending.pop()
        kind = type(inner)
        if kind is ast.Import:
            found.update(alias.name for alias in inner.names)  # type: ignore[attr-defined]
        elif kind is ast.ImportFrom:
            base = "." * inner.level + (inner.module or "")  # type: ignore[attr-defined]
            separator = "" if base.endswith(".") or not base else "."
            found.update(f"{base}{separator}{alias.name}" for alias in inner.names if alias.name != "*")  # type: ignore[attr-defined]
        else:
            for name in _block_fields(kind):
                pending.extend(getattr(inner, name))
    return found


class TestFactCollector:
    """Records what a test file imports and refers to (`vibecheck.references`), at the end of the walk."""

    code = "facts"

    def __init__(self, context: RuleContext) -> None:
        self.context = context

    def leave_Module(self, node: cst.Module) -> None:
        tree = self.context.python_ast()  # parsed once per file, shared with bandit; None: no facts is the safe answer
        if tree is not None:
            self.context.facts[TEST_REFERENCES] = read_test_references(tree)


def _decorator_name(node: ast.expr) -> str:
    target = node.func if isinstance(node, ast.Call) else node
    parts = []
    while isinstance(target, ast.Attribute):
        parts.append(target.attr)
        target = target.value
    if isinstance(target, ast.Name):
        parts.append(target.id)
    return ".".join(reversed(parts))


def _route_paths(decorators: list[ast.expr]) -> list[str]:
    """`@app.get("/users/{id}")`, `@bp.route("/x", methods=...)`: the path strings of route decorators."""
    paths: list[str] = []
    for decorator in decorators:
        if not isinstance(decorator, ast.Call) or _decorator_name(decorator).rpartition(".")[2] not in ROUTE_DECORATORS:
            continue
        candidates = decorator.args[:1] + [k.value for k in decorator.keywords if k.arg in ("path", "rule", "url")]
        paths.extend(c.value for c in candidates if isinstance(c, ast.Constant) and isinstance(c.value, str)
                     and c.value.startswith("/"))
    return paths


def _route_receivers(decorators: list[ast.expr]) -> list[str]:
    """What the route decorators register on: `bp` for `@bp.get("/")`, `api.router` for `@api.router.post(...)`."""
    receivers = []
    for decorator in decorators:
        name = _decorator_name(decorator) if isinstance(decorator, ast.Call) else ""
        head, _, last = name.rpartition(".")
        if head and last in ROUTE_DECORATORS:
            receivers.append(head)
    return sorted(set(receivers))


def _route_methods(decorators: list[ast.expr]) -> list[str]:
    """The HTTP methods of a handler's route decorators: `@app.post` -> POST, `methods=["GET", "POST"]`, else `*`."""
    methods: set[str] = set()
    for decorator in decorators:
        if not isinstance(decorator, ast.Call):
            continue
        last = _decorator_name(decorator).rpartition(".")[2]
        if last not in ROUTE_DECORATORS:
            continue
        listed = next((k.value for k in decorator.keywords if k.arg == "methods"), None)
        if last.upper() in {m.upper() for m in HTTP_METHODS}:
            methods.add(last.upper())
        elif isinstance(listed, (ast.List, ast.Tuple, ast.Set)):
            methods.update(str(e.value).upper() for e in listed.elts if isinstance(e, ast.Constant))
        else:
            methods.add("*")
    return sorted(methods)


def _body_lines(body: list[ast.stmt]) -> list[int]:
    """The first line of each statement of a function body, without its docstring."""
    statements = body
    if statements and isinstance(statements[0], ast.Expr) and isinstance(statements[0].value, ast.Constant) \
            and isinstance(statements[0].value.value, str) and len(statements) > 1:
        statements = statements[1:]
    return [s.lineno for s in statements]


def _factory_fact(statement: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> dict[str, str]:
    """`{"returns_call": "_loader.AnsibleLoader"}` for a function whose whole body returns one call of a name
    (`return _loader.AnsibleLoader(*args, **kwargs)`): a factory, which stands for what it calls. Only then, so the
    other definitions carry no empty key. Looks at the body's last statement only: constant cost per definition."""
    body = statement.body
    if isinstance(statement, ast.ClassDef) or len(body) > 2 or (len(body) == 2 and not _is_docstring(body[0])):
        return {}
    last = body[-1]
    if type(last) is not ast.Return or type(last.value) is not ast.Call:
        return {}
    func = last.value.func
    head = func
    while type(head) is ast.Attribute:
        head = head.value
    return {"returns_call": _decorator_name(func)} if type(head) is ast.Name else {}


def _own_statements(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.stmt]:
    """A function's statements, nested blocks included, not those of a function or class defined in it (nor those
    definitions): listed once for `_error_paths` and `_returned_classes`, which both read every one."""
    found: list[ast.stmt] = []
    pending: list[ast.stmt] = list(function.body)
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef:
            continue
        found.append(node)
        pending.extend(statement_children(node))
    return found


def _returned_classes(statements: list[ast.stmt]) -> dict[str, list[str]]:
    """`{"returns": ["PreparedGeometry"]}` for a function that returns (or yields) an instance of a class-like name, or
    the class itself (`return PreparedGeometry(self)`, `return PostGISGeometryColumns`): a test that calls it gets
    that class's object in its hands. Only names starting with a capital, so the facts stay small; only the
    function's own statements (`_own_statements`), not those of nested functions."""
    found: set[str] = set()
    for node in statements:
        kind = type(node)
        if kind is ast.Return or kind is ast.Expr:
            value = node.value  # type: ignore[attr-defined]
            if kind is ast.Expr:
                value = value.value if type(value) is ast.Yield or type(value) is ast.YieldFrom else None
            last = _decorator_name(value).rpartition(".")[2] if value is not None else ""
            if last[:1].isupper() and not last.isupper():  # `Layer`, not a constant's `DEFAULT`
                found.add(_decorator_name(value))
    return {"returns": sorted(found)} if found else {}


def _is_docstring(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and isinstance(statement.value.value, str)


def _is_stub(body: list[ast.stmt]) -> bool:
    """Only a docstring, `...`, `pass` or `raise NotImplementedError`: an interface, nothing to test."""
    for statement in body:
        if isinstance(statement, ast.Pass):
            continue
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue
        if isinstance(statement, ast.Raise) and statement.exc is not None \
                and _decorator_name(statement.exc).rpartition(".")[2] == "NotImplementedError":
            continue
        return False
    return True


def _parts(statement: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> list[ast.AST]:
    """What a definition's code uses: decorators and body, and a function's signature (`Depends(get_user)`, its model)."""
    if isinstance(statement, ast.ClassDef):  # `metaclass=Meta`: its `__new__` and `__instancecheck__` run for the class
        return [*statement.decorator_list, *(k.value for k in statement.keywords if k.arg == "metaclass"),
                *statement.body]
    returns = [statement.returns] if statement.returns else []
    return [*statement.decorator_list, statement.args, *returns, *statement.body]


# Calls that end a request with an error answer (Flask's `abort(404)`), like a `raise`.
ABORTS = frozenset({"abort", "abort_with", "exit"})
ERROR_STATUS = range(400, 500)


def _error_paths(statements: list[ast.stmt], lines: list[str]) -> list[list[Any]]:
    """A function's error branches, among its own statements (`_own_statements`): `except` blocks and `if` guards that
    raise, abort or answer 4xx.

    Each is `[kind, header line, first line of its block, header text]`; a block on its header's own line
    (`if not user: raise ...`) is left out, since coverage cannot tell whether it ran.
    """
    found: list[list[Any]] = []
    for node in statements:
        kind = type(node)
        blocks: list[tuple[str, int, list[ast.stmt]]] = []
        if kind is ast.Try:
            blocks = [("except", h.lineno, h.body) for h in node.handlers]  # type: ignore[attr-defined]
        elif kind is ast.If and node.body and _denies(node.body[-1]):  # type: ignore[attr-defined]
            blocks = [("guard", node.lineno, node.body)]  # type: ignore[attr-defined]
        for label, header, block in blocks:
            text = lines[header - 1].strip() if header <= len(lines) else ""
            if block and block[0].lineno != header and not NO_COVER.search(text):
                found.append([label, header, block[0].lineno, text])
    return sorted(found)


def _content_nodes(node: ast.AST) -> list[ast.AST]:
    """The nodes under `node` and itself, in no set order, without the operator and context leaves: `ast.walk` for a
    search whose order does not matter, at about half its cost (no generators in generators per node)."""
    found: list[ast.AST] = [node]
    for inner in found:
        found.extend(content_children(inner))
    return found


def _denies(statement: ast.stmt) -> bool:
    """`raise ...`, `abort(403)`, `return JSONResponse(..., status_code=404)` or `return body, 401`."""
    if isinstance(statement, ast.Raise):
        return True
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        return _decorator_name(statement.value.func).rpartition(".")[2] in ABORTS
    if isinstance(statement, ast.Return) and statement.value is not None:
        return any(isinstance(n, ast.Constant) and type(n.value) is int and n.value in ERROR_STATUS
                   for n in _content_nodes(statement.value))
    return False


def _excluded_from_coverage(statement: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef, lines: list[str]) -> bool:
    """`# pragma: no cover` on the `def`/`class` line or a decorator's: coverage.py leaves the whole block out,
    so the project has said that no test is meant to run it."""
    numbers = [statement.lineno, *(d.lineno for d in statement.decorator_list)]
    return any(0 < n <= len(lines) and NO_COVER.search(lines[n - 1]) for n in numbers)


def _only_declares(node: ast.ClassDef) -> bool:
    """A class that holds fields and settings, no behaviour: a pydantic model, an enum, a `Meta`."""
    return not any(isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name not in PRESENTATION_DUNDERS
                   for s in node.body)


def _is_type_checking(test: ast.expr) -> bool:
    return _decorator_name(test).rpartition(".")[2] == "TYPE_CHECKING"


def _definitions(body: list[ast.stmt], prefix: str, lines: list[str], *, in_type_checking: bool,
                 own_package_calls: set[str], function_imports: dict[int, set[str]]) -> Any:
    """Functions, classes and methods of a module or class body (not those nested in functions).

    `own_package_calls` collects the functions the code hands its own package to (see `_own_package_calls`);
    `function_imports` remembers what each function imports (`_function_imports`).
    """
    for statement in body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            decorators = [_decorator_name(d) for d in statement.decorator_list]
            last_names = {d.rpartition(".")[2] for d in decorators}
            flags = []
            if "overload" in last_names:
                flags.append("overload")
            if last_names & ABSTRACT_DECORATORS:
                flags.append("abstract")
            if in_type_checking:
                flags.append("type_checking")
            is_class = isinstance(statement, ast.ClassDef)
            if _is_stub(statement.body):
                flags.append("stub")
            if _excluded_from_coverage(statement, lines):
                flags.append("no_cover")
            if last_names & HOOK_DECORATORS or any(map(_adds_subcommand, decorators)) or not prefix and not is_class \
                    and (statement.name.startswith(HOOK_NAME_PREFIXES) or statement.name in HOOK_NAMES):
                flags.append("hook")
            if not isinstance(statement, ast.ClassDef) and _registers_argument(statement, lines):
                flags.append("registrar")
            docstring = ast.get_docstring(statement, clean=False) or ""
            if ">>> " in docstring:
                flags.append("doctest")
            if isinstance(statement, ast.ClassDef) and (statement.name in CONFIG_CLASSES and prefix
                                                        or _only_declares(statement)):
                flags.append("declarative")
            qualname = f"{prefix}{statement.name}"
            own = [] if is_class else _own_statements(statement)  # type: ignore[arg-type]
            calls: list[ast.Call] = []
            uses = _uses(_parts(statement), skip_functions=is_class, calls=calls)
            if is_class:
                uses.update(_methods_named_in_tables(statement))  # type: ignore[arg-type]
            elif not MEMBER_LISTINGS.isdisjoint(uses):  # (most functions list no members)
                flags.extend(f"{LISTS}{attribute}" for attribute in _listed_markers(calls))
            if not OWN_NAMES.isdisjoint(uses):  # (each name in those calls is among the uses: most use none of them)
                own_package_calls.update(_own_package_calls(calls))
            yield {
                "qualname": qualname,
                "kind": "class" if is_class else ("method" if prefix else "function"),
                "line": statement.lineno,
                "end_line": statement.end_lineno or statement.lineno,
                "body_lines": [] if is_class else _body_lines(statement.body),
                "decorators": decorators,
                "routes": _route_paths(statement.decorator_list),
                "route_methods": _route_methods(statement.decorator_list),
                "route_receivers": _route_receivers(statement.decorator_list),
                "imports": [] if is_class else sorted(_function_imports(statement, function_imports)),
                "error_paths": _error_paths(own, lines),
                "flags": flags,
                "uses": sorted(uses),
                "dispatches": _dispatch_prefixes(calls, None if isinstance(statement, ast.ClassDef) else statement),
                "discovers": _discovers(calls, set() if is_class else _parameters(statement)),
                "bases": ([name for name in map(_decorator_name, statement.bases) if name]
                          if isinstance(statement, ast.ClassDef) else []),
                "text": lines[statement.lineno - 1].strip() if statement.lineno <= len(lines) else "",
                **_factory_fact(statement),
                **_returned_classes(own),
                **_subcommand_fact(statement),
            }
            if is_class:
                yield from _definitions(statement.body, f"{qualname}.", lines, in_type_checking=in_type_checking,
                                        own_package_calls=own_package_calls, function_imports=function_imports)
        elif isinstance(statement, ast.If):
            nested = in_type_checking or _is_type_checking(statement.test)
            yield from _definitions(statement.body, prefix, lines, in_type_checking=nested,
                                    own_package_calls=own_package_calls, function_imports=function_imports)
            yield from _definitions(statement.orelse, prefix, lines, in_type_checking=in_type_checking,
                                    own_package_calls=own_package_calls, function_imports=function_imports)
        elif isinstance(statement, ast.Try):  # not the handlers: a fallback `def` there is a shim, not the API
            for block in (statement.body, statement.orelse):
                yield from _definitions(block, prefix, lines, in_type_checking=in_type_checking,
                                        own_package_calls=own_package_calls, function_imports=function_imports)


def _is_main_guard(test: ast.expr) -> bool:
    """`if __name__ == "__main__":`, whose code does not run when the tests import the module."""
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name) and test.left.id == "__name__"
            and len(test.comparators) == 1 and isinstance(test.comparators[0], ast.Constant)
            and test.comparators[0].value == "__main__")


def _uses(nodes: Sequence[ast.AST], *, skip_functions: bool, calls: list[ast.Call] | None = None) -> set[str]:
    """Every identifier and attribute name used in the nodes (`f`, `self.helper`, `getattr(x, "helper")`), for the
    call closure; `calls` collects the calls met on the way.

    With `skip_functions`, function bodies are left out (a module's or class's own top-level code). Dispatches on
    the node's exact class (parsed trees hold no subclasses) and skips the operator and context leaves.
    """
    used: set[str] = set()
    pending = list(nodes)
    while pending:
        node = pending.pop()
        kind = type(node)
        if kind is ast.Name:
            used.add(node.id)  # type: ignore[attr-defined]
            continue  # its only child is its context leaf
        if kind is ast.Attribute:
            used.add(node.attr)  # type: ignore[attr-defined]
        elif kind is ast.Call:
            if calls is not None:
                calls.append(node)  # type: ignore[arg-type]
            looked_up = _looked_up_name(node)  # type: ignore[arg-type]
            if looked_up:
                used.add(looked_up)
        elif kind is ast.Constant:
            value = node.value  # type: ignore[attr-defined]
            if isinstance(value, str) and len(value) < MAX_DOTTED_STRING and NAMED_BY_STRING.match(value):
                used.add(value.rpartition(".")[2])  # `import_string("pkg.flows.resume")`, f"{app}.app_settings.LIMITS"
            elif isinstance(value, str) and "{" in value and len(value) < MAX_FORMAT_STRING:
                for field in FORMAT_FIELD.findall(value):  # `"{0.status_string}".format(worker)` reads the attribute
                    used.update(field.split(".")[1:])
            continue  # no children
        elif kind is ast.Assign:
            used.update(_methods_by_option(node))  # type: ignore[arg-type]
        elif skip_functions and kind in _SKIPPED_IN_OWN_CODE:
            if kind is ast.If and _is_main_guard(node.test):  # type: ignore[attr-defined]
                continue
            if kind is ast.ClassDef:
                pending.extend([*node.decorator_list, *node.bases, *node.body,  # type: ignore[attr-defined]
                                *(k.value for k in node.keywords if k.arg == "metaclass")])  # type: ignore[attr-defined]
                continue
            if kind is not ast.If:
                pending.extend(node.decorator_list)  # type: ignore[attr-defined]
                continue
        elif node is None:  # a `**x` in `Dict.keys`, a keyword-only parameter without a default
            continue
        fields = CONTENT_FIELDS.get(kind)
        if fields is None:
            pending.extend(content_children(node))
            continue
        for name in fields:  # `content_children`, inline: this loop runs for every node of every source file
            value = getattr(node, name, None)
            if type(value) is list:
                pending.extend(value)
            elif value is not None:
                pending.append(value)
    return used


def _methods_named_in_tables(node: ast.ClassDef) -> set[str]:
    """The class's own method names its class-level mappings hold as values (`__location_map__ = {"json": "load_json"}`,
    `dict(match_info="load_match_info", **base)`): its code looks them up by name (`getattr(self,
    self.__location_map__[location])`), so they run with the class. Only a mapping's values: its keys are what callers
    name (`location="json"`), and a set or tuple of names is as often the names to avoid (mongoengine's
    `_special_fields`)."""
    methods = {s.name for s in node.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    named: set[str] = set()
    for statement in node.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            named.update(_strings_among(_mapping_values(statement.value), methods))
    return named


def _methods_named_in_module_tables(body: list[ast.stmt], definitions: list[dict[str, Any]], source: str) -> set[str]:
    """The module's method names its top-level lists, tuples and mappings hold (`FORMATS = ["address", "vcard"]`), where
    a method looks an attribute of `self` up by a computed name (`getattr(self, options["format"])(qs)`): they run by
    name. The source is searched for such a lookup only when a table names a method (rarely)."""
    methods = {d["qualname"].rpartition(".")[2] for d in definitions if d["kind"] == "method"}
    if not methods:
        return set()
    named: set[str] = set()
    for statement in body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            value = statement.value
            items: list[ast.expr | None] = (list(value.elts) if isinstance(value, (ast.Tuple, ast.List))
                                            else _mapping_values(value))
            named.update(_strings_among(items, methods))
    return named if named and SELF_LOOKUP_BY_NAME.search(source) else set()


def _mapping_values(value: ast.expr | None) -> list[ast.expr | None]:
    """A dict display's values, or a `dict(...)` call's keyword values."""
    if isinstance(value, ast.Dict):
        return list(value.values)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict":
        return [keyword.value for keyword in value.keywords if keyword.arg]
    return []


def _strings_among(items: list[ast.expr | None], names: set[str]) -> set[str]:
    return {item.value for item in items
            if isinstance(item, ast.Constant) and isinstance(item.value, str) and item.value in names}


def _methods_by_option(assign: ast.Assign) -> list[str]:
    """`list_display = ("number", "is_overdue")`: the method names an admin option lists as strings."""
    target = assign.targets[0] if len(assign.targets) == 1 else None
    if not (isinstance(target, ast.Name) and target.id in METHODS_BY_OPTION
            and isinstance(assign.value, (ast.Tuple, ast.List))):
        return []
    return [e.value for e in assign.value.elts
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isidentifier()]


# The statements `_uses` treats apart in a module's or class's own code: it leaves out `if __name__ == "__main__":`
# blocks, function bodies, and a class's keywords but its metaclass.
_SKIPPED_IN_OWN_CODE = frozenset({ast.If, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef})


def _module_imports(body: list[ast.stmt]) -> tuple[dict[str, str], list[str]]:
    """Module-level `local name -> dotted name`, and the modules imported with `*` (relative ones keep their dots).

    A name bound to an imported name's attribute (`_ModelAdminBase = admin.ModelAdmin`, also subscripted:
    `admin.ModelAdmin[_ModelT]` under `if TYPE_CHECKING:`) is an alias of it too: a class derived from it derives
    from the imported class (django-polymorphic's admin classes)."""
    aliases: dict[str, str] = {}
    stars: list[str] = []
    bound: dict[str, str] = {}  # `name = dotted.name`, resolved once every import is known
    pending = list(body)
    while pending:
        statement = pending.pop()
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                and isinstance(statement.targets[0], ast.Name):
            value = statement.value.value if isinstance(statement.value, ast.Subscript) else statement.value
            if isinstance(value, ast.Attribute):
                bound.setdefault(statement.targets[0].id, _decorator_name(value))
        elif isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.asname:
                    aliases[alias.asname] = alias.name
                else:
                    head = alias.name.split(".")[0]
                    aliases[head] = head
        elif isinstance(statement, ast.ImportFrom):
            base = "." * statement.level + (statement.module or "")
            for alias in statement.names:
                if alias.name == "*":
                    stars.append(base)
                    continue
                separator = "" if base.endswith(".") or not base else "."
                aliases[alias.asname or alias.name] = f"{base}{separator}{alias.name}"
        elif isinstance(statement, (ast.If, ast.Try)):
            pending.extend(statement.body)
            pending.extend(statement.orelse)
            if isinstance(statement, ast.Try):
                for handler in statement.handlers:
                    pending.extend(handler.body)
    for name, dotted in bound.items():
        head, _, rest = dotted.partition(".")
        if name not in aliases and head in aliases and rest:
            aliases[name] = f"{aliases[head]}.{rest}"
    return aliases, sorted(stars)


def _call_name(call: ast.Call) -> str:
    """`pkgutil.walk_packages(...)` -> `walk_packages`; `getattr(...)` -> `getattr`; `factory()(...)` -> `factory`
    (the last part of `_decorator_name(call.func)`, without building the dotted name)."""
    func = call.func
    if type(func) is ast.Call:
        func = func.func
    kind = type(func)
    if kind is ast.Attribute:
        return func.attr  # type: ignore[attr-defined, no-any-return]
    return func.id if kind is ast.Name else ""  # type: ignore[attr-defined, no-any-return]


def _looked_up_name(call: ast.Call) -> str:
    """`getattr(obj, "handle")`, `hasattr(obj, "handle")`: the attribute named by a constant string."""
    if not call.args:  # most calls of a file: nothing to look up, so no callee name to read
        return ""
    called = _call_name(call)
    if called in ("getattr", "hasattr") and len(call.args) >= 2:
        name = call.args[1]
        if isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value.isidentifier():
            return name.value
    elif "attr" in called.lower() and called not in ("setattr", "delattr"):  # `self._get_dynamic_attr("item_title", item)`
        for name in call.args[:2]:
            if isinstance(name, ast.Constant) and isinstance(name.value, str) and name.value.isidentifier():
                return name.value
    return ""


# Flags of a decorator that marks the function it is given with an attribute (`marks:runner_flags`), and of a
# function that lists an object's members and picks those with such an attribute (`lists:runner_flags`).
MARKS = "marks:"
LISTS = "lists:"
# `fn.runner_flags = flags`: a name's attribute set on a line of its own (the name a decorator may mark).
ATTRIBUTE_SET = lazy_pattern(r"^[ \t]*([A-Za-z_]\w*)\.\w+[ \t]*=(?!=)", re.MULTILINE)
# Calls that list an object's members (`inspect.getmembers(self)`, `dir(self)`).
MEMBER_LISTINGS = frozenset({"getmembers", "dir"})


def _flag_markers(body: list[ast.stmt], definitions: list[dict[str, Any]], lines: list[str]) -> None:
    """Flag the module's top-level decorators that mark what they decorate (`_marked_attributes`): asked only of a
    module whose code lists members by an attribute, the one place such a mark is looked for."""
    by_name = {definition["qualname"]: definition for definition in definitions if definition["kind"] == "function"}
    for statement in body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name in by_name:
            by_name[statement.name]["flags"].extend(f"{MARKS}{attribute}"
                                                    for attribute in _marked_attributes(statement, lines))


def _marked_attributes(function: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> list[str]:
    """`def shell_runner(flags, name): def decorator(fn): fn.runner_flags = flags; return fn; return decorator`: the
    attributes a decorator (or the decorator a factory makes) sets on the function it is given before returning it,
    which code listing an object's members looks for (django-extensions' `shell_plus` picks its runners by
    `hasattr(member, "runner_flags")`). The text must set an attribute of a name it returns: most functions don't."""
    text = "\n".join(lines[function.lineno - 1:function.end_lineno or function.lineno])
    if not any(_returns_word(text, name) for name in set(ATTRIBUTE_SET.findall(text))):
        return []
    marked: set[str] = set()
    for node in ast.walk(function):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) or not node.args.args:
            continue
        parameter = node.args.args[0].arg
        own = [n for statement in node.body for n in ast.walk(statement)]
        if any(isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == parameter for n in own):
            marked.update(target.attr for n in own if isinstance(n, ast.Assign) for target in n.targets
                          if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
                          and target.value.id == parameter)
    return sorted(marked)


def _listed_markers(calls: list[ast.Call]) -> list[str]:
    """`[m for _, m in inspect.getmembers(self) if hasattr(m, "runner_flags")]`: the attributes a function that lists
    an object's members (`getmembers`, `dir`) picks them by; a member so marked runs when the lister's object does."""
    names = [_call_name(call) for call in calls]
    if MEMBER_LISTINGS.isdisjoint(names):
        return []
    return sorted({call.args[1].value for call, name in zip(calls, names, strict=True)
                   if name in ("hasattr", "getattr") and len(call.args) >= 2 and isinstance(call.args[1], ast.Constant)
                   and isinstance(call.args[1].value, str)})


def _registers_argument(function: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> bool:
    """`def on_finalize(callback): _callbacks.add(callback); return callback`: a decorator that stores the function it
    is given in a registry and returns it (its first parameter, handed to a store call, then returned).

    The function's text must say `return <parameter>` first: most functions don't, and walking each one's tree
    cost more than a percent of a run."""
    arguments = [*function.args.posonlyargs, *function.args.args]
    if arguments and arguments[0].arg in ("self", "cls"):
        arguments = arguments[1:]
    if not arguments:
        return False
    name = arguments[0].arg
    text = "\n".join(lines[function.lineno - 1:function.end_lineno or function.lineno])
    if not _returns_word(text, name):
        return False
    stored = returned = False
    for node in _content_nodes(function):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Name) and node.value.id == name:
            returned = True
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in REGISTRY_STORES:
            stored = stored or any(isinstance(a, ast.Name) and a.id == name for a in node.args)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Name) and node.value.id == name:
            stored = stored or any(isinstance(t, ast.Subscript) for t in node.targets)  # `_handlers[key] = fn`
    return stored and returned


# `return ` or `return (` and where the returned expression starts (an identifier cannot start with a space or `(`),
# searched at word starts (`word_start_matches`).
RETURN_KEYWORD = re.compile(r"return[\s(]+")
WORD_BOUNDARY = re.compile(r"\b")


def _returns_word(text: str, name: str) -> bool:
    """Whether the text says `return name` or `return (name` (the whole word): the search a pattern built per
    parameter name made, whose compiling cost more than the search."""
    for match in word_start_matches(RETURN_KEYWORD, text):
        start = match.end()
        if text.startswith(name, start) and WORD_BOUNDARY.match(text, start + len(name)):
            return True
    return False


def _subcommand_fact(statement: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> dict[str, list[str]]:
    """`{"commands": ["sync"]}` for a subcommand added to a group: the names it runs by on the command line. The name
    its decorator gives (`@cli.command("sync")`, `name="sync"`), else the ones click and typer derive from the
    function's (`sync_notes` runs as `sync-notes`; click 8.2 drops a `_command`, `_cmd`, `_group` or `_grp` suffix)."""
    names: list[str] = []
    for decorator in statement.decorator_list:
        if not _adds_subcommand(_decorator_name(decorator)):
            continue
        given = (decorator.args[:1] + [k.value for k in decorator.keywords if k.arg == "name"]
                 if isinstance(decorator, ast.Call) else [])
        literal = [g.value for g in given if isinstance(g, ast.Constant) and isinstance(g.value, str)]
        if literal:
            names.extend(literal)
        elif not given:
            dashed = statement.name.lower().replace("_", "-")
            stem = next((dashed.removesuffix(s) for s in COMMAND_SUFFIXES if dashed.endswith(s) and dashed != s[1:]),
                        dashed)
            names.extend((statement.name, dashed, stem))
    return {"commands": sorted(set(names))} if names else {}


def _adds_subcommand(decorator: str) -> bool:
    """`cli.command`, `app.group`: a subcommand added to a command group (not `click.command`, which is named)."""
    head, _, last = decorator.rpartition(".")
    return bool(head) and last in SUBCOMMAND_DECORATORS and head not in COMMAND_LIBRARIES


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> set[str]:
    if isinstance(function, ast.ClassDef):
        return set()
    arguments = function.args
    return {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}


def _text_head(node: ast.expr) -> str | None:
    """The literal text a string expression starts with: `f"visit_{x}"`, `"do_" + x`, `"on_%s" % x`, `"a_{}".format(x)`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        first = node.values[0] if node.values else None
        return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else ""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        head = _text_head(node.left)
        return head.partition("%")[0] if head is not None and isinstance(node.op, ast.Mod) else head
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        head = _text_head(node.func.value)
        return head.partition("{")[0] if head is not None else None
    return None


def _text_tail(node: ast.expr) -> str | None:
    """The literal text a string expression ends with: `f"{kind}_schema"`, `kind + "_handler"`."""
    if isinstance(node, ast.JoinedStr):
        last = node.values[-1] if node.values else None
        return last.value if isinstance(last, ast.Constant) and isinstance(last.value, str) else ""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.right, ast.Constant) \
            and isinstance(node.right.value, str):
        return node.right.value
    return None


def _is_name_suffix(text: str | None) -> bool:
    """`_schema`, `_handler`: a method-name suffix after a separator, long enough to name a family of methods."""
    return bool(text) and len(text or "") >= 4 and (text or "").startswith("_") and bool(NAME_PREFIX.match(text or ""))


def _string_bindings(function: ast.FunctionDef | ast.AsyncFunctionDef) -> dict[str, ast.expr]:
    """The names a function binds to a string it builds (`method_name = f"{key}_schema"`), once each."""
    found: dict[str, ast.expr] = {}
    seen: set[str] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in seen:
                found.pop(name, None)
            elif isinstance(node.value, (ast.JoinedStr, ast.BinOp)) or _is_format_call(node.value):
                found[name] = node.value
            seen.add(name)
    return found


def _is_format_call(node: ast.expr) -> bool:
    """`"_process_{cls}".format(cls=name)`: a string built by `str.format` on a literal."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
        and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)


def _is_name_prefix(text: str | None) -> bool:
    """`visit_`, `do_`, `test`, `_process_`: a method-name prefix (not `_` or `__`, which filter private and dunder
    names out)."""
    bare = (text or "").lstrip("_")
    return len(bare) >= 2 and bare[0].isalpha() and not (text or "").startswith("__") \
        and bool(NAME_PREFIX.match(text or ""))


# `getattr(self, name.lower())`: a call that keeps the literal start of the name it is given (a lower-case prefix).
CASE_CALLS = frozenset({"lower", "casefold"})


def _without_case_call(node: ast.expr) -> ast.expr:
    """`name.lower()` -> `name` (the caller lowers the literal parts it reads)."""
    if isinstance(node, ast.Call) and not node.args and not node.keywords and isinstance(node.func, ast.Attribute) \
            and node.func.attr in CASE_CALLS:
        return node.func.value
    return node


def _dispatch_prefixes(calls: list[ast.Call], function: ast.FunctionDef | ast.AsyncFunctionDef | None = None) -> list[str]:
    """Method-name prefixes the code dispatches on: `getattr(self, f"visit_{kind}")`, or `name.startswith("do_")`
    where the same function looks attributes up by name (`dir(cls)`, `getattr`); and suffixes, as `*_schema`, for
    `method_name = f"{kind}_schema"`, then `getattr(self, method_name)` in `function` (its names bound once to a
    string it builds, `_string_bindings`: read only for such a lookup, as walking every function cost 3 % of a run)."""
    names = [_call_name(call) for call in calls]
    looks_up = any(name in ATTRIBUTE_LOOKUPS for name in names)
    prefixes: set[str] = set()
    bound: dict[str, ast.expr] | None = None
    for call, name in zip(calls, names, strict=True):
        if name in ("getattr", "hasattr") and len(call.args) >= 2:
            argument = _without_case_call(call.args[1])
            lowered = argument is not call.args[1]
            if isinstance(argument, ast.Name) and function is not None:
                if bound is None:
                    bound = _string_bindings(function)
                argument = bound.get(argument.id, argument)
            head, tail = _text_head(argument), _text_tail(argument)
            if lowered:
                head, tail = head and head.lower(), tail and tail.lower()
            if isinstance(argument, ast.Constant):  # one name, not a family
                continue
            if _is_name_prefix(head):
                prefixes.add(head or "")
            elif not head and _is_name_suffix(tail):
                prefixes.add(f"*{tail}")
        elif name == "startswith" and looks_up and call.args:
            argument = call.args[0]
            texts = argument.elts if isinstance(argument, ast.Tuple) else [argument]
            prefixes.update(t.value for t in texts
                            if isinstance(t, ast.Constant) and isinstance(t.value, str) and _is_name_prefix(t.value))
    return sorted(prefixes)


# Expressions that stand for the module's own package (or, for a module, its own name): `sys.modules[__name__]`.
OWN_NAMES = frozenset({"__name__", "__package__", "__path__", "__spec__", "__file__"})


def _names_own_package(node: ast.expr) -> bool:
    """`__name__`, `__path__`, `__package__`, `sys.modules[__name__]`, `os.path.dirname(__file__)`."""
    if isinstance(node, ast.Name):
        return node.id in OWN_NAMES
    if isinstance(node, ast.Subscript):
        return _names_own_package(node.slice) and _decorator_name(node.value).endswith("modules")
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        return _names_own_package(node.args[0])  # `os.path.dirname(__file__)`, `Path(__file__)`
    if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
        return _names_own_package(node.elts[0])
    return False


def _package_target(node: ast.expr, parameters: set[str]) -> str | None:
    """Which package an expression names: `.` its own, `@param` one handed in, `name:X` an imported one."""
    if _names_own_package(node):
        return "."
    if isinstance(node, (ast.List, ast.Tuple)) and node.elts:
        return _package_target(node.elts[0], parameters)
    if isinstance(node, ast.Attribute) and node.attr in OWN_NAMES:  # `plugins.__path__`, `package.__name__`
        node = node.value
    dotted = _decorator_name(node) if isinstance(node, (ast.Name, ast.Attribute)) else ""
    if not dotted:
        return None
    return "@param" if dotted in parameters else f"name:{dotted}"


def _imported_package(argument: ast.expr, parameters: set[str]) -> str | None:
    """`import_module(f"{__name__}.{name}")`, `import_module("myapp.backends." + name)`: the package imported from."""
    pieces: list[ast.expr] = []
    if isinstance(argument, ast.JoinedStr):
        pieces = [v.value if isinstance(v, ast.FormattedValue) else v for v in argument.values]
    else:
        while isinstance(argument, ast.BinOp) and isinstance(argument.op, ast.Add):
            pieces.insert(0, argument.right)
            argument = argument.left
        pieces.insert(0, argument)
    first = pieces[0] if pieces else None
    if isinstance(first, ast.Constant) and isinstance(first.value, str) and len(pieces) > 1:
        text = first.value
        if text == ".":
            return "."
        return f"lit:{text[:-1]}" if text.endswith(".") and DOTTED_STRING.match(text[:-1]) or (
            text.endswith(".") and text[:-1].isidentifier()) else None
    second = pieces[1] if len(pieces) > 2 else None
    if first is not None and isinstance(second, ast.Constant) and second.value == ".":
        return _package_target(first, parameters)
    return None


def _discovers(calls: list[ast.Call], parameters: set[str]) -> list[str]:
    """The packages whose modules the code imports without naming them: `walk:T` (sub-packages too) or `iter:T`."""
    found: set[str] = set()
    for call in calls:
        name = _call_name(call)
        target: str | None = None
        if name in PACKAGE_LISTERS:
            path = call.args[0] if call.args else next((k.value for k in call.keywords if k.arg == "path"), None)
            target = _package_target(path, parameters) if path is not None else None
        elif name in MODULE_IMPORTERS and call.args:
            target = _imported_package(call.args[0], parameters)
        if target is not None:
            found.add(f"{PACKAGE_LISTERS.get(name, 'iter')}:{target}")
    return sorted(found)


def _own_package_calls(calls: list[ast.Call]) -> set[str]:
    """The functions a module hands its own package to (`pack_from_package("vc", sys.modules[__name__])`)."""
    return {_call_name(call) for call in calls
            if any(_names_own_package(a) for a in (*call.args, *(k.value for k in call.keywords)))
            and _call_name(call) not in PACKAGE_LISTERS and _call_name(call) not in MODULE_IMPORTERS}
