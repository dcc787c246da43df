"""The module's own helpers that read the client's request and return what it sent: `def body(request): return
json.loads(request.body or b"{}")`, `def _json(): return request.get_json(silent=True) or {}`."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.analysis.flow import FlowState, walk_block
from vibecheck.analysis.nodes import suite_statements

# What a return of a reader carries: the client's data.
REQUEST_KIND = "request"


class RequestReaders:
    """Answers, per name, whether the module-level function of that name returns the request's data; each function
    is walked once, when a call of it is first asked about, with a state from the asker's `new_state`. The factory is
    passed with each question, not kept: a rule's bound method kept here, where the rule keeps this object, made a
    cycle that held the file's rule, context and trees until the cyclic garbage collector ran."""

    def __init__(self, module: cst.Module) -> None:
        self._functions = {statement.name.value: statement for statement in module.body
                           if type(statement) is cst.FunctionDef}
        self._known: dict[str, bool] = {}

    def returns_request_data(self, name: str, new_state: Callable[[], FlowState]) -> bool:
        known = self._known.get(name)
        if known is None:
            function = self._functions.get(name)
            known = self._known[name] = function is not None and _returns_request_data(function, new_state())
        return known


def _returns_request_data(function: cst.FunctionDef, state: FlowState) -> bool:
    """One of the function's returns carries the request's data (followed through the helper's own names: `raw =
    request.body; return json.loads(raw)`)."""
    found: list[bool] = []

    def on_statement(node: cst.CSTNode, current: FlowState) -> None:
        if type(node) is cst.Return and node.value is not None and not found:
            taint = current.taint_of(node.value)
            if taint is not None and taint.kind == REQUEST_KIND:
                found.append(True)

    walk_block(suite_statements(function.body), state, on_statement)
    return bool(found)
