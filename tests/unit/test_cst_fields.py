"""`child_nodes` gives the same children as libcst's `children` but the whitespace leaves, on every node of real files."""

from __future__ import annotations

from pathlib import Path

import libcst as cst
import pytest

import vibecheck.engine
import vibecheck.rules.auth.auth_check_always_passes
from vibecheck.cst_fields import (
    LEAF_NODES,
    child_nodes,
    declared_field_kinds,
    node_fields,
    own_nodes,
    own_nodes_of,
    own_returns,
    statements_of,
    walk_own,
)
from vibecheck.file_memos import forget_file_nodes

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
        assert sorted(map(id, found)) == sorted(id(child) for child in expected if type(child) not in LEAF_NODES), \
            type(node).__name__
        pending.extend(expected)
        seen += 1
    assert seen > 1000  # the walk reached the whole file, whitespace and comments included


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_node_fields_with_leaves_hold_every_child(path: Path) -> None:
    """The fields the engine's walk reads when a rule visits the whitespace leaves: all of libcst's children."""
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        found = []
        for name in node_fields(type(node), leaves=True):
            value = getattr(node, name)
            found.extend(item for item in (value if isinstance(value, (list, tuple)) else [value])
                         if isinstance(item, cst.CSTNode))
        assert sorted(map(id, found)) == sorted(map(id, node.children)), type(node).__name__
        pending.extend(node.children)


def _entered(value: object, leaves: bool) -> bool:
    return isinstance(value, cst.CSTNode) and (leaves or type(value) not in LEAF_NODES)


@pytest.mark.parametrize("leaves", [True, False])
@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_declared_field_kinds_hold(path: Path, leaves: bool) -> None:
    """A field declared to hold a node, or a sequence of nodes, that the walk enters holds one on real files."""
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    pending: list[cst.CSTNode] = [module]
    declared = 0
    while pending:
        node = pending.pop()
        for name, kind in declared_field_kinds(type(node), leaves=leaves):
            value = getattr(node, name)
            if kind == 1:
                assert _entered(value, leaves), (type(node).__name__, name)
            elif kind == 2:
                assert isinstance(value, (list, tuple)) and all(_entered(item, leaves) for item in value), \
                    (type(node).__name__, name)
            declared += kind != 0
        pending.extend(node.children)
    assert declared > 1000


def test_node_fields_leave_out_strings_flags_and_leaves() -> None:
    assert node_fields(cst.Name, leaves=False) == ("lpar", "rpar")
    assert "whitespace_after_def" in node_fields(cst.FunctionDef, leaves=True)
    assert "whitespace_after_def" not in node_fields(cst.FunctionDef, leaves=False)
    assert node_fields(cst.Comment, leaves=True) == ()


def test_child_nodes_leave_out_whitespace_leaves_but_not_comments() -> None:
    module = cst.parse_module("x = f( a )  # note\n")
    line = module.body[0]
    assert isinstance(line, cst.SimpleStatementLine)
    assert [type(child) for child in child_nodes(line.trailing_whitespace)] == [cst.Comment]
    assert not [node for node in walk_own(module) if type(node) in LEAF_NODES]
    assert any(type(node) is cst.SimpleWhitespace for node in line.trailing_whitespace.children)


def test_child_nodes_keep_the_nodes_of_optional_and_sequence_fields() -> None:
    call = cst.parse_expression("f(a, *b, key=c)")
    assert isinstance(call, cst.Call)
    found = child_nodes(call)
    assert call.func in found
    assert all(arg in found for arg in call.args)
    assert len(found) == len([child for child in call.children if type(child) not in LEAF_NODES])


RETURNS = """
def f(x):
    if x:
        return 1
    elif x > 2:
        return (lambda: 3)
    else:
        try:
            return 4
        except ValueError:
            return 5
        finally:
            pass
    for _ in x:
        while x: return 6
    else:
        with x: return 7
    match x:
        case 1:
            return 8
    def inner():
        return 9
    class C:
        def m(self):
            return 10
    return 11
"""


