"""Source positions of the few nodes a file's findings name, without recording one for every node.

libcst's `PositionProvider` generates the module's code once and records a `CodeRange` for every node on
the way (a context manager, two positions and a dict entry per node). The engine needs positions only for
the nodes its findings and fixes name, so the same code generation runs here with a state that tracks the
line and column as libcst's does but records only the wanted nodes, and the nodes a wanted range is hoisted
from (a compound statement ends where its body ends). The ranges are the `PositionProvider`'s, identical
(tests/test_positions.py compares them on every node of real files).
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from typing import Any

import libcst as cst
from libcst._position import CodePosition, CodeRange
from libcst.metadata import MetadataWrapper, PositionProvider
from libcst.metadata.position_provider import NEWLINE_RE, PositionProvidingCodegenState

_UNRECORDED = contextlib.nullcontext()


@dataclass(frozen=False)
class _WantedPositionsState(PositionProvidingCodegenState):
    """libcst's position-providing code generation, recording only the nodes whose ids are in `wanted`."""

    wanted: set[int] = field(default_factory=set)
    ranges: dict[int, CodeRange] = field(default_factory=dict)
    starts: list[CodePosition] = field(default_factory=list)

    def _update_position(self, value: str) -> None:
        if "\n" not in value and "\r" not in value:  # most tokens: the regex split below is the dear part
            self.column += len(value)
            return
        segments = NEWLINE_RE.split(value)
        self.line += len(segments) - 1
        self.column = len(segments[-1])

    def before_codegen(self, node: cst.CSTNode) -> None:
        if id(node) in self.wanted:
            self.starts.append(CodePosition(self.line, self.column))

    def after_codegen(self, node: cst.CSTNode) -> None:
        # A node without a syntactic range gets the whitespace-inclusive one, as in libcst's provider.
        if id(node) in self.wanted:
            start = self.starts.pop()
            if id(node) not in self.ranges:
                self.ranges[id(node)] = CodeRange(start, CodePosition(self.line, self.column))

    def record_syntactic_position(self, node: cst.CSTNode, *, start_node: cst.CSTNode | None = None,
                                  end_node: cst.CSTNode | None = None) -> Any:
        # The hoisted-from nodes are generated inside this call, so wanting them now is in time.
        if id(node) not in self.wanted:
            return _UNRECORDED
        if start_node is not None:
            self.wanted.add(id(start_node))
        if end_node is not None:
            self.wanted.add(id(end_node))
        return self._recording(node, start_node, end_node)

    @contextlib.contextmanager
    def _recording(self, node: cst.CSTNode, start_node: cst.CSTNode | None, end_node: cst.CSTNode | None) -> Iterator[None]:
        start = CodePosition(self.line, self.column)
        try:
            yield
        finally:
            end = CodePosition(self.line, self.column)
            if start_node is not None:
                start = self.ranges[id(start_node)].start
            if end_node is not None:
                end = self.ranges[id(end_node)].end
            self.ranges[id(node)] = CodeRange(start, end)


def positions_of(module: cst.Module, nodes: Collection[cst.CSTNode]) -> dict[int, CodeRange]:
    """{id(node): its `PositionProvider` range} for `nodes` (and a few nodes their ranges derive from).

    A node that is not in the module's tree gets no entry. Falls back to the public provider if a libcst
    release changes the code-generation state this relies on.
    """
    wanted = {id(node) for node in nodes}
    try:
        state = _WantedPositionsState(default_indent=module.default_indent, default_newline=module.default_newline,
                                      provider=PositionProvider(), wanted=wanted)
        module._codegen(state)
        return state.ranges
    except (AttributeError, TypeError, KeyError):
        computed = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
        return {id(node): computed[node] for node in nodes if node in computed}
