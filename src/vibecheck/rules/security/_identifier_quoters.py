"""The module's own SQL identifier quoting: functions that return their argument between identifier quotes, with
the closing quote doubled inside (`'"' + name.replace('"', '""') + '"'`), so that no name they quote can end the
identifier early. A project that writes this for itself (SQLite connectors, schema tools) pastes only quoted names
into its DDL, as one that calls the driver's `quote_ident` does. Each `return` may also be guarded by what the branch
it is in knows of the argument: returned bare where an identifier pattern matched all of it (`if PLAIN.fullmatch(s):
return s`), or between quotes where the closing quote is not in it (`elif "]" in s: ... else: return f"[{s}]"`)."""

from __future__ import annotations

import ast
import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from vibecheck.analysis.imported_modules import ImportedModulesInputs
from vibecheck.ast_fields import own_ast_nodes
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._identifier_validators import (
    BLOCK_FIELDS,
    defined_functions,
    identifier_validators,
    matches_identifier,
    module_patterns,
)
from vibecheck.safe_files import NotRegularFileError, read_regular_text

SIZE_LIMIT = 2_000_000

# An identifier's opening quote -> its closing quote: standard SQL and SQLite/PostgreSQL, MySQL, SQL Server.
IDENTIFIER_QUOTES = {'"': '"', "`": "`", "[": "]"}


def identifier_quoters(tree: ast.Module, source: str, imported: frozenset[str] = frozenset()) -> frozenset[str]:
    """The names of the functions and methods of a module whose every `return` quotes a value as an identifier, also
    by calling one of the `imported` quoting functions or another of the module's own.

    Only the statements are walked to find the functions, and only a function whose lines name `replace(` (which
    `_doubles` needs of a quoted value), a pattern's `match(`, a closing quote's test (its guards) or a known quoting
    function is walked whole: most modules that call `.replace(` quote nothing. A function that hands its argument to
    one quoting with the quote it is given (`_escape(name, quote='"')`) quotes as an identifier too."""
    line_starts = [0, *(match.end() for match in _NEWLINE.finditer(source))]  # as Python numbers lines
    functions = defined_functions(tree)
    patterns = module_patterns(tree) if functions else {}
    replacing = [bisect.bisect_right(line_starts, match.start()) for match in re.finditer(r"replace\(", source)]
    parametric = _parametric_quoters([node for node in functions
                                      if _mentioned(replacing, node.lineno, node.end_lineno or node.lineno)])
    found: set[str] = set()
    known = imported
    while True:
        called = known | parametric.keys()
        words = "|".join((_QUOTING_WORDS.pattern, *(re.escape(name.rpartition(".")[2]) + r"\(" for name in called)))
        mentions = [bisect.bisect_right(line_starts, match.start()) for match in re.finditer(words, source)]
        more = {node.name for node in functions if node.name not in found
                and _mentioned(mentions, node.lineno, node.end_lineno or node.lineno)
                and _quotes_identifier(node, patterns, known, parametric)}
        if not more:
            return frozenset(found)
        found |= more  # a function that calls one found quotes too (`escaped = escape(name)`, then returned)
        known = imported | found


def _parametric_quoters(functions: list[ast.FunctionDef | ast.AsyncFunctionDef]) -> dict[str, tuple[str, int]]:
    """The functions that quote their first argument with a quote character they are handed, doubled inside
    (`return quote + value.replace(quote, quote * 2) + quote`), by name: the quote's parameter and its position
    (-1 when it is keyword-only). A call handing one an identifier quote (`_escape(name, quote='"')`) quotes."""
    found: dict[str, tuple[str, int]] = {}
    for function in functions:
        positional = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args) if arg.arg not in ("self", "cls")]
        keyword_only = [arg.arg for arg in function.args.kwonlyargs]
        returns = [node.value for node in own_ast_nodes(function.body) if isinstance(node, ast.Return)]
        quotes = {_parametric_quote(value, {*positional[1:], *keyword_only}) for value in returns}
        if len(quotes) == 1 and (quote := quotes.pop()) is not None:
            found[function.name] = (quote, positional.index(quote) if quote in positional else -1)
    return found


