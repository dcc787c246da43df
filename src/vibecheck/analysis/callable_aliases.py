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
from collections.abc import Callable, Iterator, Mapping, Sequence

import libcst as cst

from vibecheck.cst_fields import STATEMENT_HOLDERS, child_nodes, own_nodes_of
from vibecheck.file_memos import file_memo
from vibecheck.imports import ImportTable, full_name
from vibecheck.rule import RuleContext

BUILTIN_NAMES = frozenset(dir(builtins))
PARTIAL = "functools.partial"
# What a local name is bound to: the expression naming the callable (`subprocess.run`), resolved when a call asks.
Aliases = Mapping[str, cst.BaseExpression]
# The key of a file's module-level aliases in `RuleContext.shared`.
_MODULE_ALIASES = "callable_aliases.module"
# The key of a file's functions' enclosing functions in `RuleContext.shared`, and what holds a definition.
_ENCLOSING = "callable_aliases.enclosing"
_SCOPE_HOLDERS = (STATEMENT_HOLDERS - {cst.SimpleStatementLine, cst.SimpleStatementSuite}) | {cst.FunctionDef,
                                                                                             cst.ClassDef}
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
        module = context.module
        candidates = _candidates(own_nodes_of(module, cst.Assign), context.imports, module)
        called = {name: value for name, value in candidates.items() if _called_in(name, context.source)}
        found = context.shared[_MODULE_ALIASES] = _kept(called, [module])
    return found


def function_aliases(function: cst.FunctionDef, context: RuleContext) -> Aliases:
    """The aliases a function's calls see: the module's, the enclosing functions' (an app factory's `run =
    subprocess.run`, called in the routes it defines) and the function's own, once per function."""
    entry = _FUNCTION_ALIASES.get(id(function))
    if entry is None or entry[0] is not function:
        outer = _enclosing_functions(context).get(id(function))
        inherited = function_aliases(outer[1], context) if outer is not None and outer[1] is not None \
            else module_aliases(context)
        candidates = _candidates(own_nodes_of(function.body, cst.Assign), context.imports, function.body)
        if candidates:  # called by the function itself, or (by the file's text) by a function defined in it
            called = {call.func.value for call in own_nodes_of(function.body, cst.Call) if type(call.func) is cst.Name}
            candidates = {name: value for name, value in candidates.items()
                          if name in called or _called_in(name, context.source)}
        own = _kept(candidates, [function.params, function.body])
        entry = _FUNCTION_ALIASES[id(function)] = (function, {**inherited, **own} if own else inherited)
    return entry[1]


def _called_in(name: str, source: str) -> bool:
    """Whether the file's text calls `name` (a bare name, not an attribute): a cheap screen before the binding walk."""
    return re.search(rf"(?<![\w.]){re.escape(name)}\s*\(", source) is not None


def _enclosing_functions(context: RuleContext) -> dict[int, tuple[cst.FunctionDef, cst.FunctionDef | None]]:
    """function id -> (the function, the function it is defined in, None at the top level or in a top-level class),
    once per file, from its statements only."""
    found: dict[int, tuple[cst.FunctionDef, cst.FunctionDef | None]] | None = context.shared.get(_ENCLOSING)
    if found is None:
        found = context.shared[_ENCLOSING] = {}
        pending: list[tuple[cst.CSTNode, cst.FunctionDef | None]] = [(context.module, None)]
        while pending:
            node, outer = pending.pop()
            if type(node) is cst.FunctionDef:
                found[id(node)] = (node, outer)
                outer = node
            pending.extend((child, outer) for child in child_nodes(node) if type(child) in _SCOPE_HOLDERS)
    return found


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


class _Candidate:
    """A name the scope assigns a known callable: the callable as written, its expression, how often it is assigned."""

    __slots__ = ("written", "value", "count")

    def __init__(self, written: str, value: cst.BaseExpression) -> None:
        self.written, self.value, self.count = written, value, 1


def _candidates(assignments: Sequence[cst.Assign], imports: ImportTable, body: cst.CSTNode) -> dict[str, _Candidate]:
    """The names the scope's own `name = callable` statements bind; a name also assigned anything else there (another
    callable, a call's result) is left out."""
    found: dict[str, _Candidate] = {}
    dropped: set[str] = set()
    imported: set[str] | None = None
    for assignment in assignments:
        if len(assignment.targets) != 1 or type(assignment.targets[0].target) is not cst.Name:
            continue
        name = assignment.targets[0].target.value
        value = _callable(assignment.value, imports)
        written = full_name(value) if value is not None else None
        head = (written or "").partition(".")[0]
        if written is not None and head not in imports.aliases and head not in BUILTIN_NAMES:
            imported = _imported_in(body) if imported is None else imported
            written = written if head in imported else None
        held = found.get(name)
        if written is None or value is None or (held is not None and held.written != written):
            dropped.add(name)
        elif held is not None:
            held.count += 1
        else:
            found[name] = _Candidate(written, value)
    return {name: candidate for name, candidate in found.items() if name not in dropped}


def _callable(value: cst.BaseExpression, imports: ImportTable) -> cst.BaseExpression | None:
    """The dotted name an assigned value is, or that a `partial` given only keywords wraps; else None."""
    if type(value) is cst.Call and value.args and value.args[0].keyword is None and not value.args[0].star \
            and all(arg.keyword is not None for arg in value.args[1:]) and imports.qualified_name(value) == PARTIAL:
        value = value.args[0].value
    return value if type(value) is cst.Name or type(value) is cst.Attribute else None


def _imported_in(body: cst.CSTNode) -> set[str]:
    """The names a scope's own import statements bind (a function's `import subprocess`)."""
    return {(full_name(alias.asname.name if alias.asname is not None else alias.name) or "").partition(".")[0]
            for alias in own_nodes_of(body, cst.ImportAlias)}


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
            yield from _target_names(target)
    elif kind is cst.ImportAlias:
        written = node.asname.name if node.asname is not None else node.name  # type: ignore[attr-defined]
        yield (full_name(written) or "").partition(".")[0]
    elif kind is cst.Global or kind is cst.Nonlocal:
        yield from (item.name.value for item in node.names)  # type: ignore[attr-defined]


def _target_names(target: cst.CSTNode) -> Iterator[str]:
    pending = [target]
    while pending:
        node = pending.pop()
        if type(node) is cst.Name:
            yield node.value
        elif type(node) is cst.Tuple or type(node) is cst.List:
            pending.extend(element.value for element in node.elements)  # type: ignore[attr-defined]
        elif type(node) is cst.StarredElement:
            pending.append(node.value)
