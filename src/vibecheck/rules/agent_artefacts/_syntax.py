"""Small libcst helpers shared by the agent-artefact rules: bodies, docstrings, comments, decorators."""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst
from libcst.helpers import get_full_name_for_node

STRING_NODES = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)

Scope = cst.Module | cst.ClassDef | cst.FunctionDef


def block_statements(body: cst.BaseSuite | cst.Module) -> list[cst.BaseStatement | cst.BaseSmallStatement]:
    """The statements of a block: small statements of a one-line suite, else the block's lines."""
    return list(body.body)


def is_docstring(statement: cst.CSTNode) -> bool:
    return type(statement) is cst.Expr and type(statement.value) in (cst.SimpleString, cst.ConcatenatedString)


def without_docstring(statements: list[cst.CSTNode]) -> list[cst.CSTNode]:
    return statements[1:] if statements and is_docstring(statements[0]) else statements


def docstring_node(scope: Scope) -> cst.SimpleString | cst.ConcatenatedString | None:
    """The docstring literal of a module, class or function, if it has one."""
    statements = block_statements(scope if isinstance(scope, cst.Module) else scope.body)
    if not statements:
        return None
    first = statements[0]
    if isinstance(first, cst.SimpleStatementLine) and first.body:
        first = first.body[0]
    if is_docstring(first):
        return first.value  # type: ignore[union-attr,return-value]
    return None


def comments_of_function(node: cst.FunctionDef, *, above: bool = True) -> Iterator[str]:
    """Every comment written just above the `def` (unless `above` is false), on its line, or inside its body.

    Just above: the comment lines that touch the `def` (or its decorators). A comment a blank line away
    (`# TODO add readuntil`, then an empty line) is about the code around, not about this function."""
    leading = list(node.leading_lines)
    touching = leading[max((i for i, line in enumerate(leading) if line.comment is None), default=-1) + 1:]
    for line in (*touching, *node.lines_after_decorators) if above else ():
        if line.comment is not None:
            yield line.comment.value
    body = node.body
    if isinstance(body, cst.SimpleStatementSuite) and body.trailing_whitespace.comment is not None:
        yield body.trailing_whitespace.comment.value
    if not isinstance(body, cst.IndentedBlock):  # a one-line body has no header, footer or nested statements
        return
    if body.header.comment is not None:
        yield body.header.comment.value
    pending: list[cst.CSTNode] = list(body.body)
    for line in body.footer:
        if line.comment is not None:
            yield line.comment.value
    while pending:
        statement = pending.pop()
        for line in getattr(statement, "leading_lines", ()):
            if line.comment is not None:
                yield line.comment.value
        trailing = getattr(statement, "trailing_whitespace", None)
        if trailing is not None and trailing.comment is not None:
            yield trailing.comment.value


def decorator_names(node: cst.FunctionDef | cst.ClassDef) -> list[str]:
    """Dotted names of the decorators, calls reduced to their callee (`app.route(...)` -> `app.route`)."""
    names = []
    for decorator in node.decorators:
        expression = decorator.decorator
        if isinstance(expression, cst.Call):
            expression = expression.func
        names.append(get_full_name_for_node(expression) or "")
    return names


def base_names(node: cst.ClassDef) -> list[str]:
    """Dotted names of a class's bases and of its `metaclass=` keyword, subscripts reduced to their value."""
    names = []
    for argument in [*node.bases, *node.keywords]:
        expression = argument.value
        if type(expression) is cst.Subscript:
            expression = expression.value
        names.append(get_full_name_for_node(expression) or "")
    return names
