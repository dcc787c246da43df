"""The options a call takes from a dict it unpacks: `Client(**CLIENT_OPTIONS)`, `app.run(**options)`.

Agents gather a client's or a server's options into one dict (at module level, or in the `__main__` block just above
the call) and unpack it, or hand the dict itself to a settings writer (`app.config.from_mapping(CONFIG)`): a switch
given there (`"verify": False`, `"debug": True`) does what the same keyword written in the call does.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import libcst as cst

from vibecheck.analysis.flow import dotted_name, string_value
from vibecheck.patterns import lazy_pattern

Resolver = Callable[[cst.BaseExpression], cst.BaseExpression | None]


def dict_entries(value: cst.BaseExpression) -> list[tuple[str, cst.BaseExpression]]:
    """(key, value node) of a dict literal with text keys or of a `dict(key=...)` call; empty for anything else."""
    if type(value) is cst.Call and dotted_name(value.func) == "dict":
        return [(arg.keyword.value, arg.value) for arg in value.args if arg.keyword is not None]
    if type(value) is cst.Dict:
        return [(key, element.value) for element in value.elements
                if type(element) is cst.DictElement and (key := string_value(element.key)) is not None]
    return []


def rewritten(name: str, source: str) -> bool:
    """Whether the module's text changes the dict `name` after binding it (`OPTIONS["verify"] = ca_bundle`,
    `OPTIONS.update(...)`, `del OPTIONS[key]`, `OPTIONS |= ...`): its literal no longer says what a call unpacks."""
    escaped = re.escape(name)
    return re.search(rf"(?<![\w.]){escaped}\s*(?:\[[^\]\n]*\]\s*(?:[-+|]?=(?!=))|\.(?:update|setdefault|pop|clear)\(|\|=)"
                     rf"|\bdel\s+{escaped}\s*\[", source) is not None


# A module-level constant's name (`CLIENT_OPTIONS`): the module's text speaks of that one dict wherever it names it (a
# local `options` may be another function's).
MODULE_CONSTANT = lazy_pattern(r"^_?[A-Z][A-Z0-9_]*$")


def _unpacked_dict(arg: cst.Arg, resolve: Resolver, source: str) -> cst.BaseExpression | None:
    """The dict literal (or `dict(...)`) a `**` argument unpacks; None when it is a module constant the module's text
    rewrites."""
    if type(arg.value) is not cst.Name:
        return arg.value
    name = arg.value.value
    value = resolve(arg.value)  # (first: most unpacked names resolve to nothing, and `rewritten` searches the whole text)
    return None if value is None or (source and MODULE_CONSTANT.match(name) and rewritten(name, source)) else value


def unpacked_option(call: cst.Call, name: str, resolve: Resolver, source: str = "") -> cst.BaseExpression | None:
    """The value of the entry `name` of a dict the call unpacks (`**options`, a name `resolve` follows to a dict
    literal or `dict(...)` that `source` does not rewrite, or the literal itself); None when no unpacked dict holds
    it."""
    for arg in call.args:
        if arg.star != "**":
            continue
        value = _unpacked_dict(arg, resolve, source)
        found = next((entry for key, entry in dict_entries(value) if key == name), None) if value is not None else None
        if found is not None:
            return found
    return None


def module_bindings(module: cst.Module) -> dict[str, cst.BaseExpression]:
    """Names bound exactly once at module level (also in a top-level `if` block, such as the `__main__` guard), to the
    value they are bound to: the dicts a module's calls may unpack."""
    values: dict[str, cst.BaseExpression] = {}
    counts: dict[str, int] = {}
    statements: list[cst.BaseStatement] = list(module.body)
    while statements:
        statement = statements.pop()
        if type(statement) is cst.If and type(statement.body) is cst.IndentedBlock:
            statements.extend(statement.body.body)
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            value = small.value if type(small) is cst.Assign else None
            targets = [t.target for t in small.targets] if isinstance(small, cst.Assign) else \
                [small.target] if isinstance(small, (cst.AnnAssign, cst.AugAssign)) else []
            for target in targets:
                if type(target) is cst.Name:
                    counts[target.value] = counts.get(target.value, 0) + 1
                    if value is not None:
                        values[target.value] = value
    return {name: value for name, value in values.items() if counts[name] == 1}


def passed_keywords(call: cst.Call, resolve: Resolver, source: str = "") -> dict[str, cst.BaseExpression] | None:
    """Every keyword a call passes, written or from the dicts it unpacks (`**COOKIE_FLAGS`, followed by `resolve` to
    a dict literal or `dict(...)` that `source` does not rewrite; a written keyword wins); None when it unpacks
    anything else (`*args`, `**kwargs` of unknown content), whose keywords cannot be seen."""
    found: dict[str, cst.BaseExpression] = {}
    for arg in call.args:
        if arg.star == "*":
            return None
        if arg.star == "**":
            value = _unpacked_dict(arg, resolve, source)
            entries = dict_entries(value) if value is not None else []
            if not entries:
                return None
            found.update(entries)
    found.update((arg.keyword.value, arg.value) for arg in call.args if arg.keyword is not None)
    return found
