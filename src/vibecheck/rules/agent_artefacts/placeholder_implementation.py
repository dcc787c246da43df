"""VC501: a function whose body only pretends to exist (`pass`, `...`, `raise NotImplementedError`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePath

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.migrations import is_alembic_revision, is_django_migration
from vibecheck.analysis.nodes import suite_statements
from vibecheck.cst_fields import walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.agent_artefacts._syntax import (
    base_names,
    comments_of_function,
    decorator_names,
    without_docstring,
)
from vibecheck.rules.error_handling.handler_facts import is_constant

PLACEHOLDER_COMMENT = lazy_pattern(
    r"\b(?:todo|fixme|xxx|tbd|placeholder|stub(?:bed)?|not\s+(?:yet\s+)?implemented|implement\s+(?:me|this|later|here)"
    r"|for\s+now|in\s+a\s+real|replace\s+(?:this\s+)?with\s+(?:an?\s+|the\s+)?(?:real|actual|proper)"
    r"|(?:logic|code|implementation)\s+goes\s+here|(?:logic|code)\s+here)\b",
    re.IGNORECASE,
)
# A linter's waiver in a comment, and whatever follows it there: a note after a noqa or type-ignore waiver
# (great-expectations' `FIXME CoP`) is about the waived check, not about the function's body.
WAIVER_AND_NOTE = lazy_pattern(r"(?:\bnoqa\b|\btype:\s*ignore\b|\bpylint:\s*disable\b|\bpyright:\s*ignore\b|\bnosec\b).*$",
                               re.IGNORECASE)
# Words that call a body fake: a placeholder's admission in a function the program calls, but the plain description
# of a deliberate double in a fallback (`except ImportError:` -> `def lock(f): return False  # dummy`) or a helper.
FAKE_COMMENT = lazy_pattern(r"\b(?:mock(?:ed)?|dummy|fake|hard-?coded)\b", re.IGNORECASE)
# A comment that says why the body is empty ("PostgreSQL does not provide a way...", "unused", "done in X"): the
# author chose to do nothing there, which a placeholder never explains.
EXPLAINED_COMMENT = lazy_pattern(
    r"\b(?:no|not|nothing|never|unused|unneeded|already|handled|intentional(?:ly)?|deliberately|on\s+purpose"
    r"|done\s+(?:in|by|elsewhere)|cannot|can't|don't|doesn't|isn't|aren't|too\s+complicated)\b|pragma:\s*no\s*cover",
    re.IGNORECASE,
)
# A docstring that says the body does nothing on purpose ("This is a no-op. The migration removes duplicates, we cannot
# recreate them."): narrower than a comment's reasons, since a docstring usually describes what the body should do.
NO_OP_DOCSTRING = lazy_pattern(r"\b(?:no-?op|does\s+nothing|nothing\s+to\s+(?:do|undo)|intentionally|deliberately"
                               r"|on\s+purpose)\b", re.IGNORECASE)
# An Alembic revision (a module that binds `down_revision`): an empty `upgrade()`/`downgrade()` is a step that has
# nothing to do (an irreversible change, a data fix with no undo), which the migration chain still calls.
MIGRATION_STEPS = frozenset({"upgrade", "downgrade"})
NOT_YET_MESSAGE = lazy_pattern(r"\b(?:yet|todo|coming\s+soon|later|placeholder|implement\s+me)\b", re.IGNORECASE)
# Decorators that declare a body as intentionally empty: abstract methods, typing overloads, overrides, and the base
# of a `functools.singledispatch` function, which answers the types no `.register` implementation handles.
INTENTIONAL_DECORATORS = frozenset({
    "overload", "abstractmethod", "abstractproperty", "abstractclassmethod", "abstractstaticmethod", "override",
    "singledispatch", "singledispatchmethod",
})
# Base classes whose methods are interfaces or hooks, not implementations.
INTERFACE_BASES = frozenset({"Protocol", "ABC", "ABCMeta", "Interface", "NamedTuple", "TypedDict"})
# Class decorators that declare the class an implementation of an interface (`@implementer(IBodyProducer)`): a method
# with nothing to do there (`pauseProducing` of a producer that never pauses) is a complete implementation.
IMPLEMENTS_DECORATORS = frozenset({"implementer", "implements"})
EXCEPTION_SUFFIXES = ("Error", "Exception", "Warning", "Exit", "Interrupt")
HOOK_CLASS_WORDS = lazy_pattern(
    r"(?:Base(?=[A-Z_]|$)|^Abstract|Mixin$|Interface$|Protocol$|Hooks?|Handler|Visitor|Listener|Callbacks?|Observer"
    r"|^_?(?:Null|Noop|NoOp|Nop|Dummy|Fake|Mock|Stub)(?=[A-Z_]|$))")
NO_OP_NAMES = lazy_pattern(r"(?:^|_)(?:noop|no_op|nop|do_nothing|nothing|null|blank|dummy|ignore|ignored|unused|stub"
                           r"|sentinel|empty_(?:handler|callback|hook|func|function|fn|listener|action)"
                           # the callback used when the caller gives none (`logging_callback or _default_logging_callback`)
                           r"|default_(?:[a-z]+_)?(?:handler|callback|hook|listener))"
                           r"(?:_|$)", re.IGNORECASE)
# Methods named as callbacks that a framework calls, empty until a subclass has something to do.
HOOK_METHOD_NAMES = lazy_pattern(
    r"^(?:visit_|leave_|on_|handle_|before_|after_|pre_|post_|setUp|tearDown|startTest|stopTest)|hook$"
    r"|^a?(?:close|flush|start|stop|startup|shutdown|suspend|resume|done|started|reset|cleanup|register|unregister"
    r"|initialize_options|finalize_options|ready)$", re.IGNORECASE)
# Methods of standard protocols that return `None` by contract, where doing nothing is a complete implementation: an
# import loader whose `create_module` built the module (`exec_module`), a finder with no cache, a request handler that
# keeps quiet (`log_message`), a socket server or asyncio protocol with nothing to do at one step, a handler without a
# lock (`createLock`).
PROTOCOL_METHODS = frozenset({
    "exec_module", "invalidate_caches",
    "log_message", "log_request", "log_error", "setup", "finish", "server_activate", "service_actions",
    "connection_made", "connection_lost", "data_received", "eof_received", "datagram_received", "error_received",
    "pause_writing", "resume_writing", "pause_reading", "resume_reading",
    "createLock", "acquire", "release",
})
# A view's request handlers: an empty one answers `None` (an error in every framework), never a deliberate opt-out.
REQUEST_HANDLERS = frozenset({"get", "post", "put", "patch", "delete"})
# Decorators of specifications (`@hookspec`) whose bodies are empty on purpose, and of command groups
# (`@click.group()`, `@cli.group()`, Typer's `@app.callback()`): the group dispatches to its subcommands, so its own
# function has nothing to do.
SPEC_DECORATOR = lazy_pattern(r"spec|hook|interface|(?:^|\.)(?:group|callback)$", re.IGNORECASE)
# A module-level `raise NotImplementedError(...)` whose message says it is unfinished, not unsupported by design.
UNFINISHED_MESSAGE = lazy_pattern(r"\b(?:implement|yet|todo|soon|later|placeholder|wip)", re.IGNORECASE)
TEST_DOUBLE_FILE = lazy_pattern(r"mock|fake|dummy|stub", re.IGNORECASE)
NOT_IMPLEMENTED = frozenset({"NotImplementedError", "builtins.NotImplementedError", "NotImplemented"})


@dataclass(frozen=True)
class Options:
    """Options of `placeholder-implementation`."""

    allow_overridable_methods: bool = True


class _ClassInfo:
    """What a method's class says about an empty body: an interface, the methods its bases may define, a skeleton."""

    __slots__ = ("_skeleton", "_values", "bases", "is_interface", "is_protocol", "node")

    def __init__(self, node: cst.ClassDef, is_interface: bool) -> None:
        self.node = node
        self.is_interface = is_interface
        self.bases = _inherited_names(node)
        self.is_protocol = any(name.rpartition(".")[2] == "Protocol" for name in base_names(node))
        self._skeleton: bool | None = None
        self._values: frozenset[str] | None = None

    @property
    def name(self) -> str:
        return self.node.name.value

    @property
    def skeleton(self) -> bool:
        """Read only for a class with an empty method (most classes have none)."""
        if self._skeleton is None:
            self._skeleton = _is_skeleton(self.node)
        return self._skeleton

    @property
    def values(self) -> frozenset[str]:
        """Names the class body hands on as values (`default = staticmethod(when_ready)`); read only when needed."""
        if self._values is None:
            self._values = _names_used_as_values(self.node)
        return self._values


