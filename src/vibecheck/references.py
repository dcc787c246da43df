"""What a test file refers to, read from Python's `ast` (the project phase's test facts).

The project rules ask which functions, modules and routes the tests reach. A test file's references are:
the names it imports, every identifier and attribute name it uses, dotted references through its imports
(`mock.patch` -> `unittest.mock.patch`), dotted strings (`mock.patch("pkg.mod.f")`), path-like strings
(`client.get("/users")`) and the requests it makes to routes (`client.post(reverse("order-refund"))`).

Read with `ast` (parsed once per file and shared with bandit and the chain screen), not with libcst: a run
that checks only part of a project still indexes every test file of it, and for Django's 1,931 test files a
libcst parse and walk cost 90 s where `ast` costs a few. The walk visits nodes in libcst's order (a class's
body before its bases, a function's body before its decorators), because imports met in a function body
count from there on, as they do for the rules' import table. One difference from a libcst reading remains,
by design: implicitly concatenated strings (`"/api/" "users"`) are read as the one string Python makes of them.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any

from vibecheck.ast_fields import content_fields
from vibecheck.source import ast_children

TEST_REFERENCES = "test_references"  # the fact's key
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "trace"})
# Calls that turn a route's name into its URL: Django's `reverse("order-refund")`, Flask's `url_for("bp.show")`.
URL_BY_NAME = frozenset({"reverse", "reverse_lazy", "url_for", "url_path_for"})
DOTTED_STRING = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$")
# A module run as a script (its `if __name__ == "__main__":` block runs): `[sys.executable, "-m", "pkg.tool"]`,
# `"python -m pkg.tool --check"`, `runpy.run_module("pkg.tool", run_name="__main__")`.
MODULE_FLAG = "-m"
SCRIPT_IN_COMMAND = re.compile(r"(?:^|\s)-m\s+([A-Za-z_][\w.]*)")
RUN_MODULE = "run_module"
# `doctest.testmod(module)`, `doctest.DocTestSuite(module)`: the docstring examples of that module's code run.
DOCTEST_RUNNERS = frozenset({"testmod", "DocTestSuite"})
COMMAND_RUNNER = "call_command"  # Django runs a management command by its module's name
_READ_CALLS = DOCTEST_RUNNERS | URL_BY_NAME | HTTP_METHODS | {RUN_MODULE, COMMAND_RUNNER}  # the calls `_call` reads
MAX_STRING = 300
# A template in a test's string (`env.from_string("{% for x in seq %}{{ loop.revindex }}{% endfor %}")`): rendering it
# calls the methods and properties its expressions and tags name, as a template file of the project does.
TEMPLATE_BLOCK = re.compile(r"\{\{(.*?)\}\}|\{%(.*?)%\}", re.DOTALL)
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
MAX_TEMPLATE_STRING = 20_000
# Decorators that skip a test whatever happens (not `skipif`, not `xfail`, which run it), and the module-level marks
# that skip every test of the file: what a skipped test names reaches nothing, as it never runs.
SKIPPING_DECORATORS = frozenset({"pytest.mark.skip", "unittest.skip"})
MODULE_SKIP_MARK = "pytestmark"
MODULE_SKIP_CALL = "pytest.skip"
# The fields that hold child nodes where libcst's order differs from `ast`'s.
_LIBCST_ORDER: dict[type, tuple[str, ...]] = {
    ast.ClassDef: ("body", "bases", "keywords", "decorator_list"),
    ast.match_case: ("pattern", "body", "guard"),
}


def read_test_references(tree: ast.Module) -> dict[str, Any]:
    """The references of one test file, as JSON-able lists (the `test_references` fact)."""
    return _References(tree).facts()


class _References:
    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.aliases: dict[str, str] = {}
        self.star_modules: set[str] = set()  # `from pkg.core import *`
        self.names: set[str] = set()
        self.dotted: set[str] = set()
        self.strings: set[str] = set()
        self.client_calls: set[tuple[str, str]] = set()  # (METHOD or "*", "/path" or "name:route-name")
        self.attached: set[int] = set()  # strings that are a client call's URL (judged with the call's method)
        self.skipped: set[int] = set()  # the text parts and format specs of f-strings: not strings of their own
        self.loops: dict[str, list[ast.expr]] = {}  # `for mod in (pkg, pkg.encoder):` -> what `mod` stands for
        self.skipped_tests: list[ast.stmt] = []  # test functions and classes that never run (`_skipped_tests`)

    def facts(self) -> dict[str, Any]:
        self._module_imports()
        self.skipped_tests = self._skipped_tests()
        self._walk()
        # relative ones (`..core.area`) are resolved by the reader, which knows the file's module
        unused = self._used_only_when_skipped()
        imports = sorted({v for k, v in self.aliases.items() if v and k not in unused} | self.star_modules)
        return {
            "imports": imports,
            "dotted": sorted(self.dotted),
            "names": sorted(self.names - set(self.aliases)),
            "strings": sorted(self.strings),
            "client_calls": [list(call) for call in sorted(self.client_calls)],
        }

    def _module_imports(self) -> None:
        """The module-level imports (also under `if`, `try` and `with`), known before the walk as in the rules'
        import table: a function above an import uses it too."""
        pending: list[ast.stmt] = list(self.tree.body)
        while pending:
            statement = pending.pop()
            if isinstance(statement, (ast.Import, ast.ImportFrom)):
                self._add_import(statement)
            elif isinstance(statement, ast.If):
                pending.extend(_branches(statement))
            elif isinstance(statement, ast.Try):
                pending.extend(statement.body)
                for handler in statement.handlers:
                    pending.extend(handler.body)
                pending.extend(statement.orelse)
            elif isinstance(statement, (ast.With, ast.AsyncWith)):
                pending.extend(statement.body)

    def _add_import(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname is not None:
                    self.aliases[alias.asname] = alias.name
                else:
                    head = alias.name.split(".")[0]
                    self.aliases[head] = head
            return
        module = "." * node.level + (node.module or "")
        separator = "" if module.endswith(".") or not module else "."
        for alias in node.names:
            if alias.name == "*":  # every public name of the module: the module counts as imported
                self.star_modules.add(module)
                return
            self.aliases[alias.asname or alias.name] = f"{module}{separator}{alias.name}"

    def _skipped_tests(self) -> list[ast.stmt]:
        """The functions and classes (also methods) of the file that an unconditional skip keeps from running: each
        decorated `@pytest.mark.skip` or `@unittest.skip(...)`, or all of them under a module-level `pytestmark` skip
        or an unconditional `pytest.skip(..., allow_module_level=True)`."""
        definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        top: list[ast.stmt] = [s for s in self.tree.body if isinstance(s, definitions)]
        if any(self._skips_module(statement) for statement in self.tree.body):
            return top
        found: list[ast.stmt] = []
        pending: list[ast.stmt] = list(top)
        while pending:
            statement = pending.pop()
            if any(self._full_name(d) in SKIPPING_DECORATORS for d in statement.decorator_list):  # type: ignore[attr-defined]
                found.append(statement)
            elif isinstance(statement, ast.ClassDef):
                pending.extend(s for s in statement.body if isinstance(s, definitions))
        return found

    def _skips_module(self, statement: ast.stmt) -> bool:
        if isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id == MODULE_SKIP_MARK
                                                     for t in statement.targets):
            marks = statement.value.elts if isinstance(statement.value, (ast.List, ast.Tuple)) else [statement.value]
            return any(self._full_name(mark) in SKIPPING_DECORATORS for mark in marks)
        call = statement.value if isinstance(statement, ast.Expr) else None
        return isinstance(call, ast.Call) and self._full_name(call) == MODULE_SKIP_CALL and any(
            k.arg == "allow_module_level" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in call.keywords)

    def _full_name(self, node: ast.expr) -> str:
        """A decorator's or call's dotted name through the file's imports (`mark.skip` is `pytest.mark.skip`)."""
        target = node.func if isinstance(node, ast.Call) else node
        parts: list[str] = []
        while isinstance(target, ast.Attribute):
            parts.append(target.attr)
            target = target.value
        if not isinstance(target, ast.Name):
            return ""
        return ".".join([self.aliases.get(target.id, target.id), *parts[::-1]])

    def _used_only_when_skipped(self) -> set[str]:
        """The imported names that only skipped tests use: importing them tests nothing."""
        if not self.skipped_tests:
            return set()
        used = {n.id for test in self.skipped_tests for n in ast.walk(test) if isinstance(n, ast.Name)}
        return {name for name in self.aliases if name in used and name not in self.names}

    def _walk(self) -> None:
        visit: dict[type, Callable[[Any], None]] = {ast.Import: self._import, ast.ImportFrom: self._import,
                 ast.JoinedStr: self._joined, ast.keyword: self._keyword, ast.ExceptHandler: self._bound,
                 ast.Global: self._declared, ast.Nonlocal: self._declared, ast.MatchAs: self._bound,
                 ast.MatchStar: self._bound, ast.MatchMapping: self._rest, ast.MatchClass: self._class_pattern,
                 ast.List: self._command, ast.Tuple: self._command, ast.For: self._loop}
        names, string, attribute, call = self.names, self._string, self._attribute, self._call
        attached, parts = self.attached, self.skipped
        skipped = {id(test) for test in self.skipped_tests}
        plans: dict[type, tuple[Callable[[Any], None] | None, tuple[str, ...] | None]] = {}  # each class's handler, fields
        # The loop below runs for every node of every test file in the project: its steps are written inline, and the
        # commonest nodes (names, constants, attribute chains and calls: 70 % of Django's) come first, each in one step.
        pending: list[ast.AST | None] = [self.tree]
        while pending:
            node = pending.pop()
            kind = type(node)
            if kind is ast.Name:  # no children
                names.add(node.id)  # type: ignore[union-attr]
            elif kind is ast.Constant:  # no children
                value = node.value  # type: ignore[union-attr]
                if type(value) is str:
                    if id(node) in attached or id(node) in parts:  # read with its call; a part of an f-string
                        continue
                    if value.isidentifier() and len(value) <= MAX_STRING:  # the commonest string: read as a name
                        names.add(value)
                    else:
                        string(value)
                elif value is None or value is True or value is False:
                    names.add(str(value))  # a name in libcst's reading, as the rules see it
            elif kind is ast.Attribute:  # the whole chain at once: `a.b.c` leaves only `a` to walk
                head = attribute(node)  # type: ignore[arg-type]
                if head is not None:
                    pending.append(head)
            elif kind is ast.Call:
                call(node)  # type: ignore[arg-type]
                for keyword in reversed(node.keywords):  # type: ignore[union-attr]
                    if keyword.arg is not None:
                        names.add(keyword.arg)
                    pending.append(keyword.value)
                pending.extend(reversed(node.args))  # type: ignore[union-attr]
                pending.append(node.func)  # type: ignore[union-attr]
            elif node is None or skipped and id(node) in skipped:  # a `**x` in `Dict.keys`; a skipped test
                continue
            else:
                plan = plans.get(kind)
                if plan is None:
                    plan = plans[kind] = (visit.get(kind), _reversed_fields(kind))
                handler, fields = plan
                if handler is not None:
                    handler(node)
                if fields is None:
                    pending.extend(reversed(_unread_children(node)))
                    continue
                for name in fields:  # last field first: the stack then gives the first child first
                    value = getattr(node, name)
                    if type(value) is list:
                        pending.extend(reversed(value))
                    elif value is not None:
                        pending.append(value)

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        self._add_import(node)  # first, as the rules' import table: the import's own dotted names resolve through it
        modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        for module in modules:
            parts = module.split(".")
            for end in range(len(parts), 1, -1):
                self._dotted(parts[0], parts[1:end])

    def _attribute(self, node: ast.Attribute) -> ast.expr | None:
        """Each attribute of the chain `node` ends (`a.b.c`, then `a.b`): a dotted name through the imports, else the
        attribute's name. Returns the chain's head to walk, unless it is a plain name (recorded here)."""
        attributes = [node.attr]
        head = node.value
        while type(head) is ast.Attribute:
            attributes.append(head.attr)  # type: ignore[attr-defined]
            head = head.value  # type: ignore[attr-defined]
        if type(head) is not ast.Name:
            self.names.update(attributes)
            return head
        name = head.id  # type: ignore[attr-defined]
        resolved = self.aliases.get(name)
        if resolved is None:
            self.names.update(attributes)
        else:
            dotted = resolved
            for attribute in reversed(attributes):  # `a.b`, then `a.b.c`
                dotted = f"{dotted}.{attribute}"
                self.dotted.add(dotted)
        self.names.add(name)
        return None

    def _dotted(self, head: str, attributes: list[str]) -> bool:
        """Record `head.a.b` resolved through the imports (`mock.patch` is `unittest.mock.patch`, not any `patch`)."""
        resolved = self.aliases.get(head)
        if resolved is None:
            return False
        self.dotted.add(".".join([resolved, *attributes]))
        return True

    def _keyword(self, node: ast.keyword) -> None:
        if node.arg is not None:
            self.names.add(node.arg)

    def _bound(self, node: ast.ExceptHandler | ast.MatchAs | ast.MatchStar) -> None:
        if node.name is not None:
            self.names.add(node.name)

    def _declared(self, node: ast.Global | ast.Nonlocal) -> None:
        self.names.update(node.names)

    def _rest(self, node: ast.MatchMapping) -> None:
        if node.rest is not None:
            self.names.add(node.rest)

    def _class_pattern(self, node: ast.MatchClass) -> None:
        self.names.update(node.kwd_attrs)

    def _joined(self, node: ast.JoinedStr) -> None:
        for part in node.values:
            if isinstance(part, ast.Constant):
                self.skipped.add(id(part))
            elif isinstance(part, ast.FormattedValue) and isinstance(part.format_spec, ast.JoinedStr):
                self.skipped.add(id(part.format_spec))
                self.skipped.update(id(p) for p in part.format_spec.values if isinstance(p, ast.Constant))
        if id(node) not in self.attached and id(node) not in self.skipped:
            self._string(_literal(node) or "")

    def _call(self, node: ast.Call) -> None:
        """`client.get("/todos/1")`, `self.client.post(reverse("order-refund", ...))`: a request to one route."""
        func = node.func
        callee = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if callee.endswith("_reverse"):  # a project's own wrapper, such as `headless_reverse("headless:login")`
            callee = "reverse"
        if callee not in _READ_CALLS:  # most calls
            return
        first, unnamed = _first_argument(node)
        if callee in DOCTEST_RUNNERS and first is not None and unnamed:
            for value in self.loops.get(first.id, [first]) if isinstance(first, ast.Name) else [first]:
                module = _literal(value) or self._resolved(value)
                if module:
                    self.client_calls.add(("*", f"doctest:{module}"))
            return
        if callee == RUN_MODULE and first is not None and (module := _literal(first)):
            self.client_calls.add(("*", f"script:{module}"))
            return
        if callee == COMMAND_RUNNER and first is not None:
            command = _literal(first)
            if command is not None:
                self.client_calls.add(("*", f"command:{command}"))
            return
        if callee in URL_BY_NAME and first is not None and unnamed and id(node) not in self.attached:
            name = _literal(first)
            if name is not None:
                self.attached.add(id(first))
                self.client_calls.add(("*", f"name:{name}"))
            return
        if callee not in HTTP_METHODS or not isinstance(func, ast.Attribute) or first is None:
            return
        method = callee.upper()
        if isinstance(first, ast.Call) and unnamed:
            inner = first.func
            inner_name = inner.attr if isinstance(inner, ast.Attribute) else inner.id if isinstance(inner, ast.Name) else ""
            inner_first, _ = _first_argument(first)
            name = _literal(inner_first) if inner_first is not None and (
                inner_name in URL_BY_NAME or inner_name.endswith("_reverse")) else None
            if name is not None:
                self.attached.update((id(first), id(inner_first)))
                self.client_calls.add((method, f"name:{name}"))
            return
        path = _url_literal(first)
        if path is not None and "://" in path:
            path = "/" + path.split("://", 1)[1].partition("/")[2]
        if path is not None and unnamed and path.startswith("/"):
            self.attached.add(id(first))
            self.client_calls.add((method, _path_of(path)))

    def _loop(self, node: ast.For) -> None:
        if isinstance(node.target, ast.Name) and isinstance(node.iter, (ast.Tuple, ast.List)):
            self.loops[node.target.id] = list(node.iter.elts)

    def _resolved(self, node: ast.expr) -> str | None:
        """`enc` or `pkg.encoder` through the file's imports: the dotted name it stands for."""
        attributes: list[str] = []
        while isinstance(node, ast.Attribute):
            attributes.append(node.attr)
            node = node.value
        head = self.aliases.get(node.id) if isinstance(node, ast.Name) else None
        return ".".join([head, *attributes[::-1]]) if head else None

    def _command(self, node: ast.List | ast.Tuple) -> None:
        """`[sys.executable, "-m", "pkg.tool", ...]`: a command line that runs a module as a script."""
        texts = [_literal(e) for e in node.elts]
        for flag, module in zip(texts, texts[1:], strict=False):
            if flag == MODULE_FLAG and module and (module.isidentifier() or DOTTED_STRING.match(module)):
                self.client_calls.add(("*", f"script:{module}"))

    def _string(self, value: str) -> None:
        if " -m " in value or value.startswith("-m "):
            self.client_calls.update(("*", f"script:{m}") for m in SCRIPT_IN_COMMAND.findall(value))
        if ("{{" in value or "{%" in value) and len(value) <= MAX_TEMPLATE_STRING:
            self.names.update(template_names_in(value))
        if len(value) > MAX_STRING:
            return
        if DOTTED_STRING.match(value):
            self.dotted.add(value)
        elif value.isidentifier() or value[:1].isalpha() and value.replace("-", "_").isidentifier():
            self.names.add(value)  # `parametrize("method", ["get"])` then `getattr(app, method)`; `invoke(cli, ["sync-all"])`
        elif value.startswith("/"):
            self.strings.add(value)
        elif "://" in value:
            path = value.split("://", 1)[1].partition("/")[2]
            self.strings.add("/" + path)