def _parametric_quote(value: ast.expr | None, parameters: set[str]) -> str | None:
    """The parameter `q` of `q + x.replace(q, q * 2) + q` (or `q + q`), however the three are joined."""
    pieces = _joined_pieces(value) if value is not None else None
    if pieces is None or len(pieces) != 3:
        return None
    opening, inner, closing = pieces
    if not (isinstance(opening, ast.Name) and isinstance(closing, ast.Name) and opening.id == closing.id
            and opening.id in parameters and isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute)
            and inner.func.attr == "replace" and len(inner.args) == 2 and not inner.keywords):
        return None
    quote, doubled = inner.args
    twice = isinstance(doubled, ast.BinOp) and (
        (isinstance(doubled.op, ast.Mult) and _names(doubled.left, opening.id) and isinstance(doubled.right, ast.Constant)
         and doubled.right.value == 2)
        or (isinstance(doubled.op, ast.Add) and _names(doubled.left, opening.id) and _names(doubled.right, opening.id)))
    return opening.id if _names(quote, opening.id) and twice else None


def _names(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


@functools.lru_cache(maxsize=256)
def module_quoters(module_file: str) -> frozenset[str]:
    """The top-level functions of another module of the project (`utils.py`, read once per run) that quote or validate
    an SQL identifier: what a file that imports one from there (`from .utils import escape_sqlite`) pastes through
    them is a quoted name, as if the file had defined them."""
    try:
        source = read_regular_text(module_file, SIZE_LIMIT)
    except (OSError, NotRegularFileError, ValueError):
        return frozenset()
    quotes, validates = may_quote(source), "match(" in source and "raise" in source
    if not (quotes or validates):  # (most modules: the text rules both out before a parse)
        return frozenset()
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    top_level = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    found = identifier_quoters(tree, source) if quotes else frozenset()
    if validates:
        found |= identifier_validators(tree)
    return found & top_level


# What `module_quoters` reads for a checked file: the modules of its package it imports.
quoter_modules_inputs = ImportedModulesInputs(module_quoters)


_NEWLINE = lazy_pattern(r"\r\n?|\n")
# What an identifier quoting function names: `.replace(` to double a quote, a pattern's `match(` or `fullmatch(`, or
# a test for a closing quote (`"]" in name`).
_QUOTING_WORDS = lazy_pattern(r"replace\(|match\(|[\"'][\]\"`][\"'] (?:not )?in\b")
# `_QUOTING_WORDS`' test for a closing quote alone: the other two are plain text, found by a substring search (the
# alternation tried at every position of a module's text cost more than all of the rule's walk of some modules).
_CLOSING_QUOTE_TEST = lazy_pattern(r"[\"'][\]\"`][\"'] (?:not )?in\b")
IDENTIFIER = "identifier"  # what a branch knows of the argument: an identifier pattern matched all of it


def may_quote(source: str) -> bool:
    """Whether a module's text names what an identifier quoting function needs (`identifier_quoters` finds none
    otherwise)."""
    return "replace(" in source or "match(" in source or _CLOSING_QUOTE_TEST.search(source) is not None


def _mentioned(lines: list[int], first: int, last: int) -> bool:
    """Whether one of the sorted line numbers `lines` lies in `first..last`."""
    index = bisect.bisect_left(lines, first)
    return index < len(lines) and lines[index] <= last


@dataclass(frozen=True)
class _Argument:
    """The argument a function quotes, and what tells of it: the module's patterns, the names the function binds
    (`escaped = name.replace(...)`), and the quoting functions it may call (imported ones)."""

    name: str
    patterns: dict[str, str]
    bound: dict[str, ast.expr]
    quoters: frozenset[str]
    parametric: dict[str, tuple[str, int]]

    def quoted_by_call(self, value: ast.expr) -> bool:
        """`escape(name)` of a known quoting function, or a name bound to one (`escaped = escape(name)`)."""
        if isinstance(value, ast.Name) and value.id != self.name:
            value = self.bound.get(value.id, value)
        if not (isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Name)
                and value.args[0].id == self.name):
            return False
        func = value.func
        called = func.id if isinstance(func, ast.Name) else f"{func.value.id}.{func.attr}" \
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else ""
        called = called if called in self.quoters else called.removeprefix("self.").removeprefix("cls.")
        if len(value.args) == 1 and called in self.quoters:
            return True
        parameter, position = self.parametric.get(called, ("", -1))
        given = [keyword.value for keyword in value.keywords if keyword.arg == parameter]
        if 0 < position < len(value.args):
            given.append(value.args[position])
        return len(given) == 1 and isinstance(given[0], ast.Constant) and given[0].value in IDENTIFIER_QUOTES \
            and IDENTIFIER_QUOTES[given[0].value] == given[0].value


