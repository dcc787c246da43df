"""Values of literal nodes, computed without raising and without recursion.

libcst parses literals that Python rejects (`"\\N{no such name}"`, a 5,000-digit integer), and its
`evaluated_value` raises on them; it also joins implicit concatenations recursively, which overflows the
stack on generated files with a thousand adjacent strings (`pydoc_data/topics.py`). Every reader of a
literal's value goes through here, so one bad literal cannot crash a rule.
"""

from __future__ import annotations

import libcst as cst

Literal = str | bytes | int | float | complex
# Exact types: libcst's concrete node classes have no subclasses, and `isinstance` against them goes through ABCMeta.
_NUMBER_OR_STRING = frozenset({cst.SimpleString, cst.Integer, cst.Float, cst.Imaginary})
_STRINGS = frozenset({cst.SimpleString, cst.ConcatenatedString})
# Per literal node: its value. Many rules read the same literals, and libcst's `evaluated_value` runs
# `ast.literal_eval` (a compile) each time. The entry keeps the node, so its id is not reused while it is
# there; the table is emptied when it reaches the limit (it then holds mostly earlier files' literals).
_VALUES: dict[int, tuple[cst.CSTNode | None, Literal | None]] = {}
_VALUES_LIMIT = 50_000


def literal_value(node: cst.CSTNode | None) -> Literal | None:
    """The value of a string, bytes or number literal (implicit concatenations joined); None when it has no
    constant value (an f-string part, bytes joined to text) or Python would reject it."""
    if type(node) is cst.ConcatenatedString:
        return _concatenated_value(node)
    if type(node) in _NUMBER_OR_STRING:
        entry = _VALUES.get(id(node))
        if entry is not None and entry[0] is node:
            return entry[1]
        value = _plain_text(node.value) if type(node) is cst.SimpleString else None  # type: ignore[union-attr]
        if value is None:
            try:
                value = node.evaluated_value  # type: ignore[union-attr]
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                value = None
        if len(_VALUES) >= _VALUES_LIMIT:
            _VALUES.clear()
        _VALUES[id(node)] = (node, value)
        return value
    return None


# The prefixes of a text literal whose body is its value as written: with no backslash in it, or raw.
_PLAIN_PREFIXES = frozenset({"", "u", "U"})
_RAW_PREFIXES = frozenset({"r", "R"})


def _plain_text(literal: str) -> str | None:
    """The value of a text literal that needs no parser to read (`"users"`, `r"[a-z]+"`, a triple-quoted
    docstring): no escape sequence and no carriage return (which the tokenizer turns into a newline); None for
    any other literal, left to `ast.literal_eval`. Most literals are plain, and the parser costs a compile each."""
    quote_at = next((i for i, character in enumerate(literal) if character in "'\""), None)
    if quote_at is None:
        return None
    prefix = literal[:quote_at]
    raw = prefix in _RAW_PREFIXES
    if not raw and prefix not in _PLAIN_PREFIXES:
        return None
    quote = literal[quote_at] * 3
    if not (literal.startswith(quote, quote_at) and len(literal) - quote_at >= 6):
        quote = literal[quote_at]
    body = literal[quote_at + len(quote):len(literal) - len(quote)]
    if "\r" in body or (not raw and "\\" in body):
        return None
    return body


def string_value(node: cst.CSTNode | None) -> str | None:
    """The text of a string literal, bytes decoded as latin-1; None for anything else."""
    value = literal_value(node) if type(node) in _STRINGS else None
    if type(value) is bytes:
        return value.decode("latin-1")
    return value if type(value) is str else None


def text_value(node: cst.CSTNode | None) -> str | None:
    """The text of a `str` literal (not bytes); None for anything else."""
    value = literal_value(node) if type(node) in _STRINGS else None
    return value if type(value) is str else None


def _concatenated_value(node: cst.ConcatenatedString) -> str | bytes | None:
    texts: list[str] = []
    blobs: list[bytes] = []
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.ConcatenatedString:
            pending.extend((current.right, current.left))  # type: ignore[attr-defined]
            continue
        value = literal_value(current) if type(current) is cst.SimpleString else None
        if isinstance(value, str) and not blobs:
            texts.append(value)
        elif isinstance(value, bytes) and not texts:
            blobs.append(value)
        else:
            return None  # an f-string part, an invalid literal, or bytes next to text (a SyntaxError)
    return b"".join(blobs) if blobs else "".join(texts)


def module_texts(module: cst.Module) -> dict[str, str]:
    """The names the module binds, at its top level, to a `str` literal (`ADMIN_PREFIX = "/admin"`, `PREFIX: Final =
    "/internal"`): what a route's prefix or path may be given as. A name bound more than once at the top level (to
    anything) is left out: which value a use sees is not known."""
    found: dict[str, str | None] = {}
    for line in module.body:
        for small in line.body if type(line) is cst.SimpleStatementLine else ():
            if type(small) is cst.Assign and len(small.targets) == 1:
                target, value = small.targets[0].target, small.value
            elif type(small) is cst.AnnAssign and small.value is not None:
                target, value = small.target, small.value
            else:
                continue
            if type(target) is cst.Name:
                text = text_value(value)
                found[target.value] = text if target.value not in found else None
    return {name: text for name, text in found.items() if text is not None}


def path_text(node: cst.CSTNode | None, constants: dict[str, str]) -> str | None:
    """The text of a route path or prefix: a string literal, a module constant a name stands for (`ADMIN_PREFIX`), or
    an f-string's literal parts with the constants it names (`f"{settings.API_V1_STR}/admin"` -> `/admin`). What is not
    known adds nothing, so a segment it holds says nothing of the route; None when nothing at all is known."""
    if type(node) is cst.Name:
        return constants.get(node.value)
    if type(node) is not cst.FormattedString:
        return text_value(node)
    parts = []
    for part in node.parts:
        if type(part) is cst.FormattedStringText:
            parts.append(part.value)
        elif type(part) is cst.FormattedStringExpression and type(part.expression) is cst.Name:
            parts.append(constants.get(part.expression.value, ""))
    text = "".join(parts)
    return text if text and "\\" not in text and "{" not in text else None
