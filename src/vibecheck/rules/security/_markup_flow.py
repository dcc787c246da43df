"""The markup proof read along a function's statements: VC411's second look at a marking call the plain proof left.

`MarkupProof` counts every value a name is ever bound to, so a name escaped after it was read raw
(`value = escape(value)`) or rebound to a number (`value = int(value)`) stays unproved. `FlowProof` follows the
statements in order instead: each name holds whether its value at that point is safe, a branch joins its arms
(safe only when safe in both), a loop runs until nothing changes, a `return` or `raise` ends a path, and each
marking call is judged with the names as they stand where it runs. A test narrows a name where it holds
(`isinstance(n, int)`, `n is None`, `n == ""`), the counter of `enumerate()`/`range()` is a number, and a list whose
every element a loop replaces (`for i, x in enumerate(items): items[i] = escape(x)`) holds what the loop put in it.

In a Django filter registered with `needs_autoescape=True`, the engine passes the template's autoescaping as the
function's `autoescape` parameter; where it is off, the template author chose raw output, so only the path with
the flag on must produce escaped markup. There, `if autoescape:` runs its body only, `if not autoescape:` (or `not
autoescape or isinstance(value, SafeData)`, the already-safe input) its `else` only, and `esc = conditional_escape if
autoescape else (lambda x: x)` makes `esc` an escaper, and Django's `linebreaks()`/`urlize()` escape what they
are given with `autoescape=autoescape`. The flag is trusted only while every rebinding of it keeps
it (`autoescape = autoescape and not isinstance(value, SafeData)`); a filter that marks a raw value on the path with
the flag on stays reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import libcst as cst

from vibecheck.analysis.nodes import bound_names
from vibecheck.cst_fields import own_nodes, own_nodes_of, walk_own
from vibecheck.rules.security._safe_markup import (
    ELEMENT_METHODS,
    ESCAPED_OUTPUT,
    LITERAL_TYPES,
    MUTABLE_LITERALS,
    SAFE_DATA,
    Bindings,
    MarkupProof,
    QualifiedName,
    element_added,
    marked_value,
)

FLAG = "autoescape"  # the keyword by which Django passes a filter the template's autoescaping
FLAG_DECORATOR_KEYWORD = "needs_autoescape"
ESCAPER = "escaper"  # a name holding an escaping function (`esc = conditional_escape`), not a value
# Django's helpers that escape their text when passed the flag (its position, or the keyword `autoescape`).
FLAG_ESCAPERS = {"django.utils.html.linebreaks": 1, "django.utils.html.urlize": 3}
NUMBER_TYPES = frozenset({"int", "float", "bool", "complex", "Decimal", "Fraction"})  # `str()` of one is digits
MAX_ROUNDS = 8  # runs of one loop body before its names are given up as unsafe
# Statements one proof may visit (nested loops run their bodies again per round): past it, nothing is cleared.
MAX_STATEMENTS = 20_000


class _OverBudget(Exception):
    """The proof visited `MAX_STATEMENTS` statements (deeply nested loops in generated code)."""

Value = bool | str  # True: safe markup; False: unknown; ESCAPER: an escaping function
State = dict[str, Value]


def filter_value(function: cst.FunctionDef) -> str | None:
    """The name of the value a filter filters (its first parameter) when the function is a filter Django hands its
    template's autoescaping as `autoescape` (`needs_autoescape=True` on its decorator, an `autoescape` parameter)
    and it rebinds the flag only to narrow it; otherwise None."""
    params = function.params
    positional = (*params.posonly_params, *params.params)
    if not positional or not any(p.name.value == FLAG for p in (*params.params, *params.kwonly_params)):
        return None
    subject = positional[0].name.value
    if not any(type(d.decorator) is cst.Call and any(
            arg.keyword is not None and arg.keyword.value == FLAG_DECORATOR_KEYWORD
            and type(arg.value) is cst.Name and arg.value.value == "True" for arg in d.decorator.args)
            for d in function.decorators):
        return None
    for node in own_nodes(function.body):
        if type(node) in (cst.Assign, cst.AugAssign, cst.AnnAssign, cst.NamedExpr, cst.For, cst.WithItem) \
                and _rebinds_flag(node, subject):
            return None
    return subject


def _rebinds_flag(node: cst.CSTNode, subject: str) -> bool:
    """A binding of the flag other than `flag = flag and not isinstance(value, SafeData)`."""
    if type(node) is cst.Assign and len(node.targets) == 1 and type(node.targets[0].target) is cst.Name:
        if node.targets[0].target.value != FLAG:
            return False
        return not _narrows_flag(node.value, subject)
    targets: list[cst.CSTNode] = []
    if isinstance(node, cst.Assign):
        targets = [t.target for t in node.targets]
    elif isinstance(node, (cst.AugAssign, cst.AnnAssign, cst.NamedExpr, cst.For)):
        targets = [node.target]
    elif isinstance(node, cst.WithItem) and node.asname is not None:
        targets = [node.asname.name]
    return any(type(n) is cst.Name and n.value == FLAG for target in targets for n in walk_own(target))


def _narrows_flag(value: cst.BaseExpression, subject: str) -> bool:
    operands = _operands(value, cst.And)
    return len(operands) > 1 and _is_flag(operands[0]) and all(_not_safe_data(o, subject) for o in operands[1:])


def _operands(node: cst.BaseExpression, operator: type) -> list[cst.BaseExpression]:
    if type(node) is cst.BooleanOperation and type(node.operator) is operator:
        return [*_operands(node.left, operator), *_operands(node.right, operator)]
    return [node]


def _is_flag(node: cst.BaseExpression) -> bool:
    return type(node) is cst.Name and node.value == FLAG


def _is_safe_data(node: cst.BaseExpression, subject: str) -> bool:
    """`isinstance(value, SafeData)` on the filtered value."""
    if type(node) is not cst.Call or type(node.func) is not cst.Name or node.func.value != "isinstance" \
            or len(node.args) != 2:
        return False
    tested, kind = node.args[0].value, node.args[1].value
    return type(tested) is cst.Name and tested.value == subject and type(kind) is cst.Name and kind.value == SAFE_DATA


def _not_safe_data(node: cst.BaseExpression, subject: str) -> bool:
    return type(node) is cst.UnaryOperation and type(node.operator) is cst.Not \
        and _is_safe_data(node.expression, subject)


def _flag_off(node: cst.BaseExpression) -> bool:
    return type(node) is cst.UnaryOperation and type(node.operator) is cst.Not and _is_flag(node.expression)


def flag_branch(test: cst.BaseExpression, subject: str) -> bool | None:
    """Which arm of a test runs with the flag on: True its body (`autoescape`, `autoescape and not
    isinstance(value, SafeData)`), False its `else` (`not autoescape`, `not autoescape or isinstance(value,
    SafeData)`, the filtered value already safe HTML), None when the test is not about the flag."""
    if _is_flag(test) or _narrows_flag(test, subject):
        return True
    operands = _operands(test, cst.Or)
    if any(_flag_off(o) for o in operands) and all(_flag_off(o) or _is_safe_data(o, subject) for o in operands):
        return False
    return None


def _passes_flag(call: cst.Call, position: int) -> bool:
    """The call hands on the filter's flag, at `position` or as `autoescape=`."""
    for index, arg in enumerate(call.args):
        if arg.star:
            return False
        if (arg.keyword.value == FLAG if arg.keyword is not None else index == position):
            return _is_flag(arg.value)
    return False


