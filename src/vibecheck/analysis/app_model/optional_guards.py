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

from vibecheck.analysis.app_model import frameworks as fw

OPTIONAL_MARK = "?"  # a ref of a parameter typed `X | None`: open unless its dependency is a project guard that denies
# Words of a dependency's name that say it lets anonymous callers through: `optional_current_user`, `maybe_user`.
OPTIONAL_WORDS = frozenset({"optional", "maybe", "anonymous", "anon"})
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


def open_by_name(ref: str) -> bool:
    """A dependency not defined in the checked files, taken as letting anyone in: its name says it is optional
    (`current_user_optional`, `get_user_or_none`), or it feeds a parameter typed `X | None` and its name is no guard's
    (`current_user: User | None = Depends(load_profile)`). A `get_current_user` seen only by name stays a guard."""
    name = ref.removeprefix(OPTIONAL_MARK).rpartition(".")[2]
    words = fw.name_words(name)
    if OPTIONAL_WORDS.intersection(words) or "".join(words).endswith("ornone"):
        return True
    return ref.startswith(OPTIONAL_MARK) and not fw.reads_as_guard(name)
