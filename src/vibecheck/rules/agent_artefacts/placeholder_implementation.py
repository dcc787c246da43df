"""VC501: a function whose body only pretends to exist (`pass`, `...`, `raise NotImplementedError`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.nodes import suite_statements
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.agent_artefacts._syntax import (
    base_names,
    comments_of_function,
    decorator_names,
    without_docstring,
)
from vibecheck.rules.error_handling.handler_facts import is_constant

PLACEHOLDER_COMMENT = re.compile(
    r"\b(?:todo|fixme|xxx|tbd|placeholder|stub(?:bed)?|not\s+(?:yet\s+)?implemented|implement\s+(?:me|this|later|here)"
    r"|mock(?:ed)?|dummy|fake|hard-?coded|for\s+now|in\s+a\s+real|replace\s+with)\b",
    re.IGNORECASE,
)
NOT_YET_MESSAGE = re.compile(r"\b(?:yet|todo|coming\s+soon|later|placeholder|implement\s+me)\b", re.IGNORECASE)
# Decorators that declare a body as intentionally empty: abstract methods, typing overloads, overrides.
INTENTIONAL_DECORATORS = frozenset({
    "overload", "abstractmethod", "abstractproperty", "abstractclassmethod", "abstractstaticmethod", "override",
})
# Base classes whose methods are interfaces or hooks, not implementations.
INTERFACE_BASES = frozenset({"Protocol", "ABC", "ABCMeta", "Interface", "NamedTuple", "TypedDict"})
EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning", "Exit", "Interrupt")
HOOK_CLASS_WORDS = re.compile(
    r"(?:Base(?=[A-Z_]|$)|^Abstract|Mixin$|Interface$|Protocol$|Hooks?|Handler|Visitor|Listener|Callbacks?|Observer"
    r"|^_?(?:Null|Noop|NoOp|Nop|Dummy|Fake|Mock|Stub)(?=[A-Z_]|$))")
NO_OP_NAMES = re.compile(r"(?:^|_)(?:noop|no_op|nop|do_nothing|nothing|null|dummy|ignore|ignored|unused)(?:_|$)", re.IGNORECASE)
# Methods named as callbacks that a framework calls, empty until a subclass has something to do.
HOOK_METHOD_NAMES = re.compile(
    r"^(?:visit_|leave_|on_|handle_|before_|after_|pre_|post_|setUp|tearDown|startTest|stopTest)|hook$"
    r"|^a?(?:close|flush|start|stop|startup|shutdown|suspend|resume|done|started|reset|cleanup|register|unregister"
    r"|initialize_options|finalize_options)$", re.IGNORECASE)
# Decorators of specifications (`@hookspec`) whose bodies are empty on purpose.
SPEC_DECORATOR = re.compile(r"spec|hook|interface", re.IGNORECASE)
# A module-level `raise NotImplementedError(...)` whose message says it is unfinished, not unsupported by design.
UNFINISHED_MESSAGE = re.compile(r"\b(?:implement|yet|todo|soon|later|placeholder|wip)", re.IGNORECASE)
TEST_DOUBLE_FILE = re.compile(r"mock|fake|dummy|stub", re.IGNORECASE)
NOT_IMPLEMENTED = frozenset({"NotImplementedError", "builtins.NotImplementedError", "NotImplemented"})


@dataclass(frozen=True)
class Options:
    """Options of `placeholder-implementation`."""

    allow_overridable_methods: bool = True


class _ClassInfo:
    __slots__ = ("is_interface",)

    def __init__(self, is_interface: bool) -> None:
        self.is_interface = is_interface


class PlaceholderImplementation(Rule):
    """A function whose body only pretends: `pass`, `...`, `raise NotImplementedError`, or a stub return.

    ## What it does
    Reports a function or method whose body, after its docstring, is only `pass`, `...` or
    `raise NotImplementedError`, and one that only returns a constant (`return {"status": "success"}`)
    or has only a docstring, under a `TODO`/placeholder comment. Abstract methods, `@overload`s, `Protocol` and ABC classes,
    exception classes, null objects (`NullCache`), `.pyi` stubs and modules named as test doubles
    (`mock.py`, `fakes.py`), dunder methods, hook and lifecycle
    methods (`on_*`, `visit_*`, `close`, `flush`, ...), no-op callbacks named as such (`noop`),
    `raise NotImplementedError("...")` whose message explains an unsupported case, and functions
    defined as alternatives under `if`/`try` are not reported. Methods meant to be overridden
    (a documented `pass` hook, `raise NotImplementedError` in a base class) are not reported unless a
    placeholder comment or a "not implemented yet" message says they are unfinished. In test files only
    functions with a placeholder comment are reported: test doubles are empty on purpose.

    ## Why is this bad?
    Coding agents scaffold the function they were asked for and leave the body for later. The program
    imports, type-checks and even runs: every caller gets `None` or a fixed "success" value, and the
    missing feature (a payment, a permission check, an e-mail) silently never happens.

    ## Example
    ```python
    def charge_customer(customer_id, amount):
        \"\"\"Charge the customer's card.\"\"\"
        pass


    def verify_token(token):
        # TODO: implement real verification
        return True
    ```

    ## Use instead
    ```python
    import abc


    def charge_customer(customer_id, amount):
        \"\"\"Charge the customer's card.\"\"\"
        return payments.charge(customer_id, amount)


    class Storage(abc.ABC):
        @abc.abstractmethod
        def save(self, record):
            \"\"\"Persist one record.\"\"\"
    ```

    ## Options
    - `allow-overridable-methods` (default `true`): treat a method whose body only raises
      `NotImplementedError`, and a documented `pass` method, as a hook meant to be overridden. Set it to
      `false` to report them too.

    ## References
    - [abc.abstractmethod](https://docs.python.org/3/library/abc.html#abc.abstractmethod)
    - [typing.Protocol](https://docs.python.org/3/library/typing.html#typing.Protocol)
    """

    code = "VC501"
    name = "placeholder-implementation"
    category = Category.AGENT_ARTEFACTS
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (1164,)
    Options = Options

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._classes: list[_ClassInfo | None] = []  # None marks a function scope
        self._direct: set[int] = set()
        self._skip_file = context.path.endswith(".pyi") or bool(TEST_DOUBLE_FILE.search(PurePath(context.path).stem))

    def visit_Module(self, node: cst.Module) -> None:
        self._mark_direct(node.body)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        bases = [name.rpartition(".")[2] for name in base_names(node)]
        is_interface = (
            any(base in INTERFACE_BASES or base.endswith(EXCEPTION_SUFFIXES) for base in bases)
            or node.name.value.endswith(EXCEPTION_SUFFIXES)
            or bool(HOOK_CLASS_WORDS.search(node.name.value))
            or (self.options.allow_overridable_methods and _has_abstract_method(node))
        )
        self._classes.append(_ClassInfo(is_interface))
        if isinstance(node.body, cst.IndentedBlock):
            self._mark_direct(node.body.body)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        enclosing = self._classes[-1] if self._classes else None
        nested = bool(self._classes) and enclosing is None
        in_class = enclosing is not None
        self._classes.append(None)
        if isinstance(node.body, cst.IndentedBlock):
            self._mark_direct(node.body.body)
        if self._skip_file:
            return
        all_statements = suite_statements(node.body)
        statements = without_docstring(all_statements)
        kind = _placeholder_kind(statements) if statements else ("docstring" if all_statements else None)
        if kind is None:
            return
        name = node.name.value
        if any(d.rpartition(".")[2] in INTENTIONAL_DECORATORS or SPEC_DECORATOR.search(d) for d in decorator_names(node)):
            return
        comment = next((c for c in comments_of_function(node) if PLACEHOLDER_COMMENT.search(c)), None)
        if kind in ("return", "docstring") and comment is None:
            return
        if comment is None and self._is_intentional(node, kind, statements, in_class, nested, enclosing):
            return
        self.report(node.name, _message(name, kind, statements, comment, self.context.module),
                    hint=f"Implement `{name}` or delete it until it is needed; mark a method that subclasses must "
                    "provide with `@abc.abstractmethod`.")

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._classes.pop()

    def _mark_direct(self, statements: object) -> None:
        for statement in statements:  # type: ignore[attr-defined]
            if isinstance(statement, cst.FunctionDef):
                self._direct.add(id(statement))

    def _is_intentional(self, node: cst.FunctionDef, kind: str, statements: list[cst.CSTNode], in_class: bool,
                        nested: bool, enclosing: _ClassInfo | None) -> bool:
        name = node.name.value
        if self.context.is_test_file or nested or id(node) not in self._direct:
            return True
        if kind == "raise" and isinstance(statements[0], cst.Raise) and statements[0].cause is not None:
            return True  # `raise NotImplementedError(...) from error`: a deliberate fallback
        if (name.startswith("__") and name.endswith("__")) or NO_OP_NAMES.search(name):
            return True
        if not in_class:
            return kind == "raise" and _raise_message(statements[0]) is not None and not _says_unfinished(statements[0])
        if HOOK_METHOD_NAMES.search(name) and self.options.allow_overridable_methods:
            return True
        if enclosing is not None and enclosing.is_interface:
            return True
        if not self.options.allow_overridable_methods:
            return False
        if kind == "raise":
            return not _says_not_yet(statements[0])
        return node.get_docstring() is not None


def _placeholder_kind(statements: list[cst.CSTNode]) -> str | None:
    """`pass`, `ellipsis`, `raise` or `return` when the body is only that (code after a raise is dead), else None."""
    if not statements:
        return None
    statement = statements[0]
    if len(statements) > 1 and not isinstance(statement, cst.Raise):
        return None
    if isinstance(statement, cst.Pass):
        return "pass"
    if isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Ellipsis):
        return "ellipsis"
    if isinstance(statement, cst.Raise) and statement.exc is not None:
        raised = statement.exc.func if isinstance(statement.exc, cst.Call) else statement.exc
        if (get_full_name_for_node(raised) or "") in NOT_IMPLEMENTED:
            return "raise"
    if isinstance(statement, cst.Return) and statement.value is not None and is_constant(statement.value):
        return "return"
    return None


def _has_abstract_method(node: cst.ClassDef) -> bool:
    """A class with a method that only raises `NotImplementedError` is a base class in all but name."""
    if not isinstance(node.body, cst.IndentedBlock):
        return False
    for statement in node.body.body:
        if isinstance(statement, cst.FunctionDef):
            statements = without_docstring(suite_statements(statement.body))
            if _placeholder_kind(statements) == "raise" and not _says_not_yet(statements[0]):
                return True
    return False


def _raise_message(statement: cst.CSTNode) -> str | None:
    """The literal message of `raise NotImplementedError("...")`, if it has one."""
    exc = statement.exc if isinstance(statement, cst.Raise) else None
    if not isinstance(exc, cst.Call) or not exc.args:
        return None
    value = exc.args[0].value
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return cst.Module([]).code_for_node(value)
    return None


def _says_not_yet(statement: cst.CSTNode) -> bool:
    return bool(NOT_YET_MESSAGE.search(_raise_message(statement) or ""))


def _says_unfinished(statement: cst.CSTNode) -> bool:
    return bool(UNFINISHED_MESSAGE.search(_raise_message(statement) or ""))


def _message(name: str, kind: str, statements: list[cst.CSTNode], comment: str | None, module: cst.Module) -> str:
    if kind == "return":
        value = module.code_for_node(statements[0].value)  # type: ignore[attr-defined]
        if len(value) > 40:
            value = value[:37] + "..."
        return f"`{name}` is a placeholder: it only returns the constant `{value}` under the comment `{comment}`."
    if kind == "raise":
        return f"`{name}` is not implemented: its body only raises `NotImplementedError`, so every call fails at run time."
    if kind == "docstring":
        return f"`{name}` does nothing: its body is only a docstring, so every caller silently gets `None`."
    body = "pass" if kind == "pass" else "..."
    return f"`{name}` does nothing: its body is only `{body}`, so every caller silently gets `None`."
