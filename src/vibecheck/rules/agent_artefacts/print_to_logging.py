"""VC505's print fix: a stray `print(...)` becomes a call on the module's logger, and the logger is defined once.

`print("Saved", path)` -> `logger.info("Saved %s", path)`: literal arguments go into the format (their `%`
doubled), the others become `%s` arguments, joined with `sep`; a single string or f-string is passed as it is (with
no arguments, logging does not %-format it). The level comes from the message's first word (`"DEBUG ..."`,
`"Warning: ..."`, `"Error ..."`), else `debug` in a function named for debugging, else `info`; inside an `except`
block an error (or a message with no level word) is logged with `exception`, which adds the traceback. The module's
logger is a top-level `NAME = logging.getLogger(...)` the file already has, or `logger`, added after the leading
imports (with `import logging` when it is missing).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.import_edits import reference, times_bound
from vibecheck.cst_fields import child_nodes
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import LineInsertion, RuleContext

# The first word of a message -> the logging method it asks for.
LEVEL_WORDS = {
    "debug": "debug", "dbg": "debug", "trace": "debug", "info": "info", "warning": "warning", "warn": "warning",
    "error": "error", "err": "error", "failed": "error", "failure": "error", "critical": "critical", "fatal": "critical",
}
FIRST_WORD = lazy_pattern(r"[A-Za-z]+")  # the first run of letters: `[WARN]` -> WARN
# `print` keywords that only shape the console line; dropped when they are literals.
LAYOUT_KEYWORDS = frozenset({"end", "flush"})
TEXT_NODES = (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)


@dataclass(frozen=True)
class ModuleLogger:
    """The logger's name, the edits that define it (none when the file has one), and the index of the top-level
    statement after which it exists (-1: before everything): module-level prints up to it cannot use it."""

    name: str
    replacements: tuple[tuple[LineInsertion, str], ...]
    defined_after: int


def module_logger(context: RuleContext) -> ModuleLogger | None:
    """The file's logger, or how to add one; None when `logger` or `logging` name something else here."""
    body = context.module.body
    for index, statement in enumerate(body):
        for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if (isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name)
                    and isinstance(small.value, cst.Call) and context.qualified_name(small.value) == "logging.getLogger"):
                name = small.targets[0].target.value
                return ModuleLogger(name, (), index) if times_bound(context, name) == 1 else None
    get_logger = reference(context, "logging", "getLogger")
    if get_logger is None or times_bound(context, "logger") != 0 or _reads(context, "logger"):
        return None  # `logger` is bound here, or read from a `from x import *`: a new one would replace it
    newline = context.module.default_newline
    definition = f"logger = {get_logger.spelling}(__name__){newline}"
    last_import = _last_leading_import(body)
    imported_at = _binding_import(body, get_logger.spelling.split(".")[0])
    if last_import is None and imported_at is None:  # no import at all: `import logging` and the logger together
        insertion, line = get_logger.replacements[0]
        if insertion.after:
            anchor = next(i for i, statement in enumerate(body) if statement is insertion.anchor)
            return ModuleLogger("logger", ((insertion, line + newline + definition),), anchor)
        return ModuleLogger("logger", ((insertion, line + definition + newline),), -1)
    index = max(i for i in (last_import, imported_at) if i is not None)
    place = LineInsertion(body[index], after=True)
    added = get_logger.replacements
    if added and added[0][0].anchor is place.anchor and added[0][0].after:  # one insertion: the import, then the logger
        return ModuleLogger("logger", ((place, added[0][1] + newline + definition),), index)
    return ModuleLogger("logger", (*added, (place, newline + definition)), index)


