"""`child_nodes` gives the same children as libcst's `children`, on every node of real files."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

import vibecheck.engine
import vibecheck.rules.auth.auth_check_always_passes
from vibecheck.cst_fields import child_nodes

SOURCES = [Path(vibecheck.engine.__file__), Path(vibecheck.rules.auth.auth_check_always_passes.__file__)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_child_nodes_are_libcst_children(path: Path) -> None:
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    pending: list[cst.CSTNode] = [module]
    seen = 0
    while pending:
        node = pending.pop()
        expected = node.children
        found = child_nodes(node)
        assert sorted(map(id, found)) == sorted(map(id, expected)), type(node).__name__
        pending.extend(expected)
        seen += 1
    assert seen > 1000  # the walk reached the whole file, whitespace and comments included


def test_child_nodes_keep_the_nodes_of_optional_and_sequence_fields() -> None:
    call = cst.parse_expression("f(a, *b, key=c)")
    assert isinstance(call, cst.Call)
    found = child_nodes(call)
    assert call.func in found
    assert all(arg in found for arg in call.args)
    assert len(found) == len(call.children)
