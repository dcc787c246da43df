"""CherryPy's object tree as routes: which methods a request reaches, which parameters the client fills, which tools
guard them.

CherryPy routes no decorator with a path: the app mounts an object (`cherrypy.quickstart(Root(), "/", config)`) and a
request walks its attributes to a method marked `@cherrypy.expose`, whose parameters are the query's and the form's
fields (and the path's remaining segments). A class that is exposed itself (`@cherrypy.expose` on the class, or
`exposed = True` in its body) is a resource of `MethodDispatcher`, which calls its method named for the request's verb
(`def GET(self, entry_id=None)`). Guards are tools: `@cherrypy.tools.require_login()` on a class or method, or
`_cp_config = {"tools.require_login.on": True}` in a class body (`@cherrypy.config(**{"tools.x.on": True})` on a
method). An app's config turns tools on for every handler under a path: `cherrypy.quickstart(Root(), "/", CONFIG)`
with `CONFIG = {"/": {"tools.auth_basic.on": True}}`, `cherrypy.tree.mount(...)`, `cherrypy.config.update({...})`;
a tool on the root path reaches the whole app (`app_wide_tools`), wherever the project's module keeps the dict.
The app model (`collector`, `handlers`) and the flow rules read these answers; guards stay the app model's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import libcst as cst

from vibecheck.cst_fields import child_nodes
from vibecheck.imports import ImportTable
from vibecheck.literals import text_value
from vibecheck.patterns import lazy_pattern

CHERRYPY_MODULES = ("cherrypy",)
EXPOSE = "cherrypy.expose"
CONFIG_DECORATOR = "cherrypy.config"
CONFIG_UPDATE = "cherrypy.config.update"
# The config sections that reach every handler of an app: its root path, and the global section of `config.update`.
APP_WIDE_SECTIONS = frozenset({"/", "global"})
TOOLS = "cherrypy.tools."
# The class attributes that expose a class (`exposed = True`) and configure its handlers (`_cp_config = {...}`).
EXPOSED_ATTRIBUTE = "exposed"
CONFIG_ATTRIBUTE = "_cp_config"
# `MethodDispatcher` calls an exposed resource's method named for the request's verb.
DISPATCHED_VERBS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
# A config key that turns a tool on: `"tools.require_login.on"`.
TOOL_SWITCH = lazy_pattern(r"^tools\.(\w+)\.on$")
# The method an exposed method that names no verb answers as: any verb reaches it (`frameworks.ANY_METHOD_FRAMEWORKS`).
ANY_VERB = frozenset({"GET"})


@dataclass(frozen=True)
class CherryPyClass:
    """What a class of a CherryPy module says of all its handlers: whether it is an exposed resource, its tools."""

    exposed: bool
    tools: tuple[str, ...]


def _exposes(decorator: cst.BaseExpression, imports: ImportTable) -> bool:
    """`@cherrypy.expose`, `@cherrypy.expose()`, `@cherrypy.expose(["alias"])`, `from cherrypy import expose`."""
    callee = decorator.func if type(decorator) is cst.Call else decorator
    return imports.qualified_name(callee) == EXPOSE


def _switched_on(config: cst.BaseExpression) -> Iterator[str]:
    """The tools a config dict turns on: `{"tools.require_login.on": True}` -> `require_login`."""
    if type(config) is not cst.Dict:
        return
    for element in config.elements:
        if type(element) is not cst.DictElement or type(element.value) is not cst.Name or element.value.value != "True":
            continue
        match = TOOL_SWITCH.match(text_value(element.key) or "")
        if match:
            yield match.group(1)


def app_wide_tools(module: cst.Module, imports: ImportTable) -> set[str]:
    """The tools a CherryPy module's config turns on for a whole app: under the root section of any path-keyed dict
    (`{"/": {"tools.auth_basic.on": True}}`, module-level or local, whatever receives it), or in the flat dict
    `cherrypy.config.update({...})` applies to every app; either dict may be a name the module assigns a dict to."""
    app_wide: list[cst.BaseExpression] = []
    dicts: dict[str, cst.Dict] = {}
    pending: list[cst.CSTNode] = [module]
    while pending:
        current = pending.pop()
        if type(current) is cst.Dict:
            app_wide.extend(e.value for e in current.elements
                            if type(e) is cst.DictElement and text_value(e.key) in APP_WIDE_SECTIONS)
        elif type(current) is cst.Call and current.args and imports.qualified_name(current.func) == CONFIG_UPDATE:
            app_wide.append(current.args[0].value)
        elif type(current) is cst.Assign and type(current.value) is cst.Dict and len(current.targets) == 1 \
                and type(current.targets[0].target) is cst.Name:
            dicts[current.targets[0].target.value] = current.value
        pending.extend(child_nodes(current))
    return {tool for config in app_wide
            for tool in _switched_on(dicts.get(config.value, config) if type(config) is cst.Name else config)}


def _decorator_tools(decorators: Sequence[cst.Decorator], imports: ImportTable) -> Iterator[str]:
    """`@cherrypy.tools.require_login()` -> `require_login`; `@cherrypy.config(**{"tools.x.on": True})` -> `x`."""
    for decorator in decorators:
        expression = decorator.decorator
        callee = expression.func if type(expression) is cst.Call else expression
        qualified = imports.qualified_name(callee) or ""
        if qualified.startswith(TOOLS) and qualified.count(".") == 2:
            yield qualified.rpartition(".")[2]
        elif qualified == CONFIG_DECORATOR and type(expression) is cst.Call:
            for arg in expression.args:
                yield from _switched_on(arg.value)


def _class_assignments(node: cst.ClassDef) -> Iterator[tuple[str, cst.BaseExpression]]:
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    for statement in body:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name:
                yield small.targets[0].target.value, small.value


def cherrypy_class(node: cst.ClassDef, imports: ImportTable) -> CherryPyClass:
    """The class's exposure and tools (asked only in a module that imports CherryPy)."""
    exposed = any(_exposes(d.decorator, imports) for d in node.decorators)
    tools = list(_decorator_tools(node.decorators, imports))
    for name, value in _class_assignments(node):
        if name == EXPOSED_ATTRIBUTE:
            exposed |= type(value) is cst.Name and value.value == "True"
        elif name == CONFIG_ATTRIBUTE:
            tools.extend(_switched_on(value))
    return CherryPyClass(exposed, tuple(tools))


