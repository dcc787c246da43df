"""A project's Tornado base handler whose argument getters HTML-escape what they return (flower's `BaseHandler`).

Flower overrides `get_argument` to pass every value through `tornado.escape.xhtml_escape` unless a caller asks for
the raw text (`escape=False`). A handler that derives from it, in any module, gets escaped text from
`self.get_argument(...)`: no script survives into the HTML it writes, though the text is still any SQL, command or
path. VC411 reports a value whose client data was all read through such getters (`flow.HandlerRead`) with
`unless=(ESCAPED_GETTER, "Class.method;...")`, and each file records the getter overrides of its top-level classes
(`GETTERS_FACT`); the project phase follows the reading class's bases (`class_bases.ClassIndex`) to the nearest
override of each getter, past overrides that hand back the base's result (`return super().get_argument(name)`), and
clears the finding when every read lands on one that escapes. An override that calls a named class's getter instead
(`BaseHandler.get_argument(self, name)`) hands back that class's result: the walk goes on from that class, so a call
that skips the escaping base (`RequestHandler.get_argument(self, name)`) is raw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import libcst as cst

from vibecheck.analysis.call_flow import module_name
from vibecheck.analysis.class_bases import Ancestry, ClassIndex
from vibecheck.cst_fields import walk_own
from vibecheck.imports import full_name

# The kind of a VC411 finding whose client text a project getter override may have escaped (`Rule.report(unless=)`).
ESCAPED_GETTER = "escaped-getter"
# Per file: top-level class -> getter it overrides -> {"returns": RETURNS_*, "switches": its parameters defaulting to
# True, and "via": the class as spelled when the base result is a named class's (`BaseHandler.get_argument(self, n)`)}.
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
# How many overrides naming the class whose getter they call (`BaseHandler.get_argument(self, name)`) one read follows.
MAX_VIA_HOPS = 8

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
                returns, via = _returned(method, qualified, escapers | TORNADO_ESCAPERS)
                override: dict[str, Any] = {
                    "returns": returns,
                    "switches": sorted(p.name.value for p in (*method.params.params, *method.params.kwonly_params)
                                       if type(p.default) is cst.Name and p.default.value == "True")}
                if via:
                    override["via"] = via
                found.setdefault(statement.name.value, {})[method.name.value] = override
    return found


def _returned(function: cst.FunctionDef, qualified: Qualify, escapers: frozenset[str]) -> tuple[str, str]:
    """RETURNS_ESCAPED when every `return` hands back `None`, an escaper's result, or a name once bound to one
    (`arg = xhtml_escape(arg)`; `[escape(v) for v in values]`); RETURNS_BASE when some hand back instead the
    overridden getter's result, turning nothing off (`return super().get_argument(name, default)`), or a name only
    ever bound to it; else (or when the body does not end in a return) RETURNS_RAW. With it, the class whose getter
    gives the base result when the override names one (`BaseHandler.get_argument(self, name)`), else ""."""
    def escaped(value: cst.BaseExpression) -> bool:
        if type(value) is cst.ListComp:
            value = value.elt
        return type(value) is cst.Call and (qualified(value) or "") in escapers

    method = function.name.value
    nodes = list(walk_own(function.body))
    names = {target.target.value for node in nodes if type(node) is cst.Assign and escaped(node.value)
             for target in node.targets if type(target.target) is cst.Name}
    base_names = _bound_only_to_base(nodes, method)
    returns = [node.value for node in nodes if type(node) is cst.Return]
    last = function.body.body[-1] if isinstance(function.body, cst.IndentedBlock) else None
    if not returns or type(last) is not cst.SimpleStatementLine or type(last.body[-1]) is not cst.Return:
        return RETURNS_RAW, ""

    def kind(value: cst.BaseExpression | None) -> tuple[str, str | None]:
        name = value.value if type(value) is cst.Name else None
        if value is None or escaped(value) or name in names or name == "None":
            return RETURNS_ESCAPED, None
        via = base_names.get(name) if name is not None else _base_class(value, method)
        return (RETURNS_BASE, via) if via is not None else (RETURNS_RAW, None)

    kinds = [kind(value) for value in returns]
    vias = {via for _, via in kinds if via is not None}
    found = {returned for returned, _ in kinds}
    if RETURNS_RAW in found or len(vias) > 1:
        return RETURNS_RAW, ""
    return (RETURNS_BASE, vias.pop()) if RETURNS_BASE in found else (RETURNS_ESCAPED, "")


def _base_class(value: cst.BaseExpression | None, method: str) -> str | None:
    """Whose getter gives `value` when it is the overridden getter's result with no argument `False` (`escape=False`
    would ask for the raw text): "" for the next class's (`super().get_argument(name)`, `super(Handler,
    self)....`), the class as spelled for a named one's called with `self` (`BaseHandler.get_argument(self, name)`,
    `web.RequestHandler.get_argument(self, name)`); None when it is no such result."""
    if type(value) is not cst.Call or type(value.func) is not cst.Attribute or value.func.attr.value != method \
            or any(type(arg.value) is cst.Name and arg.value.value == "False" for arg in value.args):
        return None
    receiver = value.func.value
    if type(receiver) is cst.Call:
        return "" if type(receiver.func) is cst.Name and receiver.func.value == "super" else None
    first = value.args[0] if value.args else None
    spelled = full_name(receiver) if type(receiver) in (cst.Name, cst.Attribute) else None
    if first is None or first.keyword is not None or first.star or type(first.value) is not cst.Name \
            or first.value.value != "self" or not spelled or spelled.partition(".")[0] == "self":
        return None
    return spelled


def _bound_only_to_base(nodes: list[cst.CSTNode], method: str) -> dict[str, str]:
    """The names every binding of which in the override is the overridden getter's result from one class
    (`_base_class`), each with that class ("" for `super()`'s)."""
    only_base: dict[str, str | None] = {}
    for node in nodes:
        bindings: list[tuple[cst.BaseExpression, str | None]]
        if type(node) is cst.Assign:
            bindings = [(target.target, _base_class(node.value, method)) for target in node.targets]
        elif isinstance(node, TARGET_BINDERS):
            bindings = [(node.target, _base_class(node.value, method) if type(node) is cst.AnnAssign else None)]
        elif type(node) is cst.AsName:
            bindings = [(node.name, None)]
        else:
            continue
        for target, via in bindings:
            if type(target) is cst.Name:
                held = only_base.get(target.value, via)
                only_base[target.value] = via if held == via else None
    return {name: via for name, via in only_base.items() if via is not None}


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
        if not _lands_escaped(index, index.ancestry("@" + class_name, module_name(relative)), overrides, method,
                              set(turned_off.split(",")) if turned_off else set()):
            return False
    return True


def _lands_escaped(index: ClassIndex, ancestry: Ancestry | None, overrides: dict[str, Any], method: str,
                   turned_off: set[str], hops: int = MAX_VIA_HOPS) -> bool:
    """The first class of `ancestry` (nearest first) whose override of `method` does not hand back the base's result
    escapes it, and no override on the way has a switch the read turned off. An override that hands back a named
    class's result (`via`) goes on from that class's own ancestry, which must be the project's."""
    for qualified in ancestry.classes if ancestry is not None else ():
        module, _, name = qualified.rpartition(".")
        override = overrides.get(module, {}).get(name, {}).get(method)
        if override is None:
            continue
        if turned_off & set(override.get("switches", ())):
            return False
        returns = override.get("returns")
        if returns != RETURNS_BASE:
            return returns == RETURNS_ESCAPED
        if override.get("via"):
            return hops > 0 and _lands_escaped(index, index.ancestry("@" + override["via"], module), overrides,
                                               method, turned_off, hops - 1)
    return False


def _project_index(project: Any) -> tuple[ClassIndex, dict[str, Any]]:
    if not _INDEX or _INDEX[0][0] is not project:
        overrides = {module_name(project.relative_path(path)): found for path, found in project.facts(GETTERS_FACT)}
        _INDEX[:] = [(project, ClassIndex(project), overrides)]
    return _INDEX[0][1], _INDEX[0][2]