def _quotes_identifier(function: ast.FunctionDef | ast.AsyncFunctionDef, patterns: dict[str, str],
                       quoters: frozenset[str], parametric: dict[str, tuple[str, int]]) -> bool:
    parameters = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args) if arg.arg not in ("self", "cls")]
    bound: dict[str, ast.expr] = {}
    argument = _Argument(parameters[0] if parameters else "", patterns, bound, quoters, parametric)
    rebound = False
    for node in own_ast_nodes(function.body):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bound[node.targets[0].id] = node.value  # `escaped = name.replace('"', '""')`, then quoted
        rebound = rebound or (isinstance(node, ast.Name) and node.id == argument.name and isinstance(node.ctx, ast.Store))
    returns = list(_guarded_returns(function.body, frozenset(), argument))
    return bool(returns) and all(
        value is not None and (_quoted(value, bound) or (not rebound and _guarded(value, known, argument)))
        for value, known in returns)


def _guarded_returns(block: list[ast.stmt], known: frozenset[str],
                     argument: _Argument) -> Iterator[tuple[ast.expr | None, frozenset[str]]]:
    """Each `return` of a block with what the branches it lies in know of the argument (`IDENTIFIER`, or a quote
    character it does not hold); after an `if` whose body always leaves, what its `else` knows holds on."""
    for statement in block:
        if isinstance(statement, ast.Return):
            yield statement.value, known
        elif isinstance(statement, ast.If):
            inside = known | _known_if(statement.test, True, argument)
            otherwise = known | _known_if(statement.test, False, argument)
            yield from _guarded_returns(statement.body, inside, argument)
            yield from _guarded_returns(statement.orelse, otherwise, argument)
            if statement.body and isinstance(statement.body[-1], (ast.Return, ast.Raise)):
                known = otherwise
        elif not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for field in BLOCK_FIELDS:
                inner = getattr(statement, field, None)
                if type(inner) is list:
                    for item in inner:
                        body = item.body if isinstance(item, (ast.ExceptHandler, ast.match_case)) else [item]
                        yield from _guarded_returns(body, known, argument)


def _known_if(test: ast.expr, holds: bool, argument: _Argument) -> frozenset[str]:
    """What `test` being true (`holds`) or false tells of the argument: `IDENTIFIER` for an identifier pattern
    matching all of it, or for a quoting function handing it back unchanged (`if escape(name) == name`), a closing
    quote for `'"' not in name` (true) or `']' in name` (false)."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _known_if(test.operand, not holds, argument)
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And if holds else ast.Or):
        return frozenset().union(*(_known_if(value, holds, argument) for value in test.values))
    if holds and matches_identifier(test, argument.name, argument.patterns):
        return frozenset({IDENTIFIER})
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return frozenset()
    left, operator, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(operator, ast.Eq if holds else ast.NotEq) and any(
            isinstance(side, ast.Name) and side.id == argument.name and argument.quoted_by_call(other)
            for side, other in ((left, right), (right, left))):
        return frozenset({IDENTIFIER})
    quote = left.value if isinstance(left, ast.Constant) else None
    if isinstance(quote, str) and quote in IDENTIFIER_QUOTES.values() and isinstance(right, ast.Name) \
            and right.id == argument.name and isinstance(operator, ast.NotIn if holds else ast.In):
        return frozenset({quote})
    return frozenset()


def _guarded(value: ast.expr, known: frozenset[str], argument: _Argument) -> bool:
    """The argument returned bare where it is known an identifier, between quotes it is known not to hold, or as a
    known quoting function returns it."""
    if isinstance(value, ast.Name) and value.id == argument.name:
        return IDENTIFIER in known
    if argument.quoted_by_call(value):
        return True
    pieces = _joined_pieces(value)
    if pieces is None or len(pieces) != 3:
        return False
    opening, inner, closing = pieces
    return isinstance(opening, str) and isinstance(closing, str) and IDENTIFIER_QUOTES.get(opening) == closing \
        and isinstance(inner, ast.Name) and inner.id == argument.name and (IDENTIFIER in known or closing in known)


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