def _narrowed(test: cst.BaseExpression) -> set[str]:
    """The names a test proves safe text where it holds: `isinstance(n, int)` (a number), `n is None`, `n == ""`
    (a literal); through `and` any operand's, through `or` every operand's."""
    if type(test) is cst.BooleanOperation:
        left, right = _narrowed(test.left), _narrowed(test.right)
        return left | right if type(test.operator) is cst.And else left & right
    if type(test) is cst.Call and type(test.func) is cst.Name and test.func.value == "isinstance" \
            and len(test.args) == 2 and type(test.args[0].value) is cst.Name:
        kinds = test.args[1].value
        names = [e.value for e in kinds.elements] if type(kinds) is cst.Tuple else [kinds]
        if all(type(n) is cst.Name and n.value in NUMBER_TYPES for n in names):
            return {test.args[0].value.value}
    if type(test) is cst.Comparison and type(test.left) is cst.Name and len(test.comparisons) == 1:
        target = test.comparisons[0]
        if (type(target.operator) is cst.Is and type(target.comparator) is cst.Name
                and target.comparator.value == "None") or (
                type(target.operator) is cst.Equal and isinstance(target.comparator, LITERAL_TYPES)):
            return {test.left.value}
    return set()


def meet(states: Iterable[State | None]) -> State | None:
    """The state where paths join: a name keeps its value only when every reaching path agrees; None if no path
    reaches."""
    reaching = [s for s in states if s is not None]
    if not reaching:
        return None
    first, *others = reaching
    return {name: value for name, value in first.items() if all(other.get(name, False) == value for other in others)}


