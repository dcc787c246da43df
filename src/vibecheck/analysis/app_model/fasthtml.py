"""FastHTML apps: the route functions `fast_app()` hands out and the Beforeware that guards every path but its `skip` list.

`app, rt = fast_app(before=Beforeware(user_before, skip=[r"/static/.*", "/login"]))` runs `user_before` before each
request whose path matches none of the skip patterns (FastHTML matches them whole, as `re.fullmatch` does); `@rt("/x")
def post(...)` registers a handler on `app` for the verb its name says. The Beforeware object is often built in another
module (`from .auth import beforeware`): a module then lists the ones it builds at its top level, and the app module
names the one it hands over, which the resolver joins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from vibecheck.analysis.flow import dotted_name, string_value
from vibecheck.imports import ImportTable

FASTHTML_MODULES = ("fasthtml",)
APP_FACTORIES = frozenset({"fast_app", "FastHTML"})
BEFOREWARE = "Beforeware"
BEFORE_KEYWORD = "before"
SKIP_KEYWORD = "skip"
# A handler's name that says its verb (`def post(...)`); any other registers GET and POST.
VERBS = frozenset({"get", "post", "put", "patch", "delete"})
DEFAULT_METHODS = frozenset({"GET", "POST"})


@dataclass(frozen=True)
class Before:
    """A hook run before the requests of a receiver: its name as written (a function or a Beforeware object), and the
    paths it skips (None: a Beforeware object of another module, whose skip list is known there)."""

    receiver: str
    hook: str
    skip: tuple[str, ...] | None


@dataclass
class FastApps:
    """What a module's top level says of its FastHTML apps."""

    route_functions: dict[str, str] = field(default_factory=dict)  # `rt` -> the app it registers on
    befores: list[Before] = field(default_factory=list)
    beforewares: dict[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # name -> (hook, skip)


def fast_apps(module: cst.Module, imports: ImportTable) -> FastApps:
    """The apps, route functions and Beforeware objects the module's top level makes."""
    found = FastApps()
    assignments = [small for statement in module.body if type(statement) is cst.SimpleStatementLine
                   for small in statement.body if type(small) is cst.Assign and len(small.targets) == 1]
    for assign in assignments:
        target, value = assign.targets[0].target, assign.value
        if type(value) is not cst.Call:
            if type(value) is cst.Attribute and value.attr.value == "route" and type(target) is cst.Name:
                found.route_functions[target.value] = dotted_name(value.value) or ""  # `rt = app.route`
            continue
        called = (imports.qualified_name(value.func) or "").rpartition(".")[2]
        if called == BEFOREWARE and type(target) is cst.Name and (made := _beforeware(value)) is not None:
            found.beforewares[target.value] = made
        elif called in APP_FACTORIES:
            names = [e.value for e in target.elements] if type(target) in (cst.Tuple, cst.List) else [target]  # type: ignore[attr-defined]
            if not names or type(names[0]) is not cst.Name:
                continue
            app = names[0].value
            if len(names) > 1 and type(names[1]) is cst.Name:
                found.route_functions[names[1].value] = app
            found.befores.extend(_befores(app, value, found.beforewares))
    return found


def _beforeware(call: cst.Call) -> tuple[str, tuple[str, ...]] | None:
    """`Beforeware(user_before, skip=[...])` -> ("user_before", the skip patterns)."""
    hook = dotted_name(call.args[0].value) if call.args and call.args[0].keyword is None else None
    if hook is None:
        return None
    skip = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == SKIP_KEYWORD), None)
    if skip is None and len(call.args) > 1 and call.args[1].keyword is None:
        skip = call.args[1].value
    patterns = [string_value(e.value) for e in skip.elements] if type(skip) in (cst.List, cst.Tuple) else []  # type: ignore[union-attr]
    return hook, tuple(p for p in patterns if p is not None)


def _befores(app: str, call: cst.Call, local: dict[str, tuple[str, tuple[str, ...]]]) -> list[Before]:
    """The hooks `fast_app(before=...)` runs: a Beforeware made there or by the module, a function (no skip list), or a
    name imported from another module (its skip list unknown here)."""
    given = next((a.value for a in call.args if a.keyword is not None and a.keyword.value == BEFORE_KEYWORD), None)
    items = [e.value for e in given.elements] if type(given) in (cst.List, cst.Tuple) else [given]  # type: ignore[union-attr]
    found = []
    for item in items:
        if type(item) is cst.Call and (dotted_name(item.func) or "").rpartition(".")[2] == BEFOREWARE \
                and (made := _beforeware(item)) is not None:
            found.append(Before(app, *made))
        elif (name := dotted_name(item) if item is not None else None) is not None:
            known = local.get(name)
            found.append(Before(app, *known) if known is not None else Before(app, name, None))
    return found


def handler_methods(function: str) -> frozenset[str]:
    """The methods a FastHTML handler answers, by its name."""
    return frozenset({function.upper()}) if function in VERBS else DEFAULT_METHODS
