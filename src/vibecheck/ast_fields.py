"""Which fields of each `ast` node class can hold child nodes, read once from the classes themselves.

A walk that asks every field of every node (`ast.iter_child_nodes`) spends most of its time on fields that
never hold a node (`Name.id`, `Constant.value`, `Attribute.attr`) and on the operator and context leaves
(`Load`, `Store`, `Add`, `Eq`: a third of Django's nodes), which have no fields and say nothing about names or
calls. Each class's docstring is its ASDL signature (`BinOp(expr left, operator op, expr right)`), so the
types of its fields are known before any tree is seen; a class whose signature does not read back as its
`_fields` keeps all of them, so a Python release that words them differently only costs speed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

# ASDL types whose values are never nodes.
VALUE_TYPES = frozenset({"identifier", "string", "int", "constant", "object"})
# Sum types whose nodes are field-less singletons of one kind each (`ast.Load()`, `ast.Add()`).
LEAF_TYPES = frozenset({"expr_context", "operator", "unaryop", "cmpop", "boolop"})


def _field_types(kind: type[ast.AST]) -> dict[str, str] | None:
    """{field: ASDL type} from the class's signature; None when it cannot be read or disagrees with `_fields`."""
    fields: tuple[str, ...] = kind._fields
    first_line = (kind.__doc__ or "").strip().partition("\n")[0]
    name, parenthesis, rest = first_line.partition("(")
    if not (parenthesis and name == kind.__name__ and rest.endswith(")")):
        return {} if not fields and first_line.partition(" ")[0] == kind.__name__ else None  # `Load`: no fields
    types: dict[str, str] = {}
    for part in rest[:-1].split(","):
        asdl, space, field = part.strip().partition(" ")  # `expr* values`, `expr? returns`
        asdl = asdl[:-1] if asdl.endswith(("*", "?")) else asdl
        if not (space and asdl.isidentifier() and field.isidentifier()):
            return None
        types[field] = asdl
    return types if tuple(types) == fields else None


def _node_fields(kind: type[ast.AST]) -> tuple[str, ...] | None:
    """The fields of `kind` that can hold nodes other than operator and context leaves, in `_fields` order."""
    types = _field_types(kind)
    if types is None:
        return None
    return tuple(name for name, asdl in types.items() if asdl not in VALUE_TYPES and asdl not in LEAF_TYPES)


def _statement_fields(kind: type[ast.AST]) -> tuple[str, ...] | None:
    """The fields of `kind` that hold statements (`body`, `orelse`, `finalbody`), in `_fields` order."""
    types = _field_types(kind)
    return None if types is None else tuple(name for name, asdl in types.items() if asdl == "stmt")


_CLASSES = [kind for kind in vars(ast).values() if isinstance(kind, type) and issubclass(kind, ast.AST)]
# {class: its fields}; None for a class whose signature could not be read (its children are then checked one by one).
CONTENT_FIELDS: dict[type, tuple[str, ...] | None] = {kind: _node_fields(kind) for kind in _CLASSES}
STATEMENT_FIELDS: dict[type, tuple[str, ...] | None] = {kind: _statement_fields(kind) for kind in _CLASSES}
LEAVES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)


def content_fields(kind: type) -> tuple[str, ...] | None:
    """`CONTENT_FIELDS[kind]`, read for a class the `ast` module does not list by name too; None: unknown."""
    return CONTENT_FIELDS[kind] if kind in CONTENT_FIELDS else CONTENT_FIELDS.setdefault(kind, _node_fields(kind))


def content_children(node: ast.AST) -> list[ast.AST]:
    """The children of `node` that can name, call or hold anything (all but operator and context leaves), in
    `ast.iter_child_nodes` order."""
    fields = content_fields(type(node))
    if fields is None:
        return [child for child in ast.iter_child_nodes(node) if not isinstance(child, LEAVES)]
    children: list[ast.AST] = []
    for name in fields:
        value = getattr(node, name, None)
        if isinstance(value, list):  # `Dict.keys` and `arguments.kw_defaults` hold None for `**x` and no default
            children.extend(value if None not in value else [item for item in value if item is not None])
        elif value is not None:
            children.append(value)
    return children


_LAST_TREE: list[object] = [None, []]  # the last tree `tree_nodes` walked, and its nodes


def tree_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of `tree` but the operator and context leaves, breadth first as `ast.walk` gives them (parents
    before children). The chain screen and several rules read one file's whole tree; the list of the last tree
    asked about is kept, so the tree is walked once. Read it, never change it."""
    if _LAST_TREE[0] is not tree:
        nodes: list[ast.AST] = [tree]
        for node in nodes:
            nodes.extend(content_children(node))
        _LAST_TREE[:] = [tree, nodes]
    return _LAST_TREE[1]  # type: ignore[return-value]


def statement_children(node: ast.AST) -> list[ast.stmt]:
    """The child statements of `node` (not those of its `except` handlers or `case` blocks, which are no statements
    themselves), in `ast.iter_child_nodes` order."""
    kind = type(node)
    fields = STATEMENT_FIELDS[kind] if kind in STATEMENT_FIELDS else STATEMENT_FIELDS.setdefault(kind, _statement_fields(kind))
    if fields is None:
        return [child for child in ast.iter_child_nodes(node) if isinstance(child, ast.stmt)]
    children: list[ast.stmt] = []
    for name in fields:
        children.extend(getattr(node, name, ()))
    return children


_NESTED_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)


def own_ast_nodes(block: list[ast.stmt]) -> Iterator[ast.AST]:
    """The nodes of a function's body, not those of a function, lambda or class defined in it (their code runs at
    another time)."""
    pending: list[ast.AST] = list(block)
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, _NESTED_SCOPES):
            pending.extend(ast.iter_child_nodes(node))


def ast_tail(node: ast.expr) -> str | None:
    """The last name of a name or attribute chain (`Enum` of `enum.Enum`, `require_role` of `auth.require_role`), else
    None: what the readers of other modules (`ast`, no libcst) compare a base class or a callee by."""
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None