class PlaceholderImplementation(Rule):
    """A function whose body only pretends: `pass`, `...`, `raise NotImplementedError`, or a stub return.

    ## What it does
    Reports a function or method whose body, after its docstring, is only `pass`, `...` or
    `raise NotImplementedError`, and one that only returns a constant (`return {"status": "success"}`)
    or has only a docstring, under a `TODO`/placeholder comment (in the body, on the `def` line or just above it;
    a comment a blank line above the `def` is about the code around; a note after a linter's waiver, `# noqa: E501 #
    FIXME CoP` or `# type: ignore[...] # FIXME`, is about the waived check). Abstract methods, `@overload`s, the base of a
    `@functools.singledispatch` function (it raises for the types no implementation is registered for), `Protocol` and
    ABC classes,
    exception classes, classes declared to implement an interface (`@implementer(IBodyProducer)`, or an instance
    assigned to the interface's type under `if TYPE_CHECKING:`: `_check: BaseHTTPConnection = BrowserConnection()`), null
    objects (`NullCache`), `.pyi` stubs and modules named as test doubles
    (`mock.py`, `fakes.py`), dunder methods, hook and lifecycle
    methods (`on_*`, `visit_*`, `close`, `flush`, a Django `AppConfig`'s `ready`, ...), the methods of
    standard protocols that return
    `None` by contract (an import loader's `exec_module`, a request handler's `log_message`, an asyncio
    protocol's `connection_lost`: an empty one is complete), a function that its class body hands on as a
    default callable (`def when_ready(server): pass`, `default = staticmethod(when_ready)`), a function with a `...`
    body that the module hands to a call and never calls (`status_message = SyncSignal(_status_message)`: the
    signature of a signal's handlers), a function the module gives a parameter as its default (`def parse(url,
    postprocess=default_postprocess)`: the callable used when the caller brings none), a method that the module
    replaces on an object with another function (`def log_receive(self, data): pass` and, when debugging is asked
    for, `ws.log_receive = ws.debug_log_receive`: a switchable default), the getter of a write-only property
    (`@property def to(self): pass` in a class that defines `@to.setter`: the attribute is there to be assigned), no-op
    callbacks named as such (`noop`, `_blank`, `_empty_handler`, a `_default_logging_callback` used when the caller
    gives none), the methods of `Protocol` classes (also under a note: it is about the API), command groups
    (`@click.group()`, Typer's `@app.callback()`: their subcommands do the work), `raise NotImplementedError("...")`
    whose message explains an unsupported case, functions defined as alternatives under `if`/`try` (also the methods
    of a class defined there, such as the `Protocol`s under `if TYPE_CHECKING:`), declarations under
    `if TYPE_CHECKING:` (a `__getattr__` stub inside a model's class body, which the type checker reads and Python
    never runs), and empty bodies whose comment says why they are empty ("PostgreSQL cannot undo this", "unused",
    `# pragma: no cover`), or whose docstring says they do nothing on purpose ("This is a no-op."), and the empty
    `upgrade()`/`downgrade()` of an Alembic revision (a module binding `down_revision`), and the module-level functions
    of a Django migration (`def key_validator(): pass  # Fake function, enough for migrations`: a stand-in for a
    function that older migrations name, or a `RunPython` step with nothing to do) are not reported.
    Methods meant to be overridden (a documented `pass` hook, a hook that a subclass in the same file fills in,
    `raise NotImplementedError` in a base class) and a subclass's empty override of one step of its base
    (`def database_backwards(self, ...): pass` beside real methods, where the base is imported or
    defines that method; not a view's `get`/`post`/... handler) are not reported unless a placeholder
    comment or a "not implemented yet" message says they are unfinished. A subclass whose every method
    is empty is a scaffold and is reported, and so is a method that raises `NotImplementedError` while
    this file calls it on an instance (`service = OrderService(); service.cancel(...)`). "Mock", "dummy"
    or "fake" in a comment counts as a placeholder's admission only for a function the module defines
    directly, not for a fallback or a helper named as a no-op, nor in a test file. In test files only functions with
    a placeholder comment are reported: test doubles and fixtures ("Mock user data") are empty or canned on purpose.

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
        self._module_classes: dict[str, cst.ClassDef] = {}
        self._overridden: dict[str, set[str]] = {}  # class name -> methods its subclasses in this file define
        self._typing_only: set[int] = set()  # ids of functions defined under `if TYPE_CHECKING:`
        self._conforming: set[str] = set()  # classes the module has the type checker hold to an interface
        self._prototype_names: frozenset[str] | None = None  # read only for a module with an empty function
        self._default_names: frozenset[str] | None = None  # likewise

    def visit_Module(self, node: cst.Module) -> None:
        self._mark_direct(node.body)
        for statement in node.body:
            if type(statement) is cst.If and _is_type_checking(statement):
                self._conforming.update(_checked_conformance(statement))
            if type(statement) is cst.ClassDef:
                self._module_classes[statement.name.value] = statement
                for base in _inherited_names(statement):
                    self._overridden.setdefault(base, set()).update(_method_names(statement))

    def _prototypes(self) -> frozenset[str]:
        """Names the module hands to a call (`status_message = signals.SyncSignal(_status_message)`): a function with
        a `...` body handed on so, and never called here, is a signature the call reads (a signal's or a registry's
        spec), never run."""
        if self._prototype_names is None:
            self._prototype_names = frozenset(_names_handed_to_calls(self.context.module.body))
        return self._prototype_names

    def _is_parameter_default(self, name: str) -> bool:
        """`def parse(url, postprocess=default_postprocess)`: a function the module gives a parameter as its default
        is the callable used when the caller brings none, and an empty one does nothing on purpose."""
        if self._default_names is None:
            self._default_names = frozenset(_parameter_defaults(self.context.module.body))
        return name in self._default_names

    def _is_prototype(self, name: str) -> bool:
        return name in self._prototypes() and \
            re.search(rf"(?<!def )\b{re.escape(name)}\s*\(", self.context.source) is None

    def visit_If(self, node: cst.If) -> None:
        """Definitions under `if TYPE_CHECKING:` are declarations for the type checker, never run (a `__getattr__`
        stub that says a model accepts any attribute): their bodies are not placeholders, whatever their comments
        say."""
        if not _is_type_checking(node):
            return
        for statement in node.body.body if isinstance(node.body, cst.IndentedBlock) else ():
            methods = _methods(statement) if type(statement) is cst.ClassDef else [statement]
            self._typing_only.update(id(method) for method in methods if type(method) is cst.FunctionDef)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        bases = [name.rpartition(".")[2] for name in base_names(node)]
        is_interface = (
            any(base in INTERFACE_BASES or base.endswith(EXCEPTION_SUFFIXES) for base in bases)
            or any(d.rpartition(".")[2] in IMPLEMENTS_DECORATORS for d in decorator_names(node))
            or node.name.value.endswith(EXCEPTION_SUFFIXES)
            or bool(HOOK_CLASS_WORDS.search(node.name.value))
            or (self.options.allow_overridable_methods and _has_abstract_method(node, self._called_from_outside))
            or node.name.value in self._conforming
        )
        self._classes.append(_ClassInfo(node, is_interface))
        if isinstance(node.body, cst.IndentedBlock) and id(node) in self._direct:
            self._mark_direct(node.body.body)  # a class under `if TYPE_CHECKING:` or `try` declares, like its functions

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        enclosing = self._classes[-1] if self._classes else None
        nested = bool(self._classes) and enclosing is None
        in_class = enclosing is not None
        self._classes.append(None)
        if isinstance(node.body, cst.IndentedBlock):
            self._mark_direct(node.body.body)
        if self._skip_file or id(node) in self._typing_only or (enclosing is not None and enclosing.is_protocol):
            return  # a `Protocol`'s method declares a signature: a note in its body is about the API, not a body to write
        all_statements = suite_statements(node.body)
        statements = without_docstring(all_statements)
        kind = _placeholder_kind(statements) if statements else ("docstring" if all_statements else None)
        if kind is None:
            return
        name = node.name.value
        if any(d.rpartition(".")[2] in INTENTIONAL_DECORATORS or SPEC_DECORATOR.search(d) for d in decorator_names(node)):
            return
        comments = list(comments_of_function(node))
        comment = next((c for c in comments if PLACEHOLDER_COMMENT.search(WAIVER_AND_NOTE.sub("", c))), None)
        if comment is None and id(node) in self._direct and not NO_OP_NAMES.search(name) and not self.context.is_test_file \
                and not (not in_class and is_django_migration(self.context.source)):
            comment = next((c for c in comments if FAKE_COMMENT.search(c)), None)  # (a test's double is fake by design)
        if kind in ("return", "docstring") and comment is None:
            return
        if comment is None and (any(EXPLAINED_COMMENT.search(c) for c in comments_of_function(node, above=False))
                                or NO_OP_DOCSTRING.search(node.get_docstring() or "")
                                or self._is_intentional(node, kind, statements, in_class, nested, enclosing)):
            return
        self.report(node.name, _message(name, kind, statements, comment, self.context.module),
                    hint=f"Implement `{name}` or delete it until it is needed; mark a method that subclasses must "
                    "provide with `@abc.abstractmethod`.")

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._classes.pop()

    def _mark_direct(self, statements: object) -> None:
        for statement in statements:  # type: ignore[attr-defined]
            if type(statement) is cst.FunctionDef or type(statement) is cst.ClassDef:
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
            if name in MIGRATION_STEPS and is_alembic_revision(self.context.source):
                return True
            if is_django_migration(self.context.source):
                return True  # `def key_validator(): pass  # Fake function, enough for migrations`: a stand-in
            if kind == "ellipsis" and self._is_prototype(name):
                return True  # `def _status_message(message: str) -> None: ...` / `SyncSignal(_status_message)`
            if kind != "raise" and self._is_parameter_default(name):
                return True  # `def default_postprocess(config): pass` / `def parse(url, postprocess=default_postprocess)`
            return kind == "raise" and _raise_message(statements[0]) is not None and not _says_unfinished(statements[0])
        if HOOK_METHOD_NAMES.search(name) and self.options.allow_overridable_methods:
            return True
        if name in PROTOCOL_METHODS and kind != "raise":
            return True  # a loader, handler or protocol with nothing to do at that step
        if self._replaced_at_runtime(name):
            return True  # `def log_receive(self, data): pass` / `ws.log_receive = ws.debug_log_receive`: a switchable default
        if enclosing is None:
            return False
        if kind != "raise" and _write_only_property(node, enclosing.node):
            return True  # `@property def to(self): pass` beside `@to.setter`: the attribute is only ever assigned
        if enclosing.is_interface or name in self._overridden.get(enclosing.name, ()):
            return True  # an interface, or a hook that a subclass in this file fills in
        if name in enclosing.values:
            return True  # `def when_ready(server): pass` / `default = staticmethod(when_ready)`: a no-op default
        if not self.options.allow_overridable_methods:
            return False
        if kind == "raise":
            return not _says_not_yet(statements[0]) and not self._called_from_outside(enclosing.name, name)
        if not enclosing.skeleton and name not in REQUEST_HANDLERS and self._may_override(enclosing.bases, name):
            return True  # a subclass opting out of one step of its base (`def database_backwards(...): pass`)
        return node.get_docstring() is not None

    def _replaced_at_runtime(self, name: str) -> bool:
        """The module assigns another function over the method on an object (`ws.log_receive = ws.debug_log_receive`):
        the empty body is the default that a setting switches for a real one, not a body left to write."""
        source = self.context.source
        return f".{name}" in source and re.search(rf"\w\.{re.escape(name)}\s*=[^=]", source) is not None

    def _may_override(self, bases: list[str], name: str, depth: int = 0) -> bool:
        """Whether a base may define `name`: one defined in this file is read (and its bases, a few levels up);
        an imported one cannot be, so it is taken to define it."""
        for base in bases:
            defined_here = self._module_classes.get(base)
            if defined_here is None or depth > 3:
                return True
            if name in _method_names(defined_here) or self._may_override(_inherited_names(defined_here), name, depth + 1):
                return True
        return False

    def _called_from_outside(self, class_name: str, name: str) -> bool:
        """`service = PaymentService(...)` then `service.cancel(...)` in this file: a method that callers use on an
        instance, not a step a subclass provides (those are called as `self.cancel()`, on objects of subclasses)."""
        source = self.context.source
        made = re.escape(class_name)
        # The assignment's tail is searched first: a pattern that starts with a word scans the whole source slowly, and
        # most files assign no instance of the class.
        if f".{name}(" not in source or re.search(rf"=\s*{made}\(", source) is None:
            return False
        instances = set(re.findall(rf"(\w+)\s*(?::[^=\n]+)?=\s*{made}\(", source))
        return any(re.search(rf"\b{re.escape(instance)}\.{re.escape(name)}\(", source) for instance in instances)


def _is_type_checking(node: cst.If) -> bool:
    return (get_full_name_for_node(node.test) or "").rpartition(".")[2] == "TYPE_CHECKING"


def _checked_conformance(node: cst.If) -> set[str]:
    """`_check: BaseHTTPConnection = EmscriptenHTTPConnection("", 0)` under `if TYPE_CHECKING:`: the classes the type
    checker is asked to hold to an interface, whose empty methods are that interface's steps with nothing to do."""
    return {small.value.func.value for small in suite_statements(node.body)
            if isinstance(small, cst.AnnAssign) and isinstance(small.value, cst.Call)
            and isinstance(small.value.func, cst.Name)}


