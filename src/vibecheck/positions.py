"""Source positions of the few nodes a file's findings name, without recording one for every node.

libcst's `PositionProvider` generates the module's code once and records a `CodeRange` for every node on
the way (a context manager, two positions and a dict entry per node). The engine needs positions only for
the nodes its findings and fixes name, so the same code generation runs here with a state that tracks the
line and column as libcst's does but records only the wanted nodes, and the nodes a wanted range is hoisted
from (a compound statement ends where its body ends). The ranges are the `PositionProvider`'s, identical
(tests/test_positions.py compares them on every node of real files).

Most findings name nodes of one or two top-level statements, and generating a whole module of a thousand lines
for them was most of the cost: `statement_positions` generates only the statements that hold the wanted nodes,
each started at the line where Python's `ast` places it. A statement is used only when its generated code is
the source's text at that line (else, and for nodes it does not hold, the whole module is generated).
"""

from __future__ import annotations

import ast
import contextlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import libcst as cst
from libcst._position import CodePosition, CodeRange
from libcst.metadata import MetadataWrapper, PositionProvider
from libcst.metadata.position_provider import NEWLINE_RE, PositionProvidingCodegenState

from vibecheck.lines import line_starts

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


def statement_positions(module: cst.Module, tree: ast.Module, source: str,
                        nodes_by_statement: Mapping[tuple[int, ...], Collection[cst.CSTNode]]) -> dict[int, CodeRange]:
    """`positions_of` for nodes inside the statements they are listed under, generating the code of those
    statements only. A statement is named by its path (`statement_path`): `(i,)` is `module.body[i]`, `(i, j)`
    the `j`th statement in the body of the class `module.body[i]`. A node missing from the result was not found
    in its statement, or its statement could not be placed (the caller resolves it otherwise)."""
    starts = line_starts(source)
    ranges: dict[int, CodeRange] = {}
    for path, nodes in nodes_by_statement.items():
        placed = _place(module, tree, path)
        if placed is None or not 0 < placed[1] <= len(starts):
            continue
        statement, line, indent = placed
        state = _WantedPositionsState(default_indent=module.default_indent, default_newline=module.default_newline,
                                      provider=PositionProvider(), wanted={id(node) for node in nodes}, line=line,
                                      indent_tokens=indent)
        try:
            statement._codegen(state)
        except (AttributeError, TypeError, KeyError):
            continue
        if source.startswith("".join(state.tokens), starts[line - 1]):
            ranges.update(state.ranges)
    return ranges


def statement_paths(module: cst.Module) -> dict[int, tuple[int, ...]]:
    """{id(statement): its path} for the module's top-level statements and the statements of its top-level classes."""
    paths: dict[int, tuple[int, ...]] = {}
    for index, statement in enumerate(module.body):
        paths[id(statement)] = (index,)
        if type(statement) is cst.ClassDef and type(statement.body) is cst.IndentedBlock:
            for member_index, member in enumerate(statement.body.body):
                paths[id(member)] = (index, member_index)
    return paths


def _place(module: cst.Module, tree: ast.Module, path: tuple[int, ...]
           ) -> tuple[cst.CSTNode, int, list[str]] | None:
    """The statement at `path`, the line its code begins on and the indentation it is generated with."""
    statements: Sequence[cst.CSTNode] = module.body
    python: list[ast.stmt] = tree.body
    indent: list[str] = []
    for depth, index in enumerate(path):
        first_lines = _first_lines(statements, python)
        if first_lines is None or not 0 <= index < len(first_lines):
            return None
        statement = statements[index]
        if depth == len(path) - 1:
            return statement, first_lines[index], indent
        python_statement = _python_statement(statements, python, index)
        if not isinstance(statement, cst.ClassDef) or not isinstance(statement.body, cst.IndentedBlock) \
                or not isinstance(python_statement, ast.ClassDef):
            return None
        indent = [*indent, module.default_indent if statement.body.indent is None else statement.body.indent]
        statements, python = statement.body.body, python_statement.body
    return None


def _python_statement(statements: Sequence[cst.CSTNode], python: list[ast.stmt], index: int) -> ast.stmt:
    """The first `ast` statement of `statements[index]`."""
    taken = sum(len(s.body) if isinstance(s, cst.SimpleStatementLine) else 1 for s in statements[:index])
    return python[taken]


def _first_lines(statements: Sequence[cst.CSTNode], python: list[ast.stmt]) -> list[int] | None:
    """The line where the code of each statement begins (its leading comment and blank lines included), from the
    `ast` statements it holds (a line of `a; b` holds two); None when the two lists do not pair up."""
    lines = []
    taken = 0
    for statement in statements:
        if taken >= len(python):
            return None
        first = python[taken]
        taken += len(statement.body) if type(statement) is cst.SimpleStatementLine else 1
        line = first.lineno
        decorators = getattr(statement, "decorators", ())
        if decorators and isinstance(first, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and first.decorator_list:
            line = first.decorator_list[0].lineno - len(decorators[0].leading_lines)
        lines.append(line - len(getattr(statement, "leading_lines", ())))
    return lines if taken == len(python) else None
