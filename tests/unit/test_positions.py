"""Positions resolved for the reported nodes only are libcst's `PositionProvider` ranges, node for node."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from tests.conftest import REPO_ROOT
from vibecheck.positions import positions_of

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