def _placeholder_kind(statements: list[cst.CSTNode]) -> str | None:
    """`pass`, `ellipsis`, `raise` or `return` when the body is only that (code after a raise is dead), else None."""
    if not statements:
        return None
    statement = statements[0]
    if len(statements) > 1 and type(statement) is not cst.Raise:
        return None
    if type(statement) is cst.Pass:
        return "pass"
    if type(statement) is cst.Expr and type(statement.value) is cst.Ellipsis:
        return "ellipsis"
    if type(statement) is cst.Raise and statement.exc is not None:
        raised = statement.exc.func if isinstance(statement.exc, cst.Call) else statement.exc
        if (get_full_name_for_node(raised) or "") in NOT_IMPLEMENTED:
            return "raise"
    if isinstance(statement, cst.Return) and statement.value is not None and is_constant(statement.value):
        return "return"
    return None


def _names_handed_to_calls(statements: Sequence[cst.CSTNode]) -> set[str]:
    """Names passed to calls anywhere in the statements, also in the bodies of their classes and functions
    (`self.sig_view_add = signals.SyncSignal(_signal_with_flow)` in an `__init__`)."""
    handed: set[str] = set()
    for statement in statements:
        if type(statement) is cst.ClassDef or type(statement) is cst.FunctionDef:
            handed |= _names_handed_to_calls(suite_statements(statement.body))
        else:
            handed.update(arg.value.value for inner in walk_own(statement) if type(inner) is cst.Call
                          for arg in inner.args if type(arg.value) is cst.Name)
    return handed


