"""What the client-data sink rules (VC411-VC416) share: sink tables, a walk that reports tainted arguments.

A rule lists its sinks as data (`function_sinks` by resolved name, `method_sinks` by method name, each with
the position and keyword of the argument that must not carry client data) and its sanitisers; the base
walks each function with the shared `FlowState` and calls `describe()` for each tainted sink argument. The tables
read the call a local name stands for (`FlowState.seen_call`: `run_sql = cursor.execute`, a `partial`'s keywords);
`describe()` gets the call as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import libcst as cst

from vibecheck.analysis.flow import (
    SUMMARISED_KINDS,
    FlowRule,
    FlowState,
    SourceFinder,
    Taint,
    call_argument,
    iter_calls,
    request_source,
)

ArgumentSpec = tuple[int | None, str | None]


class ClientSinkRule(FlowRule):
    """A flow rule whose sinks and sanitisers are tables (no code: not registered)."""

    function_sinks: ClassVar[dict[str, ArgumentSpec]] = {}
    method_sinks: ClassVar[dict[str, ArgumentSpec]] = {}
    sanitizers: ClassVar[frozenset[str]] = frozenset()
    # a handler in a test file is a fixture that no client reaches
    applies_to_tests = False
    source: ClassVar[SourceFinder] = staticmethod(request_source)
    # The taint kinds reported where they reach a sink in the function itself (not followed into other functions).
    reported_kinds: ClassVar[frozenset[str]] = frozenset({"request"})

    def new_state(self) -> FlowState:
        return FlowState(self.context.imports, type(self).source, sanitizer_names=self.sanitizers)

    summarises = True

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        for call in iter_calls(node):
            seen = state.seen_call(call)  # `run_sql(sql)` after `run_sql = cursor.execute`: `cursor.execute(sql)`
            for argument, label in self.sinks(seen, state):
                taint = state.taint_of(argument)
                if taint is None or not self.accepts(seen, argument, state):
                    continue
                if taint.kind in self.reported_kinds:
                    self.describe(argument, label, taint, call)
                    break
                if taint.kind in SUMMARISED_KINDS:
                    with self.recording(taint, state, self.needs(seen, argument, state)) as placeholder:
                        self.describe(argument, label, placeholder, call)
                    break

    def sinks(self, call: cst.Call, state: FlowState) -> Iterator[tuple[cst.BaseExpression, str]]:
        """The arguments of `call` that are sinks, with a label for the message."""
        name = state.qualified_name(call) or ""
        spec = self.function_sinks.get(name)
        func = call.func
        if spec is None and type(func) is cst.Attribute and func.attr.value in self.method_sinks:
            spec = self.method_sinks[func.attr.value]
            name = f"{func.attr.value}"
        if spec is not None:
            argument = call_argument(call, *spec)
            if argument is not None:
                yield argument, name

    def accepts(self, call: cst.Call, argument: cst.BaseExpression, state: FlowState) -> bool:
        """A last look at the call (a JSON content type, a safe parser): False drops the finding."""
        return True

    def needs(self, call: cst.Call, argument: cst.BaseExpression, state: FlowState) -> str:
        """What a value a parameter or a helper's result brings to the sink must be for the sink to count
        (`summary_keys.TEXT`, `OBJECT`): by default anything."""
        return ""

    def describe(self, node: cst.BaseExpression, label: str, taint: Taint, call: cst.Call) -> None:
        raise NotImplementedError