def test_own_returns_are_the_returns_walk_own_meets_in_its_order() -> None:
    body = cst.parse_module(RETURNS).body[0].body  # type: ignore[attr-defined]
    expected = [node for node in walk_own(body) if type(node) is cst.Return]
    assert list(own_returns(body)) == expected
    assert len(expected) == 8  # the nested function's and class's returns are not the function's own


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_own_returns_match_walk_own_on_real_files(path: Path) -> None:
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    pending: list[cst.CSTNode] = [module]
    functions = []
    while pending:
        node = pending.pop()
        functions += [node] if type(node) is cst.FunctionDef else []
        pending.extend(child_nodes(node))
    assert len(functions) > 10
    for function in functions:
        assert list(own_returns(function.body)) == [n for n in walk_own(function.body) if type(n) is cst.Return]


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_own_nodes_are_walk_own_and_by_type_its_nodes_of_that_type(path: Path) -> None:
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    functions = [node for node in _all_nodes(module) if type(node) is cst.FunctionDef]
    assert len(functions) > 10
    for function in functions:
        walked = list(walk_own(function.body))
        assert list(own_nodes(function.body)) == walked
        for kind in (cst.Call, cst.Return, cst.Assign, cst.Name, cst.Lambda):
            assert list(own_nodes_of(function.body, kind)) == [node for node in walked if type(node) is kind]


def test_own_nodes_walk_a_root_once_per_file_and_tell_equal_roots_apart() -> None:
    first = cst.parse_module("def f():\n    g(1)\n").body[0].body  # type: ignore[attr-defined]
    twin = cst.parse_module("def f():\n    g(1)\n").body[0].body  # type: ignore[attr-defined]
    assert own_nodes(first) is own_nodes(first)  # the second ask reads the index
    assert own_nodes(twin) is not own_nodes(first)  # an equal tree of another file is other nodes
    assert [type(node) for node in own_nodes_of(twin, cst.Call)] == [cst.Call]
    remembered = own_nodes(first)
    forget_file_nodes()
    assert own_nodes(first) is not remembered
    assert own_nodes(first) == remembered


def _all_nodes(module: cst.Module) -> list[cst.CSTNode]:
    found, pending = [], [module]
    while pending:
        node = pending.pop()
        found.append(node)
        pending.extend(child_nodes(node))
    return found


ASSIGNMENTS = frozenset({cst.Assign, cst.AnnAssign, cst.AugAssign})


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: path.name)
def test_statements_of_finds_every_statement_of_those_types_on_real_files(path: Path) -> None:
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    everywhere: list[cst.CSTNode] = []
    pending: list[cst.CSTNode] = [module]
    while pending:
        node = pending.pop()
        if type(node) in ASSIGNMENTS:
            everywhere.append(node)
        pending.extend(child_nodes(node))
    found = list(statements_of(module, ASSIGNMENTS))
    assert len(everywhere) > 50
    assert sorted(map(id, found)) == sorted(map(id, everywhere))


def test_statements_of_enters_nested_definitions_and_every_clause() -> None:
    module = cst.parse_module(
        "class C:\n    def m(self):\n        if a:\n            self.x = 1\n        elif b:\n            self.y: int = 2\n"
        "        else:\n            pass\n        try:\n            z = 1\n        except E:\n            w += 1\n"
        "        finally:\n            v = 2\n        match q:\n            case 1:\n                u = 3\n"
        "        f(lambda: 0)\n")
    found = sorted(type(node).__name__ + ":" + cst.Module([]).code_for_node(node).strip()
                   for node in statements_of(module, ASSIGNMENTS))
    assert found == ["AnnAssign:self.y: int = 2", "Assign:self.x = 1", "Assign:u = 3", "Assign:v = 2", "Assign:z = 1",
                     "AugAssign:w += 1"]