def _parameter_defaults(statements: Sequence[cst.CSTNode]) -> set[str]:
    """Names given as parameters' defaults by the functions and methods among the statements, nested ones too."""
    defaults: set[str] = set()
    for statement in statements:
        if type(statement) is cst.FunctionDef:
            params = statement.params
            defaults.update(param.default.value for param in (*params.posonly_params, *params.params,
                                                              *params.kwonly_params)
                            if type(param.default) is cst.Name)
        if type(statement) is cst.ClassDef or type(statement) is cst.FunctionDef:
            defaults |= _parameter_defaults(suite_statements(statement.body))
    return defaults


def _names_used_as_values(node: cst.ClassDef) -> frozenset[str]:
    """Names the class body's own statements pass to a call or assign (`default = staticmethod(when_ready)`,
    `handler = noop`): a function used there is the class's default callable, not a method anyone calls."""
    values: list[cst.BaseExpression] = []
    for statement in suite_statements(node.body):
        for inner in walk_own(statement) if not isinstance(statement, (cst.FunctionDef, cst.ClassDef)) else ():
            if isinstance(inner, cst.Call):
                values.extend(arg.value for arg in inner.args)
            elif isinstance(inner, (cst.Assign, cst.AnnAssign)) and inner.value is not None:
                values.append(inner.value)
    return frozenset(value.value for value in values if isinstance(value, cst.Name))


