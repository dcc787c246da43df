"""A handler that branches on the request's method and hands each writing method to a function of another module
(Eve's `item_endpoint`: `elif method == "PATCH": response = patch(resource, **lookup)`, with `patch` under
`@requires_auth("item")` in `eve/methods/patch.py`): it is guarded where every such function is. The collector lists
the functions each writing branch calls (`dispatched_calls`); `resolve.AppModel` judges them against the guards the
other modules' decorators show."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.analysis.app_model.frameworks import STATE_CHANGING_METHODS
from vibecheck.cst_fields import own_nodes_of
from vibecheck.imports import full_name
from vibecheck.literals import text_value

METHOD_NAME = "method"  # `method = request.method`, `request.method`, `flask.request.method`


def _compared_methods(test: cst.BaseExpression) -> set[str]:
    """`method == "PATCH"`, `request.method in ("PUT", "PATCH")` -> the methods named."""
    if type(test) is not cst.Comparison or (full_name(test.left) or "").rpartition(".")[2] != METHOD_NAME:
        return set()
    found: set[str] = set()
    for target in test.comparisons:
        if type(target.operator) is cst.Equal:
            found.add(text_value(target.comparator) or "")
        elif type(target.operator) is cst.In and isinstance(target.comparator, (cst.Tuple, cst.List, cst.Set)):
            found.update(text_value(e.value) or "" for e in target.comparator.elements)
    return found - {""}


def dispatched_calls(function: cst.FunctionDef, imported: Callable[[str], str | None]) -> list[str] | None:
    """The refs (`imported` turns a called name into one, None for what is not imported) of the functions called in
    the function's branches on a writing method; None unless there is such a branch and each calls one."""
    refs: list[str] = []
    branches = 0
    for branch in own_nodes_of(function.body, cst.If):
        if not _compared_methods(branch.test) & STATE_CHANGING_METHODS:
            continue
        branches += 1
        called = [ref for call in own_nodes_of(branch.body, cst.Call) if (ref := imported(full_name(call.func) or ""))]
        if not called:
            return None
        refs += called
    return sorted(set(refs)) if branches else None
