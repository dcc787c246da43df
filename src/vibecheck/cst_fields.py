"""The child nodes of a libcst node, read from its dataclass fields: the engine's walk and the rules' own walks.

libcst's `node.children` runs its visitor machinery and builds a copy of the node on every call; reading the
fields costs a fifth of that. The fields come in declaration order, not source order.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import types
import typing
from collections.abc import Iterator, Sequence
from typing import TypeVar

import libcst as cst

from vibecheck.file_memos import file_memo

NodeT = TypeVar("NodeT", bound=cst.CSTNode)

# The fields of each libcst node type met so far that may hold a node other than a leaf (`LEAF_NODES`): hot walks
# read it directly, `child_fields` fills it.
FIELDS_BY_TYPE: dict[type, tuple[str, ...]] = {}
KIND_BY_TYPE: dict[type, int] = {}  # per field value type: 1 a node, 2 a list or tuple of values, 0 anything else
# Nodes whose bodies run at another time than the code around them.
NESTED_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)
# The same, for `type(node) in ...` on hot walks: the three have no subclasses, and `isinstance` on libcst's node
# classes goes through ABCMeta.
NESTED_SCOPE_TYPES = frozenset(NESTED_SCOPES)


# Nodes that never hold another node and that no rule reads through a walk: two fifths of a module's nodes are
# `SimpleWhitespace`, another fifteenth `Newline`. `child_nodes` leaves them out (their parents' fields still hold them).
LEAF_NODES = frozenset({cst.SimpleWhitespace, cst.Newline})
# The field types that are never a node: a field declared as one of them alone (`Name.value: str`) is not read.
_NEVER_NODES = frozenset({str, bool, type(None), cst.MaybeSentinel})


def node_fields(node_type: type, *, leaves: bool) -> tuple[str, ...]:
    """The dataclass fields of a libcst node type that may hold a node (with `leaves`, a `LEAF_NODES` node too), by
    their declared types: a fifth of the fields a walk met were strings, flags and whitespace leaves."""
    skipped = _NEVER_NODES if leaves else _NEVER_NODES | LEAF_NODES
    return tuple(field.name for field in dataclasses.fields(node_type)
                 if not all(atom in skipped for atom in _declared_types(field.type)))


def declared_field_kinds(node_type: type, *, leaves: bool) -> tuple[tuple[str, int], ...]:
    """`node_fields`, each with what its declared type says it holds: 1 always a node a walk enters (with `leaves`,
    a `LEAF_NODES` node too), 2 always a sequence of such nodes, 0 anything else (the value's type tells)."""
    declared = {field.name: field.type for field in dataclasses.fields(node_type)}
    kinds = []
    for name in node_fields(node_type, leaves=leaves):
        annotation = declared[name]
        kind = 1 if _always_entered(_declared_types(annotation), leaves) else 0
        if typing.get_origin(annotation) is collections.abc.Sequence:
            kind = 2 if _always_entered(_declared_types(typing.get_args(annotation)[0]), leaves) else 0
        kinds.append((name, kind))
    return tuple(kinds)


def _always_entered(atoms: tuple[object, ...], leaves: bool) -> bool:
    """Whether every type of `atoms` is a node class none of whose values is a leaf a walk without `leaves` skips."""
    return all(isinstance(atom, type) and issubclass(atom, cst.CSTNode)
               and (leaves or not any(issubclass(leaf, atom) for leaf in LEAF_NODES)) for atom in atoms)


def _declared_types(annotation: object) -> tuple[object, ...]:
    """The types a field's annotation allows: the members of a union, the types of a literal's values, else the
    annotation itself."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    if origin is typing.Literal:  # `Arg.star: Literal["", "*", "**"]`
        return tuple(type(value) for value in typing.get_args(annotation))
    return (annotation,)


def child_fields(node_type: type) -> tuple[str, ...]:
    """The fields of a libcst node type that may hold a node other than a leaf, cached per type
    (`dataclasses.fields` is dear per call)."""
    names = FIELDS_BY_TYPE.get(node_type)
    if names is None:
        names = FIELDS_BY_TYPE[node_type] = node_fields(node_type, leaves=False)
    return names


# `KIND_BY_TYPE` with the leaf nodes as 0: what `child_nodes` reads.
_CHILD_KIND_BY_TYPE: dict[type, int] = dict.fromkeys(LEAF_NODES, 0)


def child_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The node's direct children, as `node.children` gives them but in field order rather than source order, and
    without the whitespace leaves (`LEAF_NODES`).

    Where source order matters (the first match in the code), keep `children`.
    """
    found: list[cst.CSTNode] = []
    kinds = _CHILD_KIND_BY_TYPE
    for name in FIELDS_BY_TYPE.get(type(node)) or child_fields(type(node)):
        value = getattr(node, name)
        kind = kinds.get(type(value))
        if kind is None:
            kind = _child_kind(type(value))
        if kind == 1:
            found.append(value)
        elif kind == 2:
            for item in value:
                item_kind = kinds.get(type(item))
                if item_kind == 1 or (item_kind is None and _child_kind(type(item)) == 1):
                    found.append(item)
    return found


def value_kind(value_type: type) -> int:
    """`KIND_BY_TYPE[value_type]`, filled on first sight: `isinstance(x, cst.CSTNode)` goes through ABCMeta, dear on
    hot paths."""
    kind = KIND_BY_TYPE[value_type] = 1 if issubclass(value_type, cst.CSTNode) else 2 if value_type in (list, tuple) else 0
    return kind


def _child_kind(value_type: type) -> int:
    """`_CHILD_KIND_BY_TYPE[value_type]`, filled on first sight."""
    kind = _CHILD_KIND_BY_TYPE[value_type] = KIND_BY_TYPE.get(value_type) or value_kind(value_type)
    return kind


def names_in(node: cst.CSTNode) -> Iterator[str]:
    """Every identifier and attribute name inside a node (`self.stop_event.is_set` gives all four); `child_nodes`
    inlined, as in `walk_own`."""
    pending: list[cst.CSTNode] = [node]
    kinds = _CHILD_KIND_BY_TYPE
    while pending:
        current = pending.pop()
        if type(current) is cst.Name:
            yield current.value
        for name in FIELDS_BY_TYPE.get(type(current)) or child_fields(type(current)):
            value = getattr(current, name)
            kind = kinds.get(type(value))
            if kind is None:
                kind = _child_kind(type(value))
            if kind == 1:
                pending.append(value)
            elif kind == 2:
                for item in value:
                    item_kind = kinds.get(type(item))
                    if item_kind == 1 or (item_kind is None and _child_kind(type(item)) == 1):
                        pending.append(item)


def names_within(node: cst.CSTNode, depth: int) -> dict[str, tuple[cst.Name, ...]]:
    """The `Name` nodes up to `depth` levels below `node`, by identifier, each tuple in the order a stack meets them.
    `child_nodes` inlined: binding rules ask it of the value of every assignment of every file."""
    found: dict[str, tuple[cst.Name, ...]] = {}
    kinds = _CHILD_KIND_BY_TYPE
    pending: list[tuple[cst.CSTNode, int]] = [(node, depth)]
    while pending:
        current, left = pending.pop()
        if type(current) is cst.Name:
            found[current.value] = (*found.get(current.value, ()), current)
            continue
        if not left:
            continue
        left -= 1
        for name in FIELDS_BY_TYPE.get(type(current)) or child_fields(type(current)):
            value = getattr(current, name)
            kind = kinds.get(type(value))
            if kind is None:
                kind = _child_kind(type(value))
            if kind == 1:
                pending.append((value, left))
            elif kind == 2:
                for item in value:
                    item_kind = kinds.get(type(item))
                    if item_kind == 1 or (item_kind is None and _child_kind(type(item)) == 1):
                        pending.append((item, left))
    return found


def calls_in(node: cst.CSTNode) -> Iterator[cst.Call]:
    """Every call under a node, nested definitions included, in no particular order."""
    pending: list[cst.CSTNode] = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Call:
            yield current
        pending.extend(child_nodes(current))


def walk_own(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node under `node` that runs in the same scope (nested defs, lambdas and classes are skipped).

    `child_nodes` is inlined, as in `_own_node_tuple`: rules walk a block this way for most functions and `if` tests
    of every file, and a call and a list per node were a third of the walk."""
    pending = [node]
    kinds = _CHILD_KIND_BY_TYPE
    nested = NESTED_SCOPE_TYPES
    while pending:
        current = pending.pop()
        yield current
        for name in FIELDS_BY_TYPE.get(type(current)) or child_fields(type(current)):
            value = getattr(current, name)
            kind = kinds.get(type(value))
            if kind is None:
                kind = _child_kind(type(value))
            if kind == 1:
                if type(value) not in nested:
                    pending.append(value)
            elif kind == 2:
                for item in value:
                    item_kind = kinds.get(type(item))
                    if (item_kind == 1 or (item_kind is None and _child_kind(type(item)) == 1)) \
                            and type(item) not in nested:
                        pending.append(item)


def _own_node_tuple(root: cst.CSTNode) -> tuple[cst.CSTNode, ...]:
    """`tuple(walk_own(root))`, with `child_nodes` inlined: an index of a function's body is built for most
    functions of every file."""
    found: list[cst.CSTNode] = []
    pending = [root]
    kinds = _CHILD_KIND_BY_TYPE
    nested = NESTED_SCOPE_TYPES
    while pending:
        current = pending.pop()
        found.append(current)
        for name in FIELDS_BY_TYPE.get(type(current)) or child_fields(type(current)):
            value = getattr(current, name)
            kind = kinds.get(type(value))
            if kind is None:
                kind = _child_kind(type(value))
            if kind == 1:
                if type(value) not in nested:
                    pending.append(value)
            elif kind == 2:
                for item in value:
                    item_kind = kinds.get(type(item))
                    if (item_kind == 1 or (item_kind is None and _child_kind(type(item)) == 1)) \
                            and type(item) not in nested:
                        pending.append(item)
    return tuple(found)


class _OwnNodes:
    """One root's `walk_own` nodes, and the same nodes by exact type once a rule asks for one type."""

    __slots__ = ("root", "nodes", "by_type")

    def __init__(self, root: cst.CSTNode) -> None:
        self.root = root  # kept, so that its id is not reused by another node while the entry lives
        self.nodes = _own_node_tuple(root)
        self.by_type: dict[type, list[cst.CSTNode]] | None = None


# Per file (a `file_memos.file_memo`): root id -> its `_OwnNodes`.
_OWN_NODES: dict[int, _OwnNodes] = file_memo({})


def _own_entry(root: cst.CSTNode) -> _OwnNodes:
    entry = _OWN_NODES.get(id(root))
    if entry is None or entry.root is not root:
        entry = _OWN_NODES[id(root)] = _OwnNodes(root)
    return entry


def own_nodes(root: cst.CSTNode) -> tuple[cst.CSTNode, ...]:
    """The nodes `walk_own(root)` yields, in its order, walked once per root and file: the index of a block that
    several rules search (a function's body, an `except` handler's). Prefer `walk_own` for a root searched once,
    where a search that stops at the first match walks less."""
    return _own_entry(root).nodes


def own_nodes_of(root: cst.CSTNode, kind: type[NodeT]) -> Sequence[NodeT]:
    """`own_nodes(root)` of exactly type `kind` (libcst's node classes have no subclasses), in the same order: the
    calls, returns or assignments of a function's own code, read without visiting the other nodes again."""
    entry = _own_entry(root)
    by_type = entry.by_type
    if by_type is None:
        by_type = entry.by_type = {}
        for node in entry.nodes:
            found = by_type.get(type(node))
            if found is None:
                by_type[type(node)] = [node]
            else:
                found.append(node)
    return by_type.get(kind, ())  # type: ignore[return-value]


# The nodes that hold statements: blocks, compound statements and their clauses. Expressions hold none (a lambda's
# body is an expression), so a search for statements enters nothing else.
STATEMENT_HOLDERS = frozenset({cst.IndentedBlock, cst.SimpleStatementSuite, cst.SimpleStatementLine, cst.If, cst.Else,
                               cst.For, cst.While, cst.Try, cst.TryStar, cst.ExceptHandler, cst.ExceptStarHandler,
                               cst.Finally, cst.With, cst.Match, cst.MatchCase})
_RETURN_SEARCH = STATEMENT_HOLDERS | {cst.Return}
# What a search for statements anywhere in a module enters: the holders and the nested definitions' bodies.
_NESTED_STATEMENT_SEARCH = STATEMENT_HOLDERS | {cst.Module, cst.FunctionDef, cst.ClassDef}


def statements_of(root: cst.CSTNode, kinds: frozenset[type]) -> Iterator[cst.CSTNode]:
    """The statements of exactly the types `kinds` under `root`, nested definitions included, in no particular order,
    stepping into no expression: a module's assignments are found without visiting the nodes of its expressions."""
    pending = [root]
    while pending:
        current = pending.pop()
        for child in child_nodes(current):
            if type(child) in kinds:
                yield child
            elif type(child) in _NESTED_STATEMENT_SEARCH:
                pending.append(child)


def own_returns(node: cst.CSTNode) -> Iterator[cst.Return]:
    """The `return` statements `walk_own(node)` meets, in its order, without stepping into any expression."""
    pending = [node]
    while pending:
        current = pending.pop()
        if type(current) is cst.Return:
            yield current
            continue
        pending.extend(child for child in child_nodes(current) if type(child) in _RETURN_SEARCH)


def returned_names(function: cst.FunctionDef) -> frozenset[str]:
    """The plain names the function's own `return` statements give back (`return ctx`)."""
    return frozenset(node.value.value for node in own_returns(function.body) if type(node.value) is cst.Name)
