"""A project's Tornado base handler whose argument getters HTML-escape what they return (flower's `BaseHandler`).

Flower overrides `get_argument` to pass every value through `tornado.escape.xhtml_escape` unless a caller asks for
the raw text (`escape=False`). A handler that derives from it, in any module, gets escaped text from
`self.get_argument(...)`: no script survives into the HTML it writes, though the text is still any SQL, command or
path. VC411 reports a value whose client data was all read through such getters (`flow.HandlerRead`) with
`unless=(ESCAPED_GETTER, "Class.method;...")`, and each file records the getter overrides of its top-level classes
(`GETTERS_FACT`); the project phase follows the reading class's bases (`class_bases.ClassIndex`) to the nearest
override of each getter, past overrides that hand back the base's result (`return super().get_argument(name)`), and
clears the finding when every read lands on one that escapes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import libcst as cst

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.class_bases import ClassIndex
from vibecheck.cst_fields import walk_own

# The kind of a VC411 finding whose client text a project getter override may have escaped (`Rule.report(unless=)`).
ESCAPED_GETTER = "escaped-getter"
# Per file: top-level class -> getter it overrides -> {"returns": RETURNS_*, "switches": its parameters defaulting to
# True}.
GETTERS_FACT = "vibecheck.vc411.escaping_getters"
# What an override hands back: escaped text, the overridden getter's own result (`super().get_argument(name)`), or
# anything else.
RETURNS_ESCAPED, RETURNS_BASE, RETURNS_RAW = "escaped", "base", "raw"
# Between the getter reads of one subject (`Handler.get_argument;Handler.get_arguments|escape`).
READS_SEPARATOR = ";"
# A Tornado handler's readers of one argument or of a list of them.
GETTERS = frozenset({"get_argument", "get_query_argument", "get_body_argument",
                     "get_arguments", "get_query_arguments", "get_body_arguments"})
# HTML escapers an override may call besides the rule's sanitisers: Tornado's own.
TORNADO_ESCAPERS = frozenset({"tornado.escape.xhtml_escape"})

# What binds the name it holds as `target` besides `=`: `for`, `+=`, `:=`, an annotated assignment.
TARGET_BINDERS = (cst.AnnAssign, cst.AugAssign, cst.For, cst.NamedExpr, cst.CompFor)

Qualify = Callable[[cst.CSTNode], "str | None"]
_INDEX: list[tuple[Any, ClassIndex, dict[str, Any]]] = []


def getter_overrides(module: cst.Module, qualified: Qualify, escapers: frozenset[str]) -> dict[str, dict[str, Any]]:
    """The module's top-level classes that override a getter, with what each override returns."""
    found: dict[str, dict[str, Any]] = {}
    for statement in module.body:
        if type(statement) is not cst.ClassDef or not isinstance(statement.body, cst.IndentedBlock):
            continue
        for method in statement.body.body:
            if type(method) is cst.FunctionDef and method.name.value in GETTERS:
                found.setdefault(statement.name.value, {})[method.name.value] = {
                    "returns": _returned(method, qualified, escapers | TORNADO_ESCAPERS),
                    "switches": sorted(p.name.value for p in (*method.params.params, *method.params.kwonly_params)
                                       if type(p.default) is cst.Name and p.default.value == "True")}
    return found


def _returned(function: cst.FunctionDef, qualified: Qualify, escapers: frozenset[str]) -> str:
    """RETURNS_ESCAPED when every `return` hands back `None`, an escaper's result, or a name once bound to one
    (`arg = xhtml_escape(arg)`; `[escape(v) for v in values]`); RETURNS_BASE when some hand back instead the
    overridden getter's result, turning nothing off (`return super().get_argument(name, default)`), or a name only
    ever bound to it; else (or when the body does not end in a return) RETURNS_RAW."""
    def escaped(value: cst.BaseExpression) -> bool:
        if type(value) is cst.ListComp:
            value = value.elt
        return type(value) is cst.Call and (qualified(value) or "") in escapers

    nodes = list(walk_own(function.body))
    names = {target.target.value for node in nodes if type(node) is cst.Assign and escaped(node.value)
             for target in node.targets if type(target.target) is cst.Name}
    base_names = _bound_only_to_base(nodes, function.name.value)
    returns = [node.value for node in nodes if type(node) is cst.Return]
    last = function.body.body[-1] if isinstance(function.body, cst.IndentedBlock) else None
    if not returns or type(last) is not cst.SimpleStatementLine or type(last.body[-1]) is not cst.Return:
        return RETURNS_RAW

    def kind(value: cst.BaseExpression | None) -> str:
        name = value.value if type(value) is cst.Name else None
        if value is None or escaped(value) or name in names or name == "None":
            return RETURNS_ESCAPED
        return RETURNS_BASE if _base_result(value, function.name.value) or name in base_names else RETURNS_RAW

    kinds = {kind(value) for value in returns}
    return RETURNS_RAW if RETURNS_RAW in kinds else RETURNS_BASE if RETURNS_BASE in kinds else RETURNS_ESCAPED


