"""Names bound to a known callable: a call through one is the callable's call, for every flow rule.

`run = subprocess.run; run(cmd, shell=True)`, `jump = redirect; return jump(url)`, `ev = eval; ev(reply)`, a module's
`_exec = os.system` called in a function, an app factory's alias called in the routes it defines, `sh =
functools.partial(subprocess.run, shell=True)`: the flow rules name a call by its resolved name
(`FlowState.qualified_name`) and screen their sink search by the words of a function's calls (`flow.call_words`);
through such a name, both see the callable's own name.

A name is an alias only where no other value can reach it: every binding of it in its scope and the scopes nested in
it (a parameter, a loop or `with` target, an import, a `global` or `nonlocal` declaration, `del`) is an assignment
of the same callable, spelled the same way, and the name is called there. The callable is a dotted name whose head is
imported or a builtin, so `r = self.runner` or a local object's method is none. A name bound to a call's result
(`r = subprocess.run(cmd)`) is no alias, nor a `partial` that fixes positional arguments (the call's own would
shift). Only calls resolve through an alias: a name read as a value keeps its own reading.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterator, Mapping

import libcst as cst

from vibecheck.analysis.nodes import bound_names
from vibecheck.cst_fields import STATEMENT_HOLDERS, child_nodes
from vibecheck.file_memos import file_memo
from vibecheck.imports import ImportTable, full_name
from vibecheck.rule import RuleContext

BUILTIN_NAMES = frozenset(dir(builtins))
PARTIAL = "functools.partial"
# What a local name is bound to: the expression naming the callable (`subprocess.run`), resolved when a call asks.
Aliases = Mapping[str, cst.BaseExpression]
# The key of a file's scopes (`_scopes`) in `RuleContext.shared`, and the module-level aliases (`module_aliases`).
_SCOPES = "callable_aliases.scopes"
_MODULE_ALIASES = "callable_aliases.module"
# Per file: function id -> (function, the aliases its calls see).
_FUNCTION_ALIASES: dict[int, tuple[cst.FunctionDef, Aliases]] = file_memo({})
# The fields of the nodes that bind the names written in them.
_TARGET_FIELDS: dict[type, str] = {cst.AssignTarget: "target", cst.AnnAssign: "target", cst.AugAssign: "target",
                                   cst.For: "target", cst.CompFor: "target", cst.NamedExpr: "target",
                                   cst.AsName: "name", cst.Param: "name", cst.FunctionDef: "name", cst.ClassDef: "name",
                                   cst.Del: "target", cst.MatchAs: "name", cst.MatchStar: "name"}


def module_aliases(context: RuleContext) -> Aliases:
    """The aliases the module's top level binds, once per file: seen by the top level and every function in it."""
    found: Aliases | None = context.shared.get(_MODULE_ALIASES)
    if found is None:
        scope = _scopes(context)[id(context.module)]
        found = context.shared[_MODULE_ALIASES] = _kept(_candidates(scope, context), [context.module])
    return found


def function_aliases(function: cst.FunctionDef, context: RuleContext) -> Aliases:
    """The aliases a function's calls see: the module's, the enclosing functions' (an app factory's `run =
    subprocess.run`, called in the routes it defines) and the function's own, once per function."""
    entry = _FUNCTION_ALIASES.get(id(function))
    if entry is None or entry[0] is not function:
        scope = _scopes(context).get(id(function))
        outer = scope.outer if scope is not None else None
        inherited = function_aliases(outer, context) if outer is not None else module_aliases(context)
        own = _kept(_candidates(scope, context), [function.params, function.body]) if scope is not None else {}
        entry = _FUNCTION_ALIASES[id(function)] = (function, {**inherited, **own} if own else inherited)
    return entry[1]


def aliased_resolver(resolve: Callable[[cst.CSTNode], str | None], aliases: Aliases
                     ) -> Callable[[cst.CSTNode], str | None]:
    """`resolve` (an import table's `qualified_name`) with a call through an alias resolved as the callable's."""
    def qualified_name(node: cst.CSTNode) -> str | None:
        if type(node) is cst.Call:
            func = node.func
            if type(func) is cst.Name:
                target = aliases.get(func.value)
                if target is not None:
                    return resolve(target)
        return resolve(node)
    return qualified_name


class _Scope:
    """A module's or function's own assignments and imports (not its nested definitions'), and the function it is
    defined in (None for the module, a top-level function and a top-level class's methods)."""

    __slots__ = ("outer", "assignments", "imported")

    def __init__(self, outer: cst.FunctionDef | None) -> None:
        self.outer = outer
        self.assignments: list[cst.Assign] = []
        self.imported: set[str] = set()