class FlowProof(MarkupProof):
    """Judges each marking call of one function with the names' values where it runs (see the module docstring)."""

    def __init__(self, function: cst.FunctionDef, module_bindings: Callable[[], Bindings],
                 qualified_name: QualifiedName, *, jinja: bool) -> None:
        super().__init__(function, module_bindings, qualified_name, jinja=jinja, safe_data=False)
        self._function = function
        self._filtered = filter_value(function)  # set when the autoescape flag is trusted
        self._state: State = {}
        self._verdicts: dict[int, bool] = {}  # each marking call's verdict, once the function has been run
        self._judged = False
        self._loops: list[tuple[list[State], list[State]]] = []  # (breaks, continues) of each enclosing loop
        self._volatile: set[str] = set()
        self._budget = MAX_STATEMENTS
        # (list, counter) of each enclosing `for i, x in enumerate(items): items[i] = ...` -> every element safe so far
        self._rewrites: dict[tuple[str, str] | None, bool] = {}

    def clears(self, call: cst.Call, value: cst.BaseExpression) -> bool:
        if not self._judged:
            self._judged = True
            bindings, passed = self._scope_bindings(), self._passed
            self._volatile = {n for n in passed if any(isinstance(v, MUTABLE_LITERALS) for v in bindings.get(n, ()))}
            try:
                self._run(self._function.body.body, {})
            except _OverBudget:
                self._verdicts = {}
        return self._verdicts.get(id(call), False)

    def _name_safe(self, name: str) -> bool:
        if name in self._volatile:
            return False
        if name in self._state:
            return self._state[name] is True
        if name in self._scope_bindings():
            return False  # a parameter, or a name not yet bound on this path
        return super()._name_safe(name)

    def _safe(self, node: cst.BaseExpression) -> bool:
        if type(node) is cst.IfExp and self._filtered is not None:
            branch = flag_branch(node.test, self._filtered)
            if branch is not None:
                return self.safe(node.body if branch else node.orelse)
        return super()._safe(node)

    def _call_safe(self, call: cst.Call) -> bool:
        func = call.func
        if type(func) is cst.Name and func.value in self._scope_bindings():
            return self._state.get(func.value) == ESCAPER
        position = FLAG_ESCAPERS.get(self._qualified_name(call) or "") if self._filtered is not None else None
        if position is not None and _passes_flag(call, position):
            return True
        return super()._call_safe(call)

    def _value(self, node: cst.BaseExpression) -> Value:
        """What assigning `node` binds: ESCAPER for an escaping function, else whether it is safe markup."""
        if type(node) is cst.IfExp and self._filtered is not None:
            branch = flag_branch(node.test, self._filtered)
            if branch is not None:
                return self._value(node.body if branch else node.orelse)
        if type(node) is cst.Name and node.value in self._scope_bindings():
            return self._state.get(node.value, False)
        if type(node) in (cst.Name, cst.Attribute) and self._qualified_name(node) in ESCAPED_OUTPUT:
            return ESCAPER
        return self.safe(node)

    def _run(self, body: Sequence[cst.BaseStatement | cst.BaseSmallStatement], state: State | None) -> State | None:
        for statement in body:
            if state is None:
                return None
            state = self._statement(statement, state)
        return state

    def _statement(self, node: cst.CSTNode, state: State) -> State | None:
        self._budget -= 1
        if self._budget < 0:
            raise _OverBudget
        if isinstance(node, cst.SimpleStatementLine):
            return self._run(node.body, state)
        if isinstance(node, cst.If):
            return self._if(node, state)
        if isinstance(node, (cst.For, cst.While)):
            return self._loop(node, state)
        if isinstance(node, cst.Try):
            return self._try(node, state)
        if isinstance(node, cst.With):
            return self._with(node, state)
        if isinstance(node, (cst.Return, cst.Raise)):
            self._judge(node, state)
            return None
        if isinstance(node, (cst.Break, cst.Continue)) and self._loops:
            self._loops[-1][0 if isinstance(node, cst.Break) else 1].append(state)
            return None
        if isinstance(node, (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Expr)):
            self._judge(node, state)
            return self._effect(node, state)
        if isinstance(node, (cst.Pass, cst.Assert, cst.Del)):
            self._judge(node, state)
            return state
        return self._unknown(node, state)

    def _with(self, node: cst.With, state: State) -> State | None:
        for item in node.items:
            self._judge(item.item, state)
        names = [item.asname.name for item in node.items if item.asname is not None]
        end = self._run(node.body.body, _unbound(dict(state), *names))
        return meet((end, _unbound(dict(state), *names, node.body)))  # a context manager may swallow an exception

    def _unknown(self, node: cst.CSTNode, state: State) -> State:
        """A statement the proof does not follow (`match`, a nested def, an import): what it binds becomes unknown
        and its marking calls stay reported."""
        return _unbound(dict(state), node)

    def _judge(self, node: cst.CSTNode, state: State) -> None:
        """Record, for each marking call in `node` (not in nested statements), whether its value is safe here."""
        self._state = state
        for inner in own_nodes_of(node, cst.Call):
            value = marked_value(inner, self._qualified_name(inner))
            if value is not None:
                self._verdicts[id(inner)] = self._verdicts.get(id(inner), True) and self.safe(value)

    def _raw_output(self, node: cst.CSTNode) -> None:
        """Clear the marking calls of an arm that runs only with the flag off: raw output is the template's choice."""
        for inner in walk_own(node):
            if type(inner) is cst.Call and marked_value(inner, self._qualified_name(inner)) is not None:
                self._verdicts.setdefault(id(inner), True)

    def _effect(self, node: cst.CSTNode, state: State) -> State:
        self._state = state
        new = dict(state)
        if type(node) is cst.Assign:
            value = self._value(node.value)
            key = _element_key(node.targets[0].target) if len(node.targets) == 1 else None
            if key in self._rewrites:
                self._rewrites[key] = self._rewrites[key] and value is True
            for target in node.targets:
                _bind(new, target.target, value)
        elif type(node) is cst.AnnAssign:
            if node.value is not None:
                _bind(new, node.target, self._value(node.value))
        elif type(node) is cst.AugAssign:
            augmented = node.target
            if type(augmented) is cst.Name:
                name = augmented.value
                new[name] = type(node.operator) is cst.AddAssign and state.get(name) is True and self.safe(node.value)
            else:
                _bind(new, augmented, self.safe(node.value) and type(node.operator) is cst.AddAssign)
        for inner in own_nodes_of(node, cst.Call):
            self._element_added(inner, new)
        return {name: value for name, value in new.items() if value is not False}

    def _element_added(self, call: cst.Call, new: State) -> None:
        func = call.func
        if type(func) is cst.Attribute and type(func.value) is cst.Name and func.attr.value in ELEMENT_METHODS:
            value = element_added(call, ELEMENT_METHODS[func.attr.value])
            new[func.value.value] = new.get(func.value.value) is True and value is not None and self.safe(value)

    def _if(self, node: cst.If, state: State) -> State | None:
        self._judge(node.test, state)
        branch = flag_branch(node.test, self._filtered) if self._filtered is not None else None
        orelse = node.orelse
        otherwise: Callable[[], State | None] = (
            (lambda: state) if orelse is None else
            (lambda: self._statement(orelse, dict(state))) if type(orelse) is cst.If else
            (lambda: self._run(orelse.body.body, dict(state))))
        narrowed: State = {name: True for name in _narrowed(node.test)}
        if branch is True:
            if orelse is not None:
                self._raw_output(orelse)
            return self._run(node.body.body, state | narrowed)
        if branch is False:
            self._raw_output(node.body)
            return otherwise()
        return meet((self._run(node.body.body, state | narrowed), otherwise()))

    def _loop(self, node: cst.For | cst.While, state: State) -> State | None:
        """A loop runs its body until the names at its head stop changing; it leaves from the head or a `break`."""
        self._judge(node.iter if isinstance(node, cst.For) else node.test, state)
        rewrite = _rewrite(node) if isinstance(node, cst.For) else None
        if rewrite is not None:
            self._rewrites[rewrite] = True
        head: State = state
        breaks: list[State] = []
        continues: list[State] = []
        for _ in range(MAX_ROUNDS):
            entry = self._loop_entry(node, head)
            breaks, continues = [], []
            self._loops.append((breaks, continues))
            end = self._run(node.body.body, entry)
            self._loops.pop()
            joined = meet((head, end, *continues)) or {}  # `head` reaches: never None
            if joined == head:
                break
            head = joined
        else:  # not settled: every name is unknown, and the body's marking calls are judged so
            head = {}
            self._run(node.body.body, {})
        if rewrite is not None and self._rewrites.pop(rewrite):
            head = head | {rewrite[0]: True}
        after = self._run(node.orelse.body.body, dict(head)) if node.orelse is not None else head
        return meet((after, *breaks))

    def _loop_entry(self, node: cst.For | cst.While, head: State) -> State:
        """The names at the start of an iteration: a `for` target is unknown, but for the counter of `enumerate()`
        or `range()`, a number."""
        if not isinstance(node, cst.For):
            return dict(head)
        entry = _unbound(dict(head), node.target)
        counter = _counter(node, self._qualified_name)
        if counter is not None:
            entry[counter] = True
        return entry

    def _try(self, node: cst.Try, state: State) -> State | None:
        """A handler may start after any statement of the `try` body: the names that body binds are unknown there."""
        end = self._run(node.body.body, dict(state))
        if node.orelse is not None:
            end = self._run(node.orelse.body.body, end) if end is not None else None
        raised = _unbound(dict(state), node.body)
        ends = [end]
        for handler in node.handlers:
            start = _unbound(dict(raised), handler.name.name) if handler.name is not None else dict(raised)
            ends.append(self._run(handler.body.body, start))
        joined = meet(ends)
        if node.finalbody is None:
            return joined
        final = self._run(node.finalbody.body.body, meet((joined, raised)) or {})
        return final if joined is not None else None


