"""The module's own SQL identifier validation: functions that hand back their argument only after a pattern of
identifier characters matched all of it, and raise otherwise (`if not _SAFE_IDENT.match(name): raise ValueError(...)`,
then `return name`). A table or column name that passed one holds no quote, space or semicolon to end the name, as one
that a driver's `quote_ident` quoted."""

from __future__ import annotations

import ast

from vibecheck.ast_fields import own_ast_nodes

REGEX_MATCHERS = frozenset({"match", "fullmatch"})
# Escapes an identifier pattern may use: word characters, digits, and escaped name punctuation.
NAME_ESCAPES = frozenset({"w", "d", ".", "-", "$", "_"})
NAME_PUNCTUATION = frozenset("_.$-")
QUANTIFIERS = frozenset("*+?{},0123456789")


def identifier_validators(tree: ast.Module) -> frozenset[str]:
    """The names of the functions and methods of a module that return their argument only once it is an identifier."""
    patterns = module_patterns(tree)
    return frozenset(node.name for node in defined_functions(tree) if _validates(node, patterns))


# The fields of a statement (or an `except` handler, a `case`) that hold statements, handlers or cases: a function is
# defined only in a block.
BLOCK_FIELDS = ("body", "orelse", "finalbody", "handlers", "cases")


def defined_functions(tree: ast.Module) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions and methods a module defines, found by a walk of its blocks alone (a function is defined only
    in one): the statements, not every node of the tree."""
    found = []
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found.append(node)
        for field in BLOCK_FIELDS:
            block = getattr(node, field, None)
            if type(block) is list:
                pending.extend(block)
    return found


def module_patterns(tree: ast.Module) -> dict[str, str]:
    """Module constants bound to a pattern's text or to `re.compile(<text>)`."""
    found = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            text = _pattern_text(statement.value, {})
            if text is not None:
                found[statement.targets[0].id] = text
    return found


def _pattern_text(node: ast.expr, patterns: dict[str, str]) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Name):
        return patterns.get(node.id)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "compile" and node.args:
        return _pattern_text(node.args[0], patterns)
    return None


def _validates(function: ast.FunctionDef | ast.AsyncFunctionDef, patterns: dict[str, str]) -> bool:
    """Every return hands back the first parameter, and an `if not <pattern>.match(parameter): raise ...` comes first."""
    parameters = [arg.arg for arg in function.args.args if arg.arg not in ("self", "cls")]
    if not parameters:
        return False
    name = parameters[0]
    if not any(isinstance(statement, ast.If) and statement.body and isinstance(statement.body[-1], ast.Raise)
               and _refuses_non_identifier(statement.test, name, patterns) for statement in function.body):
        return False  # (asked first: it reads the top-level statements only, the returns need a walk of the body)
    returns = [node for node in own_ast_nodes(function.body) if isinstance(node, ast.Return)]
    return bool(returns) and all(isinstance(r.value, ast.Name) and r.value.id == name for r in returns)


def _refuses_non_identifier(test: ast.expr, name: str, patterns: dict[str, str]) -> bool:
    """`not PATTERN.match(name)`, `not re.fullmatch(PATTERN, name)` with an anchored pattern of identifier characters."""
    return isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) \
        and matches_identifier(test.operand, name, patterns)


def matches_identifier(call: ast.expr, name: str, patterns: dict[str, str]) -> bool:
    """`PATTERN.match(name)`, `re.fullmatch(PATTERN, name)` with an anchored pattern of identifier characters
    (`patterns`: the module's constants bound to a pattern, `module_patterns`)."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in REGEX_MATCHERS):
        return False
    if isinstance(call.func.value, ast.Name) and call.func.value.id == "re" and len(call.args) >= 2:
        pattern, subject = _pattern_text(call.args[0], patterns), call.args[1]
    elif len(call.args) == 1:
        pattern, subject = _pattern_text(call.func.value, patterns), call.args[0]
    else:
        return False
    whole = call.func.attr == "fullmatch"
    return isinstance(subject, ast.Name) and subject.id == name and pattern is not None and _names_only(pattern, whole)


def _names_only(pattern: str, whole: bool) -> bool:
    """An anchored pattern made of character classes of letters, digits and `_.$-` and their quantifiers."""
    if pattern.startswith("^"):
        pattern = pattern[1:]
    elif not whole:
        return False
    if pattern.endswith(("$", r"\Z")):
        pattern = pattern[:-2] if pattern.endswith(r"\Z") else pattern[:-1]
    elif not whole:
        return False
    index, in_class = 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if pattern[index + 1:index + 2] not in NAME_ESCAPES:
                return False
            index += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
            elif char == "^" and pattern[index - 1] == "[":
                return False  # a negated class lets everything else in
            elif not (char.isalnum() or char in NAME_PUNCTUATION):
                return False
        elif char == "[":
            in_class = True
        elif not (char.isalnum() or char == "_" or char in QUANTIFIERS):
            return False
        index += 1
    return not in_class