def exposed_methods(function: cst.FunctionDef, class_exposed: bool, imports: ImportTable) -> frozenset[str] | None:
    """The verbs a method of a class answers: its own when an exposed resource dispatches it by name (`def PUT`),
    any (`ANY_VERB`) when it is exposed itself; None when no request reaches it."""
    if class_exposed and function.name.value in DISPATCHED_VERBS:
        return frozenset({function.name.value})
    return ANY_VERB if any(_exposes(d.decorator, imports) for d in function.decorators) else None


def method_tools(function: cst.FunctionDef, imports: ImportTable) -> tuple[str, ...]:
    """The tools a handler method turns on for itself."""
    return tuple(_decorator_tools(function.decorators, imports))


def client_parameters(function: cst.FunctionDef, imports: ImportTable) -> set[str]:
    """The parameters after `self` of a method a request reaches, which CherryPy fills from the query, the form and
    the path; none for any other function. Read from the method alone (the flow rules see no class): exposed itself,
    or named for a verb (`def GET(self, ...)`, which only `MethodDispatcher` calls) in a module that imports CherryPy."""
    if not imports.imports_any(CHERRYPY_MODULES):
        return set()
    params = [*function.params.posonly_params, *function.params.params, *function.params.kwonly_params]
    if not params or params[0].name.value != "self" or exposed_methods(function, True, imports) is None:
        return set()
    return {p.name.value for p in params[1:]}