def _counter(node: cst.For, qualified_name: QualifiedName) -> str | None:
    """The name a `for` binds to a number: `i` in `for i, x in enumerate(...)` and in `for i in range(...)`."""
    if type(node.iter) is not cst.Call:
        return None
    name = qualified_name(node.iter)
    target = node.target
    if name == "range" and type(target) is cst.Name:
        return target.value
    if name == "enumerate" and type(target) is cst.Tuple and target.elements \
            and type(target.elements[0].value) is cst.Name:
        return target.elements[0].value.value
    return None


def _rewrite(node: cst.For) -> tuple[str, str] | None:
    """(items, i) for `for i, x in enumerate(items): ... items[i] = value`, a loop that replaces every element: the
    assignment stands unconditionally in the body, which has no `break` or `continue` and changes `items` no other
    way."""
    call = node.iter
    target = node.target
    if not (type(call) is cst.Call and type(call.func) is cst.Name and call.func.value == "enumerate"
            and len(call.args) == 1 and type(call.args[0].value) is cst.Name and type(target) is cst.Tuple
            and len(target.elements) == 2 and type(target.elements[0].value) is cst.Name):
        return None
    key = (call.args[0].value.value, target.elements[0].value.value)
    rewrites = [statement for line in node.body.body if type(line) is cst.SimpleStatementLine
                for statement in line.body if type(statement) is cst.Assign and len(statement.targets) == 1
                and _element_key(statement.targets[0].target) == key]
    if not rewrites:
        return None
    for inner in walk_own(node.body):
        if type(inner) in (cst.Break, cst.Continue) or (
                type(inner) is cst.Name and inner.value == key[0] and not _only_read(inner, node.body, rewrites)):
            return None
        if type(inner) in (cst.Assign, cst.AugAssign, cst.AnnAssign, cst.For) and any(
                key[1] in bound_names(target) for target in _targets(inner)):
            return None  # the counter rebound: `items[i]` no longer walks every element
    return key