def logging_call(call: cst.Call, logger: str, *, in_handler: bool, in_debug_code: bool) -> cst.Call | None:
    """The logger call that says what `call` (a `print`) printed; None when it cannot say it exactly.

    `in_handler`: directly inside an `except` block; `in_debug_code`: in a function named for debugging
    (`_debug_schema`), whose output is debug output.
    """
    if any(arg.star for arg in call.args):
        return None
    positional = [arg for arg in call.args if arg.keyword is None]
    keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}
    separator = keywords.pop("sep", None)
    sep = " " if separator is None or (isinstance(separator, cst.Name) and separator.value == "None") else _text(separator)
    if not positional or sep is None or set(keywords) - LAYOUT_KEYWORDS or not all(map(_is_literal, keywords.values())):
        return None
    named = LEVEL_WORDS.get(_first_word(positional[0].value))
    default = "debug" if in_debug_code else "info"
    level = "exception" if in_handler and named in (None, "error", "critical") else named or default
    func = cst.Attribute(cst.Name(logger), cst.Name(level))
    if len(positional) == 1 and _builds_text(positional[0].value) and _text(positional[0].value) != "":
        return call.with_changes(func=func, args=[positional[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)])
    texts = [_text(arg.value) for arg in positional]
    rest = [arg.value for arg, text in zip(positional, texts, strict=True) if text is None]
    if not rest:
        message = sep.join(t for t in texts if t is not None)
    else:
        message = sep.replace("%", "%%").join("%s" if t is None else t.replace("%", "%%") for t in texts)
    quote = next((arg.value.quote[0] for arg in positional if isinstance(arg.value, cst.SimpleString)), '"')
    values = [cst.SimpleString(_literal(message, quote)), *rest]
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return call.with_changes(func=func, args=[cst.Arg(value, comma=comma if i < len(values) - 1 else cst.MaybeSentinel.DEFAULT)
                                              for i, value in enumerate(values)])


def _reads(context: RuleContext, name: str) -> bool:
    tree = context.python_ast()
    return tree is None or any(isinstance(node, ast.Name) and node.id == name for node in ast.walk(tree))


def _builds_text(node: cst.BaseExpression) -> bool:
    """A string, an f-string, or text built from a string literal (`"%s done" % name`, `"a" + b`, `"{}".format(x)`):
    passed to the logger as it is, the message (logging formats nothing without arguments)."""
    if isinstance(node, TEXT_NODES):
        return True
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, (cst.Modulo, cst.Add)):
        return isinstance(node.left, TEXT_NODES) or _builds_text(node.left)
    return (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in ("format", "join")
            and isinstance(node.func.value, TEXT_NODES))


def _text(node: cst.BaseExpression) -> str | None:
    """The text of a plain string literal (not bytes, not an f-string)."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _is_literal(node: cst.BaseExpression) -> bool:
    return isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)) or (
        isinstance(node, cst.Name) and node.value in ("True", "False", "None"))


def _first_word(node: cst.BaseExpression) -> str:
    text = _text(node)
    if text is None and isinstance(node, cst.FormattedString) and node.parts:
        first = node.parts[0]
        text = first.value if isinstance(first, cst.FormattedStringText) else None
    match = FIRST_WORD.search(text or "")
    return match.group().lower() if match else ""


def _literal(text: str, quote: str) -> str:
    """`text` as a Python string literal, in `quote` when it needs no escaping for it."""
    written = repr(text)
    if quote == '"' and written.startswith("'") and '"' not in text:
        return '"' + written[1:-1].replace("\\'", "'") + '"'
    return written


def _last_leading_import(body: Sequence[cst.BaseStatement]) -> int | None:
    """The index of the last import of the module's leading block (docstring, imports, import-only `try`/`if`)."""
    last = None
    for index, statement in enumerate(body):
        if isinstance(statement, cst.SimpleStatementLine):
            smalls = statement.body
            if all(isinstance(s, (cst.Import, cst.ImportFrom)) for s in smalls):
                last = index
            elif not (index == 0 and len(smalls) == 1 and isinstance(smalls[0], cst.Expr)
                      and isinstance(smalls[0].value, (cst.SimpleString, cst.ConcatenatedString))):
                break
        elif isinstance(statement, (cst.Try, cst.If)) and _only_imports(statement):
            last = index
        else:
            break
    return last


def _only_imports(statement: cst.CSTNode) -> bool:
    """A `try`/`if` whose simple statements are all imports, `pass` or assignments (`HAS_YAML = False`)."""
    pending: list[cst.CSTNode] = [statement]
    while pending:
        node = pending.pop()
        if isinstance(node, cst.SimpleStatementLine):
            if not all(isinstance(s, (cst.Import, cst.ImportFrom, cst.Pass, cst.Assign)) for s in node.body):
                return False
        elif isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.SimpleStatementSuite)):
            return False
        else:
            pending.extend(child_nodes(node))
    return True


def _binding_import(body: Sequence[cst.BaseStatement], name: str) -> int | None:
    """The index of the top-level import line that binds `name` (`import logging`, `from logging import getLogger`)."""
    for index, statement in enumerate(body):
        for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(small.names, cst.ImportStar):
                for alias in small.names:
                    bound = get_full_name_for_node(alias.asname.name if alias.asname is not None else alias.name)
                    if (bound or "").split(".")[0] == name:
                        return index
    return None
