"""Dependencies and decorators that read as guards and never turn a caller away.

`get_optional_user` returns None when the token is missing or bad, `user: User | None = Depends(...)` says the
handler runs for anonymous callers too, a decorator that only attaches `g.user` lets everybody through: a route
guarded only by such a function is open. The collector records what each module-level function can do (raise,
abort, answer 401/403) and which dependencies guard a route only by their names; `resolve.py` drops those guards
whose every dependency is a project function that cannot deny.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node

NONE_TYPES = frozenset({"None", "NoneType"})
OPTIONAL_GENERICS = frozenset({"Optional"})
REQUEST_HOLDERS = frozenset({"g", "request", "flask.g"})


def is_optional(annotation: cst.BaseExpression | None) -> bool:
    """`Optional[User]`, `User | None`, `Union[User, None]`, `Annotated[User | None, Depends(f)]`."""
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
        return any(_names_none(side) or is_optional(side) for side in (annotation.left, annotation.right))
    if not isinstance(annotation, cst.Subscript):
        return False
    generic = (get_full_name_for_node(annotation.value) or "").rpartition(".")[2]
    elements = [e.slice.value for e in annotation.slice if isinstance(e.slice, cst.Index)]
    if generic in OPTIONAL_GENERICS:
        return True
    if generic == "Union":
        return any(_names_none(e) for e in elements)
    return generic == "Annotated" and bool(elements) and is_optional(elements[0])


def _names_none(node: cst.BaseExpression) -> bool:
    return get_full_name_for_node(node) in NONE_TYPES


def attaches_to_request(target: cst.BaseExpression) -> bool:
    """`g.user = ...`, `request.state.user = ...`: a wrapper that hands the caller's identity on, whoever it is."""
    while type(target) is cst.Attribute:
        target = target.value
        if get_full_name_for_node(target) in REQUEST_HOLDERS:
            return True
    return False


