"""Positions resolved for the reported nodes only are libcst's `PositionProvider` ranges, node for node."""

from __future__ import annotations

import ast
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from tests.conftest import REPO_ROOT
from vibecheck.positions import positions_of, statement_paths, statement_positions

# Real files of every shape: the engine and flow helpers (long, nested), rule corpora (odd code on purpose).
SAMPLES = [REPO_ROOT / "src" / "vibecheck" / name for name in ("engine.py", "cli.py", "suppression.py", "facts.py")]
SAMPLES += [REPO_ROOT / "src" / "vibecheck" / "analysis" / "flow.py"]
SAMPLES += sorted((REPO_ROOT / "rules").glob("VC1*/cases.py"))[:3] + sorted((REPO_ROOT / "rules").glob("VC4*/cases.py"))[:3]
ODD = {
    "crlf and tabs": "def f(a,\r\n\tb):\r\n\tif a:  # c\r\n\t\treturn b\r\n\telse:\r\n\t\tpass\r\n",
    "semicolons and suites": "import os, sys as s; x = 1; y = (2 +\n 3)\nif x: pass\nelif y: z = 1; w = 2\n",
    "try, match, with": ("try:\n    pass\nexcept E as e:\n    raise\nelse:\n    x = 1\nfinally:\n    y = 2\n"
                         "match p:\n    case [1, *r]:\n        pass\n    case _:\n        pass\n"
                         "with a as b, c:\n    from m import (x,\n        y)\n"),
    "decorated class and strings": '@d\n@e(1)\nclass C(B, metaclass=M):\n    """doc\n    more"""\n    f = f"{a!r:>{w}}" "x"\n',
}


def _all_nodes(module: cst.Module) -> list[cst.CSTNode]:
    nodes, pending = [], [module]
    while pending:
        node = pending.pop()
        nodes.append(node)
        pending.extend(node.children)
    return nodes


def _assert_identical(module: cst.Module) -> int:
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    nodes = _all_nodes(module)
    every = positions_of(module, nodes)
    mismatches = [(type(n).__name__, every.get(id(n)), expected[n]) for n in nodes if every.get(id(n)) != expected[n]]
    assert mismatches == []
    for node in nodes[:: max(1, len(nodes) // 8)]:  # one node wanted alone gets the same range as when all are wanted
        assert positions_of(module, [node])[id(node)] == expected[node]
    return len(nodes)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_positions_match_libcst_on_real_files(path: Path) -> None:
    assert _assert_identical(cst.parse_module(path.read_bytes())) > 100


@pytest.mark.parametrize("source", list(ODD.values()), ids=list(ODD))
def test_positions_match_libcst_on_odd_layouts(source: str) -> None:
    assert _assert_identical(cst.parse_module(source)) > 10


def test_a_node_outside_the_tree_has_no_position() -> None:
    module = cst.parse_module("x = 1\n")
    assert positions_of(module, [cst.Name("x")]) == {}


def _by_statement(module: cst.Module) -> dict[tuple[int, ...], list[cst.CSTNode]]:
    """Every node under the innermost statement path that holds it (a top-level statement or a top-level class's)."""
    paths = statement_paths(module)
    grouped: dict[tuple[int, ...], list[cst.CSTNode]] = {}
    pending: list[tuple[cst.CSTNode, tuple[int, ...]]] = [(statement, (index,)) for index, statement in enumerate(module.body)]
    while pending:
        node, path = pending.pop()
        path = paths.get(id(node), path)
        grouped.setdefault(path, []).append(node)
        pending.extend((child, path) for child in node.children)
    return grouped


@pytest.mark.parametrize("source", [*(p.read_text(encoding="utf-8") for p in SAMPLES), *ODD.values()],
                         ids=[*(str(p.relative_to(REPO_ROOT)) for p in SAMPLES), *ODD])
def test_positions_from_single_statements_are_the_whole_modules(source: str) -> None:
    """Generating only the statement that holds a node, started at the line `ast` gives it, places every node as
    generating the whole module does (the samples have classes, decorators, `a; b` lines, CRLF, comments)."""
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    grouped = _by_statement(module)
    found = statement_positions(module, ast.parse(source), source, grouped)
    nodes = [node for group in grouped.values() for node in group]
    assert len(nodes) > 10 and all(found.get(id(node)) == expected[node] for node in nodes)


def test_a_statement_that_is_not_the_sources_text_at_its_line_places_nothing() -> None:
    """The `ast` must be the module's: with another file's, no statement's code is found at its line, and nothing
    is placed (the engine then generates the whole module)."""
    module = cst.parse_module("x = 1\ny = 2\n")
    assert statement_positions(module, ast.parse("\nx = 1\ny = 2\n"), "x = 1\ny = 2\n",
                               {(1,): [module.body[1]]}) == {}
    assert statement_positions(module, ast.parse("x = 1\n"), "x = 1\ny = 2\n", {(0,): [module.body[0]]}) == {}
