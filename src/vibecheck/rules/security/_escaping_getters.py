"""A project's Tornado base handler whose argument getters HTML-escape what they return (flower's `BaseHandler`).

Flower overrides `get_argument` to pass every value through `tornado.escape.xhtml_escape` unless a caller asks for
the raw text (`escape=False`). A handler that derives from it, in any module, gets escaped text from
`self.get_argument(...)`: no script survives into the HTML it writes, though the text is still any SQL, command or
path. VC411 reports such a read with `unless=(ESCAPED_GETTER, "Class.method")`, and each file records the getter
overrides of its top-level classes (`GETTERS_FACT`); the project phase follows the reading class's bases
(`class_bases.ClassIndex`) to the nearest override and clears the finding when that one escapes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import libcst as cst

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.class_bases import ClassIndex
from vibecheck.cst_fields import walk_own

# The kind of a VC411 finding whose client text a project getter override may have escaped (`Rule.report(unless=)`).
ESCAPED_GETTER = "escaped-getter"
# Per file: top-level class -> getter it overrides -> {"escapes": bool, "switches": its parameters defaulting to True}.
GETTERS_FACT = "vibecheck.vc411.escaping_getters"
# A Tornado handler's readers of one argument or of a list of them.
GETTERS = frozenset({"get_argument", "get_query_argument", "get_body_argument",
                     "get_arguments", "get_query_arguments", "get_body_arguments"})
# HTML escapers an override may call besides the rule's sanitisers: Tornado's own.
TORNADO_ESCAPERS = frozenset({"tornado.escape.xhtml_escape"})

Qualify = Callable[[cst.CSTNode], "str | None"]
_INDEX: list[tuple[Any, ClassIndex, dict[str, Any]]] = []


def getter_overrides(module: cst.Module, qualified: Qualify, escapers: frozenset[str]) -> dict[str, dict[str, Any]]:
    """The module's top-level classes that override a getter, with whether each override escapes its result."""
    found: dict[str, dict[str, Any]] = {}
    for statement in module.body:
        if type(statement) is not cst.ClassDef or not isinstance(statement.body, cst.IndentedBlock):
            continue
        for method in statement.body.body:
            if type(method) is cst.FunctionDef and method.name.value in GETTERS:
                found.setdefault(statement.name.value, {})[method.name.value] = {
                    "escapes": _escapes_result(method, qualified, escapers | TORNADO_ESCAPERS),
                    "switches": sorted(p.name.value for p in (*method.params.params, *method.params.kwonly_params)
                                       if type(p.default) is cst.Name and p.default.value == "True")}
    return found


def _escapes_result(function: cst.FunctionDef, qualified: Qualify, escapers: frozenset[str]) -> bool:
    """Every `return` hands back `None`, an escaper's result, or a name once bound to one (`arg = xhtml_escape(arg)`;
    `[escape(v) for v in values]`), and the body ends in a return."""
    def escaped(value: cst.BaseExpression) -> bool:
        if type(value) is cst.ListComp:
            value = value.elt
        return type(value) is cst.Call and (qualified(value) or "") in escapers

    nodes = list(walk_own(function.body))
    names = {target.target.value for node in nodes if type(node) is cst.Assign and escaped(node.value)
             for target in node.targets if type(target.target) is cst.Name}
    returns = [node.value for node in nodes if type(node) is cst.Return]
    last = function.body.body[-1] if isinstance(function.body, cst.IndentedBlock) else None
    ends_in_return = type(last) is cst.SimpleStatementLine and type(last.body[-1]) is cst.Return
    return bool(names or returns) and ends_in_return and all(
        value is None or (type(value) is cst.Name and (value.value in names or value.value == "None"))
        or escaped(value) for value in returns)


def escaped_read_subject(origin: str, class_name: str) -> str | None:
    """`Class.method` (with `|kw,...` for the keywords it passes as `False`) when a taint's origin is a getter read on
    `self` (`self.get_argument('queue', required=True)`); None for any other origin, or one shortened for messages."""
    try:
        call = cst.parse_expression(origin)
    except cst.ParserSyntaxError:
        return None
    if type(call) is not cst.Call:
        return None
    func = call.func
    if type(func) is not cst.Attribute or type(func.value) is not cst.Name or func.value.value != "self" \
            or func.attr.value not in GETTERS:
        return None
    turned_off = [a.keyword.value for a in call.args
                  if a.keyword is not None and type(a.value) is cst.Name and a.value.value == "False"]
    subject = f"{class_name}.{func.attr.value}"
    return f"{subject}|{','.join(turned_off)}" if turned_off else subject


def escaped_by_override(project: Any, relative: str, subject: str) -> bool:
    """The nearest class in the reading class's ancestry that overrides the getter escapes its result, and the read
    turned off none of that override's switches (`escape=False`)."""
    read, _, turned_off = subject.partition("|")
    class_name, _, method = read.rpartition(".")
    index, overrides = _project_index(project)
    ancestry = index.ancestry("@" + class_name, module_name(relative))
    for qualified in ancestry.classes if ancestry is not None else ():
        module, _, name = qualified.rpartition(".")
        override = overrides.get(module, {}).get(name, {}).get(method)
        if override is not None:
            return bool(override["escapes"]) and not set(turned_off.split(",")) & set(override["switches"])
    return False


def _project_index(project: Any) -> tuple[ClassIndex, dict[str, Any]]:
    if not _INDEX or _INDEX[0][0] is not project:
        overrides = {module_name(project.relative_path(path)): found for path, found in project.facts(GETTERS_FACT)}
        _INDEX[:] = [(project, ClassIndex(project), overrides)]
    return _INDEX[0][1], _INDEX[0][2]
