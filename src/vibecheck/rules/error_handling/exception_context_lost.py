"""VC105: a new exception raised inside `except` without `from`, so the original reads as an accident."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import NodeFix, Rule, RuleContext
from vibecheck.rules.error_handling.handler_facts import caught_name

Handler = cst.ExceptHandler | cst.ExceptStarHandler
COPIES = frozenset({"tuple", "list"})
# Exceptions that end the program (or a command-line tool's command) without a traceback: chaining shows nothing.
EXITS = frozenset({"SystemExit", "builtins.SystemExit", "typer.Exit", "typer.Abort", "click.exceptions.Exit",
                   "click.exceptions.Abort", "click.Abort", "unittest.SkipTest", "unittest.case.SkipTest"})
# Test outcomes that raise by themselves (`raise pytest.skip("needs redis")` in a handler): the `raise` is never
# reached, so a `from` there would change nothing, and pytest prints the outcome, not a traceback.
RAISING_OUTCOMES = frozenset({"pytest.skip", "pytest.xfail", "pytest.fail", "pytest.exit", "pytest.importorskip"})
OUTCOME_METHODS = frozenset({"skipTest", "fail"})  # `raise self.skipTest(...)` in a `unittest.TestCase`


def passes_error(exc: cst.BaseExpression, name: str | None) -> bool:
    """The caught error or its fields are arguments of the new one: `Error(err)`, `Error(*err.args)`, `Error(msg, cause=err)`.

    Only its text (`str(err)`, `f"...{err}"`) is not enough: the type and traceback of the cause are lost.
    """
    if name is None or not isinstance(exc, cst.Call):
        return False
    return any(_is_error_itself(arg.value, name) for arg in exc.args)


def _is_error_itself(value: cst.BaseExpression, name: str) -> bool:
    """`err`, or its fields (`err.args`, `*err.args`, `tuple(err.args)`, `err.msg, err.doc, err.pos`)."""
    while isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value in COPIES and value.args:
        value = value.args[0].value
    if isinstance(value, cst.Attribute):
        value = value.value
    return isinstance(value, cst.Name) and value.value == name


class ExceptionContextLost(Rule):
    """A new exception raised inside an `except` block without `from err` or `from None`.

    ## What it does
    Reports `raise NewError(...)` (or `raise NewError`) directly inside an `except` block when it has no
    `from` clause and does not carry the caught error along; copying only its text
    (`raise HTTPException(detail=str(err))`, `raise ValueError(f"bad input: {err}")`) is reported too.
    Not reported: re-raising (`raise`, `raise err` of the caught name, `raise err.with_traceback(tb)`);
    wrapping, where the caught error itself is passed to the new one (`raise ConnectionError(err)`,
    `raise InvalidURL(*err.args)`), so it travels with it; raising a variable (which may hold the caught
    error); a `raise` inside a function defined in the handler; an exit (`raise SystemExit(1)`,
    `raise typer.Exit(code=1)`, `raise click.Abort()`), which ends the program without a traceback to chain; a test
    outcome (`raise pytest.skip("needs redis")`, `raise unittest.SkipTest(...)`, `raise self.skipTest(...)`), which
    pytest prints without a traceback, and whose call raises before the `raise` (and any `from`) is reached.

    ## Why is this bad?
    Without `from`, Python prints the original error under "During handling of the above exception,
    another exception occurred": it reads as a second bug in the handler, not as the cause. Code that
    inspects `__cause__` finds nothing, and the reader of the traceback has to guess whether the
    translation was intended. `raise ... from err` states the cause; `raise ... from None` states that the
    original is deliberately hidden.

    Nothing is lost, though: Python 3 keeps the original as `__context__` and prints it. So this is a
    notice (`info`), which never fails the build: on mature libraries (requests, djangorestframework,
    django-allauth) it was the most frequent finding, every one a deliberate translation of a low-level
    error into the library's own.

    ## Example
    ```python
    def load_config(path):
        try:
            return parse(read(path))
        except KeyError as err:
            raise ValueError(f"config {path} lacks a required key")
    ```

    ## Use instead
    ```python
    def load_config(path):
        try:
            return parse(read(path))
        except KeyError as err:
            raise ValueError(f"config {path} lacks the key {err}") from err
    ```

    ## Fix safety
    When the handler binds the error (`except KeyError as err`), the fix adds `from err`. This is safe:
    the same exception is raised; only its `__cause__` is set and the traceback wording changes. Handlers
    that bind no name are not fixed, because the right choice (`from err` or `from None`) is the author's.

    ## References
    - [Python docs: exception chaining](https://docs.python.org/3/tutorial/errors.html#exception-chaining)
    - [PEP 3134: Exception Chaining and Embedded Tracebacks](https://peps.python.org/pep-3134/)
    """

    code = "VC105"
    name = "exception-context-lost"
    category = Category.ERROR_HANDLING
    severity = Severity.INFO
    confidence = Confidence.HIGH
    cwe = (755,)
    fixable = True

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self.handlers: list[Handler | None] = []

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self.handlers.append(node)

    def leave_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self.handlers.pop()

    def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
        self.handlers.append(node)

    def leave_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
        self.handlers.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.handlers.append(None)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.handlers.pop()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.handlers.append(None)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.handlers.pop()

    def visit_Raise(self, node: cst.Raise) -> None:
        handler = self.handlers[-1] if self.handlers else None
        if handler is None or node.exc is None or node.cause is not None or not self._is_new_exception(node.exc):
            return
        name = caught_name(handler)
        if passes_error(node.exc, name):
            return
        fix = None
        if name is not None:
            fixed = node.with_changes(cause=cst.From(item=cst.Name(name)))
            fix = NodeFix(f"Add `from {name}`", ((node, fixed),))
        raised = " ".join(self.context.module.code_for_node(node.exc).split()).replace("( ", "(")
        if len(raised) > 40:
            raised = raised[:37] + "..."
        self.report(
            node,
            f"`raise {raised}` inside an `except` block has no `from`, so the original error reads as an accident.",
            hint=f"Chain it with `from {name or 'err'}`, or use `from None` to hide the original on purpose.",
            fix=fix,
        )

    def _is_new_exception(self, exc: cst.BaseExpression) -> bool:
        """A constructor call or a class name; not a variable that may hold the caught error."""
        if self.qualified_name(exc.func if isinstance(exc, cst.Call) else exc) in EXITS:
            return False
        if isinstance(exc, cst.Call):
            func = exc.func
            if self.qualified_name(func) in RAISING_OUTCOMES:
                return False
            return not (isinstance(func, cst.Attribute) and (
                func.attr.value == "with_traceback"
                or (func.attr.value in OUTCOME_METHODS and isinstance(func.value, cst.Name) and func.value.value == "self")))
        if isinstance(exc, cst.Name):
            return exc.value[:1].isupper()
        if isinstance(exc, cst.Attribute):
            return exc.attr.value[:1].isupper()
        return False