def template_names_in(text: str) -> set[str]:
    """Every identifier in the `{{ ... }}` expressions and `{% ... %}` tags of a Jinja or Django template's text."""
    names: set[str] = set()
    for match in TEMPLATE_BLOCK.finditer(text):
        names.update(_IDENTIFIER.findall(_QUOTED.sub(" ", match.group(1) or match.group(2) or "")))
    return names


def _reversed_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of `kind` that hold child nodes, last first (the walk's stack then gives the first child first): in
    libcst's order where it differs from `ast`'s, else `vibecheck.ast_fields.content_fields` (without the operator and
    context leaves); None for a signature `ast_fields` cannot read (`_unread_children`)."""
    fields = _LIBCST_ORDER.get(kind) or content_fields(kind)
    return None if fields is None else fields[::-1]


def _unread_children(node: ast.AST) -> list[ast.AST]:
    """The child nodes of a node whose class's signature `ast_fields` cannot read: every field but `ctx`, item by item."""
    return ast_children(node, tuple(name for name in node._fields if name != "ctx"))


def _branches(statement: ast.If) -> list[ast.stmt]:
    """The statements of an `if`, its `elif`s and its `else`, as one list."""
    found = list(statement.body)
    orelse = statement.orelse
    while len(orelse) == 1 and isinstance(orelse[0], ast.If) and orelse[0].col_offset == statement.col_offset:
        found.extend(orelse[0].body)  # an `elif` (an `if` inside an `else:` block sits deeper)
        orelse = orelse[0].orelse
    found.extend(orelse)
    return found


def _first_argument(call: ast.Call) -> tuple[ast.expr | None, bool]:
    """The call's first argument in source order (a `*`/`**` argument's value), and whether it has no `key=`."""
    first = call.args[0] if call.args else None
    keyword = call.keywords[0] if call.keywords else None
    if keyword is not None and (first is None or (keyword.lineno, keyword.col_offset) < (first.lineno, first.col_offset)):
        return keyword.value, keyword.arg is None
    if isinstance(first, ast.Starred):
        return first.value, True
    return first, first is not None


def _literal(node: ast.expr) -> str | None:
    """A string literal's text; an f-string with `{}` for each interpolation."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else None
    if isinstance(node, ast.JoinedStr):
        return "".join(str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values)
    return None


def _url_literal(node: ast.expr) -> str | None:
    """A requested URL as written: a string literal, an f-string, or literals joined by `+` to other values (`{}` for
    each: `"/base64/" + encoded` requests `/base64/{}`); None when no part of it is literal."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _url_literal(node.left), _url_literal(node.right)
        if left is None and right is None:
            return None
        return (left if left is not None else "{}") + (right if right is not None else "{}")
    return _literal(node)


def _path_of(url: str) -> str:
    return url.split("?", 1)[0].split("#", 1)[0].replace("{}", "x")