def _scopes(context: RuleContext) -> dict[int, _Scope]:
    """The module's and each function's `_Scope` by node id, once per file, from its statements only: no expression
    is visited. A class body's statements are no function's (its methods do not see its names)."""
    found: dict[int, _Scope] | None = context.shared.get(_SCOPES)
    if found is None:
        found = context.shared[_SCOPES] = {id(context.module): _Scope(None)}
        pending: list[tuple[cst.CSTNode, _Scope | None, cst.FunctionDef | None]] = [
            (context.module, found[id(context.module)], None)]
        while pending:
            node, scope, function = pending.pop()
            for child in child_nodes(node):
                kind = type(child)
                if kind is cst.FunctionDef:
                    definition: cst.FunctionDef = child  # type: ignore[assignment]  # (exact types: statements only)
                    inner = found[id(child)] = _Scope(function)
                    pending.append((definition.body, inner, definition))
                elif kind is cst.ClassDef:
                    pending.append((child.body, None, function))  # type: ignore[attr-defined]
                elif kind in STATEMENT_HOLDERS:
                    pending.append((child, scope, function))
                elif scope is None:
                    continue
                elif kind is cst.Assign:
                    scope.assignments.append(child)  # type: ignore[arg-type]
                elif (kind is cst.Import or kind is cst.ImportFrom) and type(child.names) is not cst.ImportStar:  # type: ignore[attr-defined]
                    scope.imported.update(name for alias in child.names for name in _bound_names(alias))  # type: ignore[attr-defined]
    return found


class _Candidate:
    """A name the scope assigns a known callable: the callable as written, its expression, how often it is assigned."""

    __slots__ = ("written", "value", "count")

    def __init__(self, written: str, value: cst.BaseExpression) -> None:
        self.written, self.value, self.count = written, value, 1


def _candidates(scope: _Scope, context: RuleContext) -> dict[str, _Candidate]:
    """The names the scope's own `name = callable` statements bind and the file's text calls; a name also assigned
    anything else there (another callable, a call's result) is left out."""
    found: dict[str, _Candidate] = {}
    dropped: set[str] = set()
    imports = context.imports
    for assignment in scope.assignments:
        if len(assignment.targets) != 1 or type(assignment.targets[0].target) is not cst.Name:
            continue
        name = assignment.targets[0].target.value
        value = _callable(assignment.value, imports)
        written = full_name(value) if value is not None else None
        head = (written or "").partition(".")[0]
        held = found.get(name)
        if value is None or written is None or head not in imports.aliases and head not in BUILTIN_NAMES \
                and head not in scope.imported or (held is not None and held.written != written):
            dropped.add(name)
        elif held is not None:
            held.count += 1
        else:
            found[name] = _Candidate(written, value)
    source = context.source
    return {name: candidate for name, candidate in found.items() if name not in dropped and f"{name}(" in source
            and re.search(rf"(?<![\w.]){re.escape(name)}\(", source) is not None}


def _callable(value: cst.BaseExpression, imports: ImportTable) -> cst.BaseExpression | None:
    """The dotted name an assigned value is, or that a `partial` given only keywords wraps; else None."""
    if type(value) is cst.Call and value.args and value.args[0].keyword is None and not value.args[0].star \
            and all(arg.keyword is not None for arg in value.args[1:]) and imports.qualified_name(value) == PARTIAL:
        value = value.args[0].value
    head = value
    while type(head) is cst.Attribute:  # a dotted name only: `super().save` is what a call returned
        head = head.value
    return value if type(head) is cst.Name else None


def _kept(candidates: dict[str, _Candidate], roots: list[cst.CSTNode]) -> Aliases:
    """The candidates that no other binding under `roots` (the scope, nested scopes included) can replace: each is
    bound only by its own assignments."""
    if not candidates:
        return {}
    bound = dict.fromkeys(candidates, 0)
    pending = list(roots)
    while pending:
        node = pending.pop()
        pending.extend(child_nodes(node))
        for name in _bound_names(node):
            if name in bound:
                bound[name] += 1
    return {name: candidate.value for name, candidate in candidates.items() if bound[name] == candidate.count}


def _bound_names(node: cst.CSTNode) -> Iterator[str]:
    """The names a node binds (or declares bound elsewhere: `global`, `nonlocal`)."""
    kind = type(node)
    field = _TARGET_FIELDS.get(kind)
    if field is not None:
        target = getattr(node, field)
        if target is not None:
            yield from bound_names(target)
    elif kind is cst.ImportAlias:
        written = node.asname.name if node.asname is not None else node.name  # type: ignore[attr-defined]
        yield (full_name(written) or "").partition(".")[0]
    elif kind is cst.Global or kind is cst.Nonlocal:
        yield from (item.name.value for item in node.names)  # type: ignore[attr-defined]
