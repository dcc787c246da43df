"""VC114: a `while` loop whose condition compares local names that its body never touches, so it never ends."""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import child_nodes, names_in, walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule, RuleContext
from vibecheck.rules.error_handling.loop_bindings import BINDINGS, touched_names

NESTED_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)
ORDERING = (cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual, cst.NotEqual)
# Statements that leave a loop (or its function, or the program) from inside it. A `yield` does not: the generator
# comes back to the same condition on the same values, and its caller cannot change its locals (`x = yield` binds).
EXITS = (cst.Break, cst.Return, cst.Raise)
EXIT_FUNCTIONS = frozenset({"exit", "quit", "sys.exit", "os._exit", "os.abort"})
# Plain values a condition may be built of besides local names: literals and arithmetic over them.
CONDITION_NODES = (cst.Comparison, cst.ComparisonTarget, cst.BooleanOperation, cst.UnaryOperation,
                   cst.BinaryOperation, cst.Name, cst.Integer, cst.Float, cst.LeftParen, cst.RightParen,
                   *ORDERING, cst.Equal, cst.Not, cst.And, cst.Or, cst.Add, cst.Subtract, cst.Multiply,
                   cst.Minus, cst.Plus, cst.SimpleWhitespace, cst.ParenthesizedWhitespace)


class LoopConditionNeverChanges(Rule):
    """A `while` loop compares names that nothing in its body changes, so it runs forever once it starts.

    ## What it does
    Reports a `while` loop in a function whose condition is an ordering comparison (`<`, `<=`, `>`, `>=`, `!=`)
    of the function's own local names and literals only (`while i < n:`), when its body neither binds those
    names (`i += 1`, `a, b = b, a`, `for`, `del`) nor hands them to code that may mutate them (`queue.pop()`,
    `advance(cursor)`), has no `break`, `return` or `raise`, and calls no `sys.exit()`; in a generator too, whose
    `yield` comes back to the same condition on the same values (`while remaining > 0: yield rows[:size]`). Names
    declared `global` or `nonlocal`, and names a nested function or lambda of the same function uses, may
    change elsewhere: such loops are not reported, and neither are conditions that
    call anything or read an attribute (`while not self.stop.is_set():`, `while time.time() < deadline:`).

    ## Why is this bad?
    The usual cause is a forgotten counter step (`i += 1`) or an update written to the wrong variable: the
    loop then spins at full CPU and the request, job or test that entered it never returns, a denial of
    service that no exception reports.

    ## Example
    ```python
    def fibonacci(n):
        a, b = 1, 1
        i = 2
        while i < n:
            a, b = b, a + b
        return b
    ```

    ## Use instead
    ```python
    def fibonacci(n):
        a, b = 1, 1
        for _ in range(2, n):
            a, b = b, a + b
        return b
    ```

    ## References
    - [CWE-835: Loop with Unreachable Exit Condition ('Infinite Loop')](https://cwe.mitre.org/data/definitions/835.html)
    """

    code = "VC114"
    name = "loop-condition-never-changes"
    category = Category.ERROR_HANDLING
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (835,)
    file_hints = ("while",)
    file_hints_are_names = True

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self._functions: list[cst.FunctionDef] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()

    def visit_While(self, node: cst.While) -> None:
        test = node.test
        if not self._functions or type(test) is not cst.Comparison \
                or not all(type(c.operator) in ORDERING for c in test.comparisons) \
                or not all(isinstance(part, CONDITION_NODES) for part in walk_own(test)):
            return
        names = set(names_in(test))
        if not names or names & touched_names(node.body) or not names <= self._locals() \
                or names & self._shared_names() or self._exits(node.body):
            return
        self.report(test, f"Nothing in this loop changes {_listed(names)}, so once `{_code(self, test)}` holds it "
                    "never stops.", hint="Step the loop's variable in its body (`i += 1`), or loop with "
                    "`for ... in range(...)`.")

    def _locals(self) -> set[str]:
        """The function's parameters and the names it binds itself."""
        function = self._functions[-1]
        params = function.params
        found = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
        for inner in walk_own(function.body):
            field = BINDINGS.get(type(inner))
            if field is not None:
                found.update(names_in(getattr(inner, field)))
        return found

    def _shared_names(self) -> set[str]:
        """Names declared `global`/`nonlocal`, or used by a nested function or lambda, which may change them."""
        shared: set[str] = set()
        for inner in walk_own(self._functions[-1].body):
            if type(inner) is cst.Global or type(inner) is cst.Nonlocal:
                shared.update(item.name.value for item in inner.names)
        for nested in _nested_scopes(self._functions[-1].body):
            shared.update(names_in(nested))
        return shared

    def _exits(self, body: cst.BaseSuite) -> bool:
        for inner in walk_own(body):
            if isinstance(inner, EXITS):
                return True
            if type(inner) is cst.Call and (self.qualified_name(inner.func) or "") in EXIT_FUNCTIONS:
                return True
        return False


def _nested_scopes(body: cst.CSTNode) -> list[cst.CSTNode]:
    """The functions, lambdas and classes directly inside a function body (which `walk_own` does not enter)."""
    found: list[cst.CSTNode] = []
    pending = [body]
    while pending:
        current = pending.pop()
        for child in child_nodes(current):
            (found if type(child) in NESTED_SCOPES else pending).append(child)
    return found


def _listed(names: set[str]) -> str:
    return " or ".join(f"`{name}`" for name in sorted(names))


def _code(rule: Rule, node: cst.CSTNode) -> str:
    return " ".join(rule.context.module.code_for_node(node).split())
