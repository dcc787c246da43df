"""VC506: a function or class defined twice in one scope, the second silently replacing the first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import libcst as cst

from vibecheck.cst_fields import child_nodes
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.agent_artefacts._syntax import decorator_names

Definition = cst.FunctionDef | cst.ClassDef
# Decorators that say "several definitions of one name are intended".
ALTERNATIVE_DECORATORS = frozenset({"overload"})
# Decorator packages that only wrap the function: a second definition still loses the first.
WRAPPING_DECORATOR_ROOTS = frozenset({
    "functools", "typing", "typing_extensions", "abc", "contextlib", "dataclasses", "unittest", "mock", "pytest",
    "builtins", "asyncio", "click", "enum", "attr", "attrs",
})


class DuplicateDefinition(Rule):
    """A function or class is defined twice in the same scope, so the first definition is silently lost.

    ## What it does
    Reports a `def` or `class` whose name was already defined by a `def` or `class` earlier in the same
    module, class or function body, with no use of the name in between by code that runs there (a call inside the
    body of a function defined in between finds the later definition when it runs, so it does not count). Intended repeats are not
    reported: `@overload` chains, `@x.setter`/`@x.deleter` and `@f.register`-style decorators that use
    the first definition, definitions under `if`/`else` or `try`/`except ImportError` (alternatives), and
    a first definition whose decorator registers it elsewhere (`@app.route(...)`, `@router.get(...)`, a decorator
    called with a URL path such as FastHTML's `@rt("/login")` over its `def get` and `def post` handlers, or an
    object the same body made earlier: `task = FuncTask(name="x")` then `@task`).

    ## Why is this bad?
    When an agent regenerates a function it often appends the new version instead of replacing the
    old one. Python keeps the last definition without a warning: the fix you reviewed in the first
    copy never runs, and a duplicated test function means only the second test is collected.

    ## Example
    ```python
    def normalize_email(email):
        return email.strip().lower()


    def normalize_email(email):
        return email.strip()
    ```

    ## Use instead
    ```python
    def normalize_email(email):
        return email.strip().lower()


    class User:
        @property
        def email(self):
            return self._email

        @email.setter
        def email(self, value):
            self._email = normalize_email(value)
    ```

    ## References
    - [Pyflakes: redefinition of unused name (F811)](https://docs.astral.sh/ruff/rules/redefined-while-unused/)
    - [CWE-561: Dead Code](https://cwe.mitre.org/data/definitions/561.html)
    """

    code = "VC506"
    name = "duplicate-definition"
    category = Category.AGENT_ARTEFACTS
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (561,)

    def visit_Module(self, node: cst.Module) -> None:
        self._check_block(node.body, "module")

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self._check_block(node.body.body, f"class `{node.name.value}`")

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if isinstance(node.body, cst.IndentedBlock):
            self._check_block(node.body.body, f"function `{node.name.value}`")

    def _check_block(self, statements: Sequence[cst.BaseStatement], scope: str) -> None:
        seen: dict[str, int] = {}
        for index, statement in enumerate(statements):
            if type(statement) is not cst.FunctionDef and type(statement) is not cst.ClassDef:
                continue
            name = statement.name.value
            first_index = seen.get(name)
            seen[name] = index
            if first_index is None or name == "_":
                continue
            first = cast("cst.FunctionDef | cst.ClassDef", statements[first_index])
            if _intended(first, statement, statements[first_index + 1:index]) \
                    or _handed_to_local_object(first, statements[:first_index]):
                continue
            kind = "class" if isinstance(statement, cst.ClassDef) else "function"
            self.report(statement.name, f"The {kind} `{name}` is defined a second time in the {scope}: this definition "
                        "silently replaces the earlier one, which is dead code.",
                        hint=f"Delete the outdated definition of `{name}` (or merge the two), or give one of them another name.")


def _intended(first: Definition, second: Definition, between: Sequence[cst.BaseStatement]) -> bool:
    name = first.name.value
    first_decorators = decorator_names(first)
    second_decorators = decorator_names(second)
    if any(d.rpartition(".")[2] in ALTERNATIVE_DECORATORS for d in first_decorators + second_decorators):
        return True  # `@overload`, `@typing.overload`, `@t.overload`
    if any(d.startswith(name + ".") or d == name for d in second_decorators):
        return True  # @name.setter, @name.register: the first definition is used
    if any("." in d and d.split(".")[0] not in WRAPPING_DECORATOR_ROOTS for d in first_decorators):
        return True  # @app.route(...): registered before it was replaced
    if any(_given_a_path(decorator.decorator) for decorator in first.decorators):
        return True  # FastHTML's `@rt("/login")` over `def get` and `def post`, Litestar's `@get("/x")`
    header: list[cst.CSTNode] = [d.decorator for d in second.decorators]
    if isinstance(second, cst.FunctionDef):
        header.append(second.params)
    else:
        header.extend(arg.value for arg in [*second.bases, *second.keywords])
    return any(_mentions(part, name) for part in [*between, *header])


def _handed_to_local_object(first: Definition, before: Sequence[cst.BaseStatement]) -> bool:
    """`task = FuncTask(name="x"); @task def myfunc(): ...`: a decorator that is an object made earlier in the same
    body (rocketry's tests, a `router = Router()` of a function) is handed the first definition and keeps it."""
    local = {decorator.decorator.value for decorator in first.decorators if type(decorator.decorator) is cst.Name}
    if not local:
        return False
    for statement in reversed(before):
        small = statement.body[0] if type(statement) is cst.SimpleStatementLine and statement.body else None
        if type(small) is cst.Assign and type(small.value) is cst.Call and any(
                type(target.target) is cst.Name and target.target.value in local for target in small.targets):
            return True
    return False


def _given_a_path(decorator: cst.BaseExpression) -> bool:
    """A decorator called with a URL path first (`@rt("/login")`, `@get("/items")`): it registers the function under
    that path, so a later definition of the same name (FastHTML names its handlers `get` and `post`) loses nothing."""
    if type(decorator) is not cst.Call or not decorator.args or decorator.args[0].keyword is not None:
        return False
    path = decorator.args[0].value
    value = path.evaluated_value if type(path) is cst.SimpleString else None
    return isinstance(value, str) and value.startswith("/")


def _mentions(node: cst.CSTNode, name: str) -> bool:
    """Whether `name` is used as a variable in `node` (attribute names and keywords do not count) by code that runs
    where it stands: the body of a function or lambda defined there looks the name up when it is called, and finds
    the later definition then, so only its decorators, defaults and annotations count."""
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, cst.Name):
            if current.value == name:
                return True
        elif isinstance(current, (cst.Attribute, cst.Arg)):
            pending.append(current.value)
        elif isinstance(current, cst.FunctionDef):
            pending.extend([*(d.decorator for d in current.decorators), current.params,
                            *([current.returns] if current.returns is not None else [])])
        elif isinstance(current, cst.Lambda):
            pending.append(current.params)
        else:
            pending.extend(child_nodes(current))
    return False