def _has_abstract_method(node: cst.ClassDef, called_from_outside: Callable[[str, str], bool]) -> bool:
    """A class with a method that only raises `NotImplementedError` is a base class in all but name, unless callers in
    this file call that method on an instance (`service.cancel(order)`): then it is code that fails when called."""
    for statement in _methods(node):
        statements = without_docstring(suite_statements(statement.body))
        if (_placeholder_kind(statements) == "raise" and not _says_not_yet(statements[0])
                and not called_from_outside(node.name.value, statement.name.value)):
            return True
    return False


def _write_only_property(function: cst.FunctionDef, owner: cst.ClassDef) -> bool:
    """A property getter with nothing to give, whose class defines its setter: the attribute exists to be assigned
    (`mail.to = [...]` builds the message), and reading it back was never offered."""
    if "property" not in {name.rpartition(".")[2] for name in decorator_names(function)}:
        return False
    setter = f"{function.name.value}.setter"
    return any(setter in decorator_names(method) for method in _methods(owner))


def _methods(node: cst.ClassDef) -> list[cst.FunctionDef]:
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    return [statement for statement in body if type(statement) is cst.FunctionDef]


def _method_names(node: cst.ClassDef) -> set[str]:
    return {method.name.value for method in _methods(node)}


def _inherited_names(node: cst.ClassDef) -> list[str]:
    """The last names of the real bases (not `object`, not a `metaclass=` keyword)."""
    names = [(get_full_name_for_node(base.value.value if type(base.value) is cst.Subscript else base.value) or "")
             for base in node.bases if base.keyword is None]
    return [name.rpartition(".")[2] for name in names if name and name != "object"]


def _is_skeleton(node: cst.ClassDef) -> bool:
    """Every method but the dunders is a placeholder: a scaffold of the class, not a subclass skipping one step."""
    methods = [m for m in _methods(node) if not (m.name.value.startswith("__") and m.name.value.endswith("__"))]
    return bool(methods) and all(
        _placeholder_kind(without_docstring(suite_statements(m.body))) not in (None, "return")
        or not without_docstring(suite_statements(m.body)) for m in methods)


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