def _base_result(value: cst.BaseExpression | None, method: str) -> bool:
    """`super().get_argument(name)` (or `super(Handler, self)....`) of the overridden getter, with no argument `False`
    (`escape=False` would ask the base for the raw text)."""
    if type(value) is not cst.Call or type(value.func) is not cst.Attribute or value.func.attr.value != method:
        return False
    receiver = value.func.value
    return type(receiver) is cst.Call and type(receiver.func) is cst.Name and receiver.func.value == "super" \
        and not any(type(arg.value) is cst.Name and arg.value.value == "False" for arg in value.args)


def _bound_only_to_base(nodes: list[cst.CSTNode], method: str) -> set[str]:
    """The names every binding of which in the override is the overridden getter's result (`_base_result`)."""
    only_base: dict[str, bool] = {}
    for node in nodes:
        bindings: list[tuple[cst.BaseExpression, bool]]
        if type(node) is cst.Assign:
            bindings = [(target.target, _base_result(node.value, method)) for target in node.targets]
        elif isinstance(node, TARGET_BINDERS):
            bindings = [(node.target, type(node) is cst.AnnAssign and _base_result(node.value, method))]
        elif type(node) is cst.AsName:
            bindings = [(node.name, False)]
        else:
            continue
        for target, base in bindings:
            if type(target) is cst.Name:
                only_base[target.value] = only_base.get(target.value, True) and base
    return {name for name, base in only_base.items() if base}


def read_subject(reads: tuple[cst.Call, ...], class_name: str) -> str | None:
    """`Class.method` (with `|kw,...` for the keywords it passes as `False`) for each getter read on `self`
    (`self.get_argument('queue', escape=False)`), joined by READS_SEPARATOR; None when any read is of another method
    (`get_cookie`) or on another receiver."""
    subjects: list[str] = []
    for call in reads:
        func = call.func
        if type(func) is not cst.Attribute or type(func.value) is not cst.Name or func.value.value != "self" \
                or func.attr.value not in GETTERS:
            return None
        turned_off = [a.keyword.value for a in call.args
                      if a.keyword is not None and type(a.value) is cst.Name and a.value.value == "False"]
        subject = f"{class_name}.{func.attr.value}"
        subjects.append(f"{subject}|{','.join(turned_off)}" if turned_off else subject)
    return READS_SEPARATOR.join(dict.fromkeys(subjects)) or None


def escaped_by_override(project: Any, relative: str, subject: str) -> bool:
    """Every read of `subject` (`read_subject`) lands, through the reading class's ancestry, on an override of its
    getter that escapes its result, past the nearer ones that hand back the base's (`RETURNS_BASE`), and the read
    turned off none of the switches of the overrides on the way (`escape=False`)."""
    index, overrides = _project_index(project)
    for read in subject.split(READS_SEPARATOR):
        read, _, turned_off = read.partition("|")
        class_name, _, method = read.rpartition(".")
        ancestry = index.ancestry("@" + class_name, module_name(relative))
        if not _lands_escaped(ancestry.classes if ancestry is not None else (), overrides, method,
                              set(turned_off.split(",")) if turned_off else set()):
            return False
    return True


def _lands_escaped(classes: Iterable[str], overrides: dict[str, Any], method: str, turned_off: set[str]) -> bool:
    """The first of `classes` (an ancestry, nearest first) whose override of `method` does not hand back the base's
    result escapes it, and no override on the way has a switch the read turned off."""
    for qualified in classes:
        module, _, name = qualified.rpartition(".")
        override = overrides.get(module, {}).get(name, {}).get(method)
        if override is None:
            continue
        if turned_off & set(override.get("switches", ())):
            return False
        returns = override.get("returns")
        if returns != RETURNS_BASE:
            return returns == RETURNS_ESCAPED
    return False


def _project_index(project: Any) -> tuple[ClassIndex, dict[str, Any]]:
    if not _INDEX or _INDEX[0][0] is not project:
        overrides = {module_name(project.relative_path(path)): found for path, found in project.facts(GETTERS_FACT)}
        _INDEX[:] = [(project, ClassIndex(project), overrides)]
    return _INDEX[0][1], _INDEX[0][2]