def _only_read(name: cst.Name, body: cst.BaseSuite, rewrites: list[cst.Assign]) -> bool:
    """The list's name appears in the body as the rewrite's target or as a plain value (`items[j]`, `len(items)`),
    never as a method's receiver or an assignment's target."""
    if any(name is rewrite.targets[0].target.value for rewrite in rewrites):  # type: ignore[attr-defined]
        return True
    for inner in walk_own(body):
        if type(inner) is cst.Attribute and inner.value is name:
            return False
        if type(inner) in (cst.Assign, cst.AugAssign, cst.AnnAssign) and any(
                node is name for target in _targets(inner) for node in walk_own(target)):
            return False
    return True


def _targets(node: cst.CSTNode) -> list[cst.CSTNode]:
    if type(node) is cst.Assign:
        return [t.target for t in node.targets]
    return [node.target]  # type: ignore[attr-defined]


def _element_key(target: cst.BaseExpression) -> tuple[str, str] | None:
    """(items, i) for the assignment target `items[i]`."""
    if type(target) is cst.Subscript and type(target.value) is cst.Name and len(target.slice) == 1:
        index = target.slice[0].slice
        if type(index) is cst.Index and type(index.value) is cst.Name:
            return target.value.value, index.value.value
    return None


def _bind(state: State, target: cst.BaseExpression, value: Value) -> None:
    if type(target) is cst.Name:
        state[target.value] = value
    elif type(target) is cst.Subscript and type(target.value) is cst.Name:
        name = target.value.value
        state[name] = state.get(name) is True and value is True  # one more element of the list or table
    else:
        _unbound_into(state, target)


def _unbound(state: State, *nodes: cst.CSTNode) -> State:
    for node in nodes:
        _unbound_into(state, node)
    return state


def _unbound_into(state: State, node: cst.CSTNode) -> None:
    """Every name bound in `node` (a target, or a block of statements) becomes unknown."""
    for inner in walk_own(node):
        if type(inner) is cst.Name:
            state.pop(inner.value, None)
