"""The module's own SQL identifier quoting: functions that return their argument between identifier quotes, with
the closing quote doubled inside (`'"' + name.replace('"', '""') + '"'`), so that no name they quote can end the
identifier early. A project that writes this for itself (SQLite connectors, schema tools) pastes only quoted names
into its DDL, as one that calls the driver's `quote_ident` does."""

from __future__ import annotations

import ast
import bisect
import re

from vibecheck.patterns import lazy_pattern

# An identifier's opening quote -> its closing quote: standard SQL and SQLite/PostgreSQL, MySQL, SQL Server.
IDENTIFIER_QUOTES = {'"': '"', "`": "`", "[": "]"}


def identifier_quoters(tree: ast.Module, source: str) -> frozenset[str]:
    """The names of the functions and methods of a module whose every `return` quotes a value as an identifier.

    Only the statements are walked to find the functions, and only a function whose lines name `replace` (which
    `_doubles` needs of every quoted value) is walked whole: most modules that call `.replace(` quote nothing."""
    line_starts = [0, *(match.end() for match in _NEWLINE.finditer(source))]  # as Python numbers lines
    mentions = [bisect.bisect_right(line_starts, match.start()) for match in re.finditer("replace", source)]
    found = set()
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and _mentioned(
                mentions, node.lineno, node.end_lineno or node.lineno) and _quotes_identifier(node):
            found.add(node.name)
        for field in _BLOCK_FIELDS:
            block = getattr(node, field, None)
            if type(block) is list:
                pending.extend(block)
    return frozenset(found)


# The fields of a statement (or an `except` handler, a `case`) that hold statements, handlers or cases: a function is
# defined only in a block.
_BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")
_NEWLINE = lazy_pattern(r"\r\n?|\n")


def _mentioned(lines: list[int], first: int, last: int) -> bool:
    """Whether one of the sorted line numbers `lines` lies in `first..last`."""
    index = bisect.bisect_left(lines, first)
    return index < len(lines) and lines[index] <= last


def _quotes_identifier(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    returns, escaped = [], {}
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Return):
            returns.append(node.value)
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            escaped[node.targets[0].id] = node.value  # `escaped = name.replace('"', '""')`, then quoted
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            pending.extend(ast.iter_child_nodes(node))
    return bool(returns) and all(value is not None and _quoted(value, escaped) for value in returns)


def _quoted(value: ast.expr, escaped: dict[str, ast.expr]) -> bool:
    """`open + <value with the closing quote doubled> + close`, however the three are joined."""
    pieces = _joined_pieces(value)
    if pieces is None or len(pieces) != 3:
        return False
    opening, inner, closing = pieces
    if not (isinstance(opening, str) and isinstance(closing, str) and isinstance(inner, ast.expr)):
        return False
    if isinstance(inner, ast.Name) and inner.id in escaped:
        inner = escaped[inner.id]
    return IDENTIFIER_QUOTES.get(opening) == closing and _doubles(inner, closing)


def _doubles(node: ast.expr, quote: str) -> bool:
    """`x.replace(q, q + q)`: every closing quote inside the value doubled."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace" \
        and len(node.args) == 2 and not node.keywords \
        and all(isinstance(arg, ast.Constant) for arg in node.args) \
        and node.args[0].value == quote and node.args[1].value == quote * 2  # type: ignore[attr-defined]


def _joined_pieces(node: ast.expr) -> list[str | ast.expr] | None:
    """The literal texts and the values a string is joined from (`+`, an f-string, `%` or `.format()` with one
    value), adjacent texts merged; None when it is built another way."""
    raw = _pieces(node)
    if raw is None:
        return None
    merged: list[str | ast.expr] = []
    for piece in raw:
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        elif piece != "":
            merged.append(piece)
    return merged


def _pieces(node: ast.expr) -> list[str | ast.expr] | None:
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pieces(node.left), _pieces(node.right)
        return left + right if left is not None and right is not None else None
    if isinstance(node, ast.JoinedStr):
        pieces: list[str | ast.expr] = []
        for part in node.values:
            if isinstance(part, ast.FormattedValue):
                if part.format_spec is not None or part.conversion != -1:
                    return None
                pieces.append(part.value)
            elif isinstance(part, ast.Constant) and isinstance(part.value, str):
                pieces.append(part.value)
        return pieces
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _filled(node.left, "%s", node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format" \
            and len(node.args) == 1 and not node.keywords:
        return _filled(node.func.value, "{}", node.args[0])
    return [node]


def _filled(template: ast.expr, slot: str, value: ast.expr) -> list[str | ast.expr] | None:
    """`'"%s"' % value`, `'"{}"'.format(value)`: a template with one slot, filled with one value."""
    if isinstance(value, ast.Tuple):
        if len(value.elts) != 1:
            return None
        value = value.elts[0]
    if not (isinstance(template, ast.Constant) and isinstance(template.value, str)) \
            or template.value.count(slot) != 1 or template.value.count("%" if slot == "%s" else "{") != 1:
        return None
    before, _, after = template.value.partition(slot)
    return [before, value, after]
