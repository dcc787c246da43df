"""VC101: a broad `except` whose body does nothing with the failure."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule

BROAD_EXCEPTIONS = frozenset({"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"})
CONSTANT_NODES = (cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString)
CONSTANT_NAMES = frozenset({"None", "True", "False"})


def is_constant(node: cst.BaseExpression | None) -> bool:
    """A literal, or a container of literals: the kind of value a handler returns to look successful."""
    if node is None:
        return True
    if isinstance(node, CONSTANT_NODES):
        return True
    if isinstance(node, cst.Name):
        return node.value in CONSTANT_NAMES
    if isinstance(node, cst.UnaryOperation):
        return is_constant(node.expression)
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return all(is_constant(e.value) for e in node.elements if isinstance(e, cst.Element))
    if isinstance(node, cst.Dict):
        return all(isinstance(e, cst.DictElement) and is_constant(e.key) and is_constant(e.value) for e in node.elements)
    return False


def is_inert(statement: cst.BaseSmallStatement) -> bool:
    """`pass`, `...`, `continue`, a bare string, or `return <constant>`: nothing is done with the error."""
    if isinstance(statement, (cst.Pass, cst.Continue)):
        return True
    if isinstance(statement, cst.Expr):
        return isinstance(statement.value, (cst.Ellipsis, cst.SimpleString, cst.ConcatenatedString))
    if isinstance(statement, cst.Return):
        return is_constant(statement.value)
    return False


def handler_statements(handler: cst.ExceptHandler) -> list[cst.CSTNode]:
    """The small statements of a handler body, or the compound statements where there are some."""
    body = handler.body
    if isinstance(body, cst.SimpleStatementSuite):
        return list(body.body)
    statements: list[cst.CSTNode] = []
    for line in body.body:
        if isinstance(line, cst.SimpleStatementLine):
            statements.extend(line.body)
        else:
            statements.append(line)
    return statements


class SwallowedException(Rule):
    """A broad `except` block that does nothing with the error it catches.

    ## What it does
    Reports a bare `except:` or an `except Exception`/`except BaseException` whose body only passes,
    continues, or returns a constant: it neither logs, handles nor re-raises the failure.

    ## Why is this bad?
    Coding agents make a failing program "work" by making the error disappear. The program then goes on
    in a broken state and fails later, far away, with no trace of the first cause. A broad `except` also
    catches the bugs you did not think of (`TypeError`, `KeyError`), not only the failure you expected.

    ## Example
    ```python
    def load_settings(path):
        try:
            return parse(open(path).read())
        except Exception:
            pass
    ```

    ## Use instead
    ```python
    import logging

    logger = logging.getLogger(__name__)

    def load_settings(path):
        try:
            return parse(open(path).read())
        except FileNotFoundError:
            logger.warning("no settings file at %s, using defaults", path)
            return DEFAULT_SETTINGS
    ```

    ## References
    - [CWE-390: Detection of Error Condition Without Action](https://cwe.mitre.org/data/definitions/390.html)
    - [Python tutorial: handling exceptions](https://docs.python.org/3/tutorial/errors.html#handling-exceptions)
    """

    code = "VC101"
    name = "swallowed-exception"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (390, 703)
    supersedes = ("B110", "B112")

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        if not self._is_broad(node.type):
            return
        statements = handler_statements(node)
        if statements and all(isinstance(s, cst.BaseSmallStatement) and is_inert(s) for s in statements):
            caught = "a bare `except:`" if node.type is None else f"`except {self.context.module.code_for_node(node.type)}`"
            self.report(
                node,
                f"{caught} swallows every error: its body does nothing with the failure.",
                hint="Catch the specific exception you expect and handle it, "
                "or log it with `logger.exception(...)` and re-raise.",
            )

    def _is_broad(self, caught: cst.BaseExpression | None) -> bool:
        if caught is None:
            return True
        if isinstance(caught, cst.Tuple):
            return any(self._is_broad(e.value) for e in caught.elements)
        return self.qualified_name(caught) in BROAD_EXCEPTIONS
