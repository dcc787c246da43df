"""Names bound to a known callable: a call through one is the callable's call, for every flow rule.

`run = subprocess.run; run(cmd, shell=True)`, `jump = redirect; return jump(url)`, `ev = eval; ev(reply)`, a module's
`_exec = os.system` called in a function, an app factory's alias called in the routes it defines, `sh =
functools.partial(subprocess.run, shell=True)`: the flow rules name a call by its resolved name
(`FlowState.qualified_name`) and screen their sink search by the words of a function's calls (`flow.call_words`);
through such a name, both see the callable's own name.

A name is an alias only where no other value can reach it: every binding of it in its scope and the scopes nested in
it (a parameter, a loop or `with` target, an import, a `global` or `nonlocal` declaration, `del`) is an assignment
of the same callable, spelled the same way, and the name is called there. An alias's callable is a dotted name whose
head is imported or a builtin, so `r = self.runner` or a local object's method is none (it has an expansion, below).
A name bound to a call's result (`r = subprocess.run(cmd)`) is no alias, nor a `partial` that fixes positional
arguments (the call's own would shift). Only calls resolve through an alias: a name read as a value keeps its own reading.
Names unpacked pairwise from a display of callables (`run, fetch = subprocess.run, requests.get`) are aliases the same
way. So is a table of such callables that the file calls an item of (`RUNNERS = {"sh": os.system, "py": eval};
RUNNERS[kind](cmd)`), held under `RUNNERS[]`: a literal key calls its entry; any other key may call any entry, and the
resolver a flow rule uses picks the first that is one of its sinks (`aliased_resolver`'s `prefer`), while the call
words name them all. `getattr(os, "system")(cmd)`, a literal name of a dotted object, is a call of `os.system`
(the module's aliases then hold `getattr()`, so the flow rules resolve through them).

A call through a name bound the same way to an object's method (`run_sql = cursor.execute`, `send =
requests.Session().get`, `run = self.runner`) or to a `partial` that fixes keywords (`sh = partial(subprocess.run,
shell=True)`) has an expansion besides: the call it stands for, the method written out and the fixed keywords the
call does not give itself (`cursor.execute(sql)`, `subprocess.run(cmd, shell=True)`). So has a call of a class's
`self._exec` in any of its methods when every binding of `self._exec` in the class is one such callable (`self._exec =
conn.execute` in `__init__`). A sink rule that reads the method's receiver or a keyword asks `FlowState.seen_call`
for it; the call's own arguments are the same nodes.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Container, Iterator, Mapping, Sequence

import libcst as cst

from vibecheck.analysis.nodes import bound_names
from vibecheck.cst_fields import child_nodes
from vibecheck.file_memos import file_memo
from vibecheck.imports import ImportTable, full_name
from vibecheck.patterns import lazy_pattern, search_from_literal
from vibecheck.rule import RuleContext

BUILTIN_NAMES = frozenset(dir(builtins))
PARTIAL = "functools.partial"
SELF = "self"
# What a local name is bound to: the expression naming the callable (`subprocess.run`), resolved when a call asks.
Aliases = Mapping[str, cst.BaseExpression]
# What a call through a local name stands for: the callee as written where it was bound, and the keywords a `partial`
# fixed (`cursor.execute`, (); `subprocess.run`, (`shell=True`,)).
Expansion = tuple[cst.BaseExpression, tuple[cst.Arg, ...]]
Expansions = Mapping[str, Expansion]
# The key of a file's scopes (`_scopes`) in `RuleContext.shared`, and the module-level aliases (`module_aliases`).
_SCOPES = "callable_aliases.scopes"
_MODULE_ALIASES = "callable_aliases.module"
_CALLED = "callable_aliases.called"  # with a receiver (None: bare names), the key of `_called`'s answers
# Per file: function id -> (function, the aliases its calls see, their expansions).
_FUNCTION_ALIASES: dict[int, tuple[cst.FunctionDef, Aliases, Expansions]] = file_memo({})
# Per file: class id -> (class, the expansions of its `self.` attributes: `self._exec` for `self._exec = conn.execute`).
_CLASS_EXPANSIONS: dict[int, tuple[cst.ClassDef, Expansions]] = file_memo({})
# Per file: call id -> (call, the call it stands for); kept for the file, so no id is reused by a later expansion.
_SEEN_CALLS: dict[int, tuple[cst.Call, cst.Call]] = file_memo({})
# Per file: `getattr` call id -> (call, the attribute a literal name names, written out, or None).
_GETATTRS: dict[int, tuple[cst.Call, cst.Attribute | None]] = file_memo({})
# The suffix of the key under which `Aliases` holds a table of callables (`RUNNERS[]`: its dict display).
TABLE = "[]"
# The key under which a file's module `Aliases` say it calls a `getattr` of a literal name (`getattr(os, "system")(`).
GETATTR_CALLED = "getattr()"
# A call of a `getattr` of a dotted object and a literal name, in a file's text.
_GETATTR_CALL = lazy_pattern(r"""\bgetattr\(\s*[\w.]+\s*,\s*(["'])[A-Za-z_]\w*\1\s*\)\(""")
# The fields of the nodes that bind the names written in them.
_TARGET_FIELDS: dict[type, str] = {cst.AssignTarget: "target", cst.AnnAssign: "target", cst.AugAssign: "target",
                                   cst.For: "target", cst.CompFor: "target", cst.NamedExpr: "target",
                                   cst.AsName: "name", cst.Param: "name", cst.FunctionDef: "name", cst.ClassDef: "name",
                                   cst.Del: "target", cst.MatchAs: "name", cst.MatchStar: "name"}
# The nodes that bind an attribute of `self` (`_attribute_names`).
_ATTRIBUTE_BINDERS = frozenset(_TARGET_FIELDS)
# The nodes that bind a name or declare it bound elsewhere (`_bound_names`); `_kept` asks no other node.
_NAME_BINDERS = frozenset({*_TARGET_FIELDS, cst.ImportAlias, cst.Global, cst.Nonlocal})
# The fields, in field order, of a block or compound statement that hold its statements or clauses: all `_scopes`
# reads, so that it steps into no expression (a test, a target, a decorator) nor any whitespace.
_BLOCK_FIELDS: dict[type, tuple[str, ...]] = {
    cst.Module: ("body",), cst.IndentedBlock: ("body",), cst.SimpleStatementSuite: ("body",),
    cst.SimpleStatementLine: ("body",), cst.If: ("body", "orelse"), cst.Else: ("body",), cst.For: ("body", "orelse"),
    cst.While: ("body", "orelse"), cst.Try: ("body", "handlers", "orelse", "finalbody"),
    cst.TryStar: ("body", "handlers", "orelse", "finalbody"), cst.ExceptHandler: ("body",),
    cst.ExceptStarHandler: ("body",), cst.Finally: ("body",), cst.With: ("body",), cst.Match: ("cases",),
    cst.MatchCase: ("body",)}


def module_aliases(context: RuleContext) -> Aliases:
    """The aliases the module's top level binds, once per file: seen by the top level and every function in it."""
    return _module_bindings(context)[0]


def module_expansions(context: RuleContext) -> Expansions:
    """The expansions of the names the module's top level binds (`module_aliases`' and its methods' ones)."""
    return _module_bindings(context)[1]


def function_aliases(function: cst.FunctionDef, context: RuleContext) -> Aliases:
    """The aliases a function's calls see: the module's, the enclosing functions' (an app factory's `run =
    subprocess.run`, called in the routes it defines) and the function's own, once per function."""
    return _function_bindings(function, context)[1]


def function_expansions(function: cst.FunctionDef, context: RuleContext) -> Expansions:
    """The expansions a function's calls see, inherited the way `function_aliases` are."""
    return _function_bindings(function, context)[2]


def seen_call(call: cst.Call, expansions: Expansions) -> cst.Call:
    """The call that `call` stands for through a name of `expansions` (the same call when it is none): the callee
    written out, the call's own arguments (the same nodes) and the fixed keywords it does not give itself."""
    func = call.func
    if type(func) is cst.Name:
        expansion = expansions.get(func.value)
    elif type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value == SELF:
        expansion = expansions.get(f"{SELF}.{func.attr.value}")
    else:
        return call
    if expansion is None:
        return call
    entry = _SEEN_CALLS.get(id(call))
    if entry is None or entry[0] is not call:
        callee, fixed = expansion
        given = {arg.keyword.value for arg in call.args if arg.keyword is not None}
        extra = tuple(arg.with_changes(comma=cst.MaybeSentinel.DEFAULT) for arg in fixed
                      if arg.keyword is not None and arg.keyword.value not in given)
        entry = _SEEN_CALLS[id(call)] = (call, call.with_changes(func=callee, args=(*call.args, *extra)))
    return entry[1]


def scope_call(call: cst.Call, function: cst.FunctionDef | None, context: RuleContext) -> cst.Call:
    """`call` written out through the aliases and expansions of the scope it is in (`function`, None for the module's
    top level): `subprocess.run(cmd, shell=True)` for `run(cmd, shell=True)` after `run = subprocess.run` or for
    `sh(cmd)` after `sh = partial(subprocess.run, shell=True)`; `call` itself through any other callee. For a rule
    that follows no flow (a `BindingRule`) and reads the callee's name and keywords from the call."""
    aliases, expansions = _function_bindings(function, context)[1:] if function is not None \
        else _module_bindings(context)
    return written_call(call, aliases, expansions)


def written_call(call: cst.Call, aliases: Aliases, expansions: Expansions,
                 resolve: Callable[[cst.CSTNode], str | None] | None = None, prefer: frozenset[str] = frozenset()
                 ) -> cst.Call:
    """`call` written out through a scope's `aliases` and `expansions` (`scope_call`), also through a table of
    callables or a `getattr` of a literal name (`aliased_callee`, which `resolve` and `prefer` pick a table's entry
    for), `call` itself through any other callee."""
    func = call.func
    if type(func) is cst.Name and func.value in aliases and func.value not in expansions:
        return seen_call(call, {func.value: (aliases[func.value], ())})
    if type(func) is cst.Subscript or type(func) is cst.Call:
        callee = aliased_callee(func, aliases, resolve or _unresolved, prefer)
        if callee is None:
            return call
        entry = _SEEN_CALLS.get(id(call))
        if entry is None or entry[0] is not call or entry[1].func is not callee:  # (another rule may pick another)
            entry = _SEEN_CALLS[id(call)] = (call, call.with_changes(func=callee))
        return entry[1]
    return seen_call(call, expansions) if expansions else call


def _unresolved(node: cst.CSTNode) -> str | None:
    return None


def aliased_resolver(resolve: Callable[[cst.CSTNode], str | None], aliases: Aliases,
                     prefer: frozenset[str] = frozenset()) -> Callable[[cst.CSTNode], str | None]:
    """`resolve` (an import table's `qualified_name`) with a call through an alias, a table of callables or a
    `getattr` of a literal name resolved as the callable's (`aliased_callee`; `prefer`: the words of the callables a
    rule looks for, which pick one of a table's entries)."""
    def qualified_name(node: cst.CSTNode) -> str | None:
        if type(node) is cst.Call:
            func = node.func
            if type(func) is cst.Name:
                target = aliases.get(func.value)
                if target is not None:
                    return resolve(target)
            elif type(func) is not cst.Attribute:
                target = aliased_callee(func, aliases, resolve, prefer)
                if target is not None:
                    return resolve(target)
        return resolve(node)
    return qualified_name


def aliased_callee(func: cst.BaseExpression, aliases: Aliases, resolve: Callable[[cst.CSTNode], str | None],
                   prefer: frozenset[str] = frozenset()) -> cst.BaseExpression | None:
    """The callable a callee stands for: through an alias (`run` after `run = subprocess.run`); through a table of
    callables (`RUNNERS[kind]` after `RUNNERS = {"sh": os.system, "py": eval}`: the entry a literal key names, else
    the first entry whose resolved name or its last part is in `prefer`, else the first); `getattr(os, "system")`
    (the attribute a literal name names, written out); else None."""
    kind = type(func)
    if kind is cst.Name:
        return aliases.get(func.value)  # type: ignore[attr-defined]
    if kind is cst.Subscript:
        table = aliases.get(f"{func.value.value}{TABLE}") if type(func.value) is cst.Name else None  # type: ignore[attr-defined]
        if type(table) is not cst.Dict or len(func.slice) != 1 or type(func.slice[0].slice) is not cst.Index:  # type: ignore[attr-defined]
            return None
        key = func.slice[0].slice.value  # type: ignore[attr-defined]
        entries = [element for element in table.elements if type(element) is cst.DictElement]
        if type(key) is cst.SimpleString:
            return next((e.value for e in entries if e.key.evaluated_value == key.evaluated_value), None)  # type: ignore[attr-defined]
        for entry in entries:
            name = resolve(entry.value) or ""
            if name in prefer or name.rpartition(".")[2] in prefer:
                return entry.value
        return entries[0].value if entries else None
    if kind is cst.Call:
        return _getattr_attribute(func)  # type: ignore[arg-type]
    return None


def _getattr_attribute(call: cst.Call) -> cst.Attribute | None:
    """`os.system` for `getattr(os, "system")` (a dotted object, a literal identifier, no default), once per call."""
    entry = _GETATTRS.get(id(call))
    if entry is None or entry[0] is not call:
        found = None
        args = call.args
        if type(call.func) is cst.Name and call.func.value == "getattr" and len(args) == 2 \
                and all(arg.keyword is None and not arg.star for arg in args) and _is_dotted(args[0].value) \
                and type(args[1].value) is cst.SimpleString:
            attribute = args[1].value.evaluated_value
            if type(attribute) is str and attribute.isidentifier():
                found = cst.Attribute(value=args[0].value, attr=cst.Name(attribute))
        entry = _GETATTRS[id(call)] = (call, found)
    return entry[1]


def _module_bindings(context: RuleContext) -> tuple[Aliases, Expansions]:
    found: tuple[Aliases, Expansions] | None = context.shared.get(_MODULE_ALIASES)
    if found is None:
        scope = _scopes(context)[id(context.module)]
        aliases, expansions = _split(_kept(_candidates(scope.assignments, context, scope), [context.module]))
        if search_from_literal(_GETATTR_CALL, context.source, "getattr(") is not None:
            aliases = {**aliases, GETATTR_CALLED: cst.Name("getattr")}  # (so the flow rules resolve through aliases)
        found = context.shared[_MODULE_ALIASES] = (aliases, expansions)
    return found


def _function_bindings(function: cst.FunctionDef, context: RuleContext
                       ) -> tuple[cst.FunctionDef, Aliases, Expansions]:
    entry = _FUNCTION_ALIASES.get(id(function))
    if entry is None or entry[0] is not function:
        scope = _scopes(context).get(id(function))
        outer = scope.outer if scope is not None else None
        inherited = _function_bindings(outer, context)[1:] if outer is not None else _module_bindings(context)
        aliases, expansions = inherited
        if scope is not None and scope.owner is not None:
            expansions = {**expansions, **_attribute_expansions(scope.owner, context)} or expansions
        if scope is not None and scope.assignments:
            own_aliases, own_expansions = _split(_kept(_candidates(scope.assignments, context, scope),
                                               [function.params, function.body]))
            aliases = {**aliases, **own_aliases} if own_aliases else aliases
            expansions = {**expansions, **own_expansions} if own_expansions else expansions
        entry = _FUNCTION_ALIASES[id(function)] = (function, aliases, expansions)
    return entry


def _split(kept: dict[str, _Candidate]) -> tuple[Aliases, Expansions]:
    """The aliases (a dotted name of an imported module or a builtin) and the expansions (an object's method, or a
    `partial` with fixed keywords) among the kept candidates."""
    return ({f"{name}{TABLE}" if c.table else name: c.value for name, c in kept.items() if c.imported},
            {name: (c.value, c.keywords) for name, c in kept.items() if c.keywords or not c.imported})


class _Scope:
    """A module's or function's own assignments and imports (not its nested definitions'), the function it is
    defined in (None for the module, a top-level function and a top-level class's methods), and the class it is a
    method of (None for any other)."""

    __slots__ = ("outer", "owner", "assignments", "imports", "_imported")

    def __init__(self, outer: cst.FunctionDef | None, owner: cst.ClassDef | None = None) -> None:
        self.outer, self.owner = outer, owner
        self.assignments: list[cst.Assign] = []
        self.imports: list[cst.Import | cst.ImportFrom] = []
        self._imported: set[str] | None = None

    def note(self, statements: Sequence[cst.BaseSmallStatement]) -> None:
        """Keep the assignments and imports among a line's small statements."""
        for statement in statements:
            kind = type(statement)
            if kind is cst.Assign:
                self.assignments.append(statement)  # type: ignore[arg-type]
            elif kind is cst.Import or kind is cst.ImportFrom:
                self.imports.append(statement)  # type: ignore[arg-type]

    def __contains__(self, name: object) -> bool:
        """Whether the scope's own imports bind `name`: read from them on the first question (few scopes are asked:
        a callable's head is mostly one of the file's imports or a builtin)."""
        if self._imported is None:
            self._imported = {bound for statement in self.imports if type(statement.names) is not cst.ImportStar
                              for alias in statement.names for bound in _bound_names(alias)}  # type: ignore[union-attr]
        return name in self._imported


def _scopes(context: RuleContext) -> dict[int, _Scope]:
    """The module's and each function's `_Scope` by node id, once per file, from its statements only: no expression
    is visited (`_BLOCK_FIELDS`). A class body's statements are no function's (its methods do not see its names)."""
    found: dict[int, _Scope] | None = context.shared.get(_SCOPES)
    if found is None:
        found = context.shared[_SCOPES] = {id(context.module): _Scope(None)}
        pending: list[tuple[cst.CSTNode, _Scope | None, cst.FunctionDef | None, cst.ClassDef | None]] = [
            (context.module, found[id(context.module)], None, None)]
        while pending:
            node, scope, function, owner = pending.pop()
            for field in _BLOCK_FIELDS[type(node)]:
                value = getattr(node, field)
                for child in value if type(value) is tuple or type(value) is list else (value,) if value is not None else ():
                    kind = type(child)
                    if kind is cst.SimpleStatementLine:  # (most statements: read in place, not stacked)
                        if scope is not None:
                            scope.note(child.body)  # type: ignore[attr-defined]
                    elif kind is cst.FunctionDef:
                        definition: cst.FunctionDef = child  # type: ignore[assignment]  # (exact types: statements only)
                        inner = found[id(child)] = _Scope(function, owner)
                        pending.append((definition.body, inner, definition, None))
                    elif kind is cst.ClassDef:
                        pending.append((child.body, None, function, child))  # type: ignore[attr-defined]
                    elif kind in _BLOCK_FIELDS:
                        pending.append((child, scope, function, owner))
                    elif scope is not None:
                        scope.note((child,))  # type: ignore[arg-type]  # (a `SimpleStatementSuite`'s statements)
    return found


def _attribute_expansions(owner: cst.ClassDef, context: RuleContext) -> Expansions:
    """`self._exec = conn.execute` in a method: `self._exec(sql)` in any method of the class is `conn.execute(sql)`,
    when every binding of the attribute in the class is that same callable and the file calls it; once per class."""
    entry = _CLASS_EXPANSIONS.get(id(owner))
    if entry is None or entry[0] is not owner:
        scopes = _scopes(context)
        methods = [scopes[id(statement)] for statement in owner.body.body if type(statement) is cst.FunctionDef]
        found = _candidates([a for scope in methods for a in scope.assignments], context, set(), SELF)
        entry = _CLASS_EXPANSIONS[id(owner)] = (owner, {
            f"{SELF}.{name}": (candidate.value, candidate.keywords)
            for name, candidate in _kept(found, [owner.body], _attribute_names, _ATTRIBUTE_BINDERS).items()} if found else {})
    return entry[1]


class _Candidate:
    """A name the scope assigns a known callable: the callable as written, its expression, the keywords a `partial`
    fixes, whether it is a dotted name of an imported module or a builtin, how often it is assigned, whether it is a
    table of such callables (its expression the dict display)."""

    __slots__ = ("written", "value", "keywords", "imported", "count", "table")

    def __init__(self, written: str, value: cst.BaseExpression, keywords: tuple[cst.Arg, ...], imported: bool,
                 table: bool = False) -> None:
        self.written, self.value, self.keywords, self.imported, self.count = written, value, keywords, imported, 1
        self.table = table


def _candidates(assignments: list[cst.Assign], context: RuleContext, imported_here: Container[str],
                receiver: str | None = None) -> dict[str, _Candidate]:
    """The names the `name = callable` statements bind, also unpacked (`run, get = subprocess.run, requests.get`)
    (with `receiver`, the attributes `receiver.name = callable` binds) and the file's text calls; a name also assigned
    anything else there (another callable, a call's result) is left out. Without a receiver, a name bound to a table
    of callables (`RUNNERS = {"sh": os.system}`, every value a dotted name of an imported module or a builtin) that the
    file's text calls through a subscript (`RUNNERS[kind](`) is a candidate too, its value the table."""
    found: dict[str, _Candidate] = {}
    dropped: set[str] = set()
    imports = context.imports
    for assignment in assignments:
        for name, assigned in _assigned(assignment, receiver):
            if receiver is None and type(assigned) is cst.Dict and _subscript_called(name, context):
                table = _table(assigned, imports, imported_here)
                if table is None or name in found:
                    dropped.add(name)
                else:
                    found[name] = _Candidate(context.module.code_for_node(table), table, (), True, True)
                continue
            bound = _callable(assigned, imports)
            if bound is None:
                dropped.add(name)
                continue
            if not _called(name, context, receiver):
                continue
            value, keywords = bound
            dotted = full_name(value) if _is_dotted(value) else None  # (`super().run` is a method of what a call made)
            imported = _imported(dotted, imports, imported_here)
            written = dotted or context.module.code_for_node(value)
            held = found.get(name)
            if not imported and type(value) is not cst.Attribute or (held is not None and held.written != written):
                dropped.add(name)  # (a local name bound to another local name is left alone: its calls are its own)
            elif held is not None:
                held.count += 1
            else:
                found[name] = _Candidate(written, value, keywords, imported)
    return {name: candidate for name, candidate in found.items() if name not in dropped}


def _imported(dotted: str | None, imports: ImportTable, imported_here: Container[str]) -> bool:
    """Whether a dotted name's head is imported (in the file or the scope) or a builtin."""
    head = (dotted or "").partition(".")[0]
    return dotted is not None and (head in imports.aliases or head in BUILTIN_NAMES or head in imported_here)


def _table(value: cst.Dict, imports: ImportTable, imported_here: Container[str]) -> cst.Dict | None:
    """The dict display itself when every entry maps a string to a dotted name of an imported module or a builtin
    (`{"sh": os.system, "py": eval}`); else None (a `**` entry, another key or value: another kind of table)."""
    if not value.elements:
        return None
    for element in value.elements:
        if type(element) is not cst.DictElement or type(element.key) is not cst.SimpleString \
                or not _is_dotted(element.value) or not _imported(full_name(element.value), imports, imported_here):
            return None
    return value


def _called(name: str, context: RuleContext, receiver: str | None) -> bool:
    """Whether the file's text calls the name bare (`run(`, not `.run(`), or with a receiver its attribute
    (`self.run(`); once per file and name (a substring search first: most names are never called so)."""
    return _per_file_answer(context, receiver, name, _text_calls)


def _text_calls(source: str, name: str, receiver: str | None) -> bool:
    called = f"{name}(" if receiver is None else f"{receiver}.{name}("
    at = source.find(called)
    while at > 0 and (source[at - 1].isalnum() or source[at - 1] in "_."):  # (a longer name's end, a method)
        at = source.find(called, at + 1)
    return at >= 0


def _subscript_called(name: str, context: RuleContext) -> bool:
    """Whether the file's text calls an item of the name (`RUNNERS[kind](`, not `.RUNNERS[`); once per file and name."""
    return _per_file_answer(context, TABLE, name, _text_calls_item)


def _text_calls_item(source: str, name: str, _: str | None) -> bool:
    if f"{name}[" not in source:  # (most tables are never subscripted: no expression to compile for them)
        return False
    return search_from_literal(re.compile(rf"(?<![\w.]){re.escape(name)}\[[^\[\]\n]*\]\("), source,
                               f"{name}[") is not None


def _per_file_answer(context: RuleContext, kind: str | None, name: str,
                     answer: Callable[[str, str, str | None], bool]) -> bool:
    """`answer(source, name, kind)` about the file's text, once per file, `kind` (a receiver, a table) and name."""
    key = (_CALLED, kind)
    found: dict[str, bool] | None = context.shared.get(key)
    if found is None:
        found = context.shared[key] = {}
    known = found.get(name)
    if known is None:
        known = found[name] = answer(context.source, name, kind)
    return known


def _assigned(assignment: cst.Assign, receiver: str | None) -> list[tuple[str, cst.BaseExpression]]:
    """The names one assignment binds with the values it binds them to (`run = ...`; pairwise, `run, get = a, b`),
    or with a receiver the attributes (`self.run = ...`); none for any other target (a chain, a starred or nested
    unpacking, a tuple unpacked from one value)."""
    if len(assignment.targets) != 1:
        return []
    target, value = assignment.targets[0].target, assignment.value
    if type(target) is cst.Tuple or type(target) is cst.List:
        if type(value) is not cst.Tuple and type(value) is not cst.List \
                or len(value.elements) != len(target.elements):  # type: ignore[attr-defined]
            return []
        pairs = [(t.value, v.value) for t, v in zip(target.elements, value.elements, strict=True)  # type: ignore[attr-defined]
                 if type(t) is cst.Element and type(v) is cst.Element]
        if len(pairs) != len(target.elements):
            return []
    else:
        pairs = [(target, value)]
    found = []
    for part, assigned in pairs:
        if receiver is None:
            if type(part) is cst.Name:
                found.append((part.value, assigned))
        elif type(part) is cst.Attribute and type(part.value) is cst.Name and part.value.value == receiver:
            found.append((part.attr.value, assigned))
    return found


def _callable(value: cst.BaseExpression, imports: ImportTable) -> tuple[cst.BaseExpression, tuple[cst.Arg, ...]] | None:
    """The callee an assigned value is, or that a `partial` given only keywords wraps (with those keywords): a dotted
    name, or a method of what a dotted call returns (`requests.Session().get`); else None."""
    keywords: tuple[cst.Arg, ...] = ()
    if type(value) is cst.Call and value.args and value.args[0].keyword is None and not value.args[0].star \
            and all(arg.keyword is not None for arg in value.args[1:]) and imports.qualified_name(value) == PARTIAL:  # type: ignore[attr-defined]
        keywords = tuple(value.args[1:])  # type: ignore[attr-defined]
        value = value.args[0].value  # type: ignore[attr-defined]
    head = value  # (exact types, not `isinstance`: ABCMeta's check is dear, and libcst's nodes have no subclasses)
    while type(head) is cst.Attribute or type(head) is cst.Call and head is not value:
        head = head.value if type(head) is cst.Attribute else head.func  # type: ignore[attr-defined, union-attr]
    return (value, keywords) if type(head) is cst.Name else None


def _is_dotted(value: cst.BaseExpression) -> bool:
    while type(value) is cst.Attribute:
        value = value.value
    return type(value) is cst.Name


def _kept(candidates: dict[str, _Candidate], roots: list[cst.CSTNode],
          bound_names: Callable[[cst.CSTNode], Iterator[str]] | None = None,
          binders: frozenset[type] = _NAME_BINDERS) -> dict[str, _Candidate]:
    """The candidates that no other binding under `roots` (the scope, nested scopes included) can replace: each is
    bound only by its own assignments (`bound_names`: what a node of the types `binders` binds, names by default)."""
    if not candidates:
        return {}
    names_of = bound_names or _bound_names
    bound = dict.fromkeys(candidates, 0)
    pending = list(roots)
    while pending:
        node = pending.pop()
        pending.extend(child_nodes(node))
        if type(node) in binders:
            for name in names_of(node):
                if name in bound:
                    bound[name] += 1
    return {name: candidate for name, candidate in candidates.items() if bound[name] == candidate.count}


def _attribute_names(node: cst.CSTNode) -> Iterator[str]:
    """The attributes of `self` a node binds (`self.run = ...`, `for self.run in ...`, `del self.run`)."""
    field = _TARGET_FIELDS.get(type(node))
    target = getattr(node, field, None) if field is not None else None
    pending = [target] if target is not None else []
    while pending:
        part = pending.pop()
        if type(part) is cst.Attribute and type(part.value) is cst.Name and part.value.value == SELF:
            yield part.attr.value
        elif type(part) is cst.Tuple or type(part) is cst.List:
            pending.extend(element.value for element in part.elements)  # type: ignore[attr-defined]
        elif type(part) is cst.StarredElement:
            pending.append(part.value)  # type: ignore[attr-defined]


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
