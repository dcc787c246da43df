"""`nodes`: the names an assignment or loop target binds, shared by the flows of several rule families."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from vibecheck.analysis.app_model.orm_writes import writes_records
from vibecheck.analysis.nodes import bound_names, target_parts
from vibecheck.cst_fields import own_nodes_of


def _target(statement: str) -> cst.BaseExpression:
    """The (first) target of an assignment, `for` loop or comprehension written as one statement."""
    node = cst.parse_statement(statement)
    if isinstance(node, cst.For):
        return node.target
    small = _small_statement(node)
    if isinstance(small, cst.Assign):
        return small.targets[0].target
    if isinstance(small, (cst.AugAssign, cst.AnnAssign)):
        return small.target
    assert isinstance(small, cst.Expr) and isinstance(small.value, cst.ListComp)
    return small.value.for_in.target


def _small_statement(node: cst.BaseStatement) -> cst.BaseSmallStatement:
    assert isinstance(node, cst.SimpleStatementLine)
    return node.body[0]


@pytest.mark.parametrize(("statement", "names"), [
    ("rows = load()", ["rows"]),
    ("cleaned, rejected = clean(rows)", ["cleaned", "rejected"]),
    ("[first, second] = pair", ["first", "second"]),
    ("(user, (key, value)), count = pairs", ["user", "key", "value", "count"]),
    ("for i, (key, value) in enumerate(items): pass", ["i", "key", "value"]),
    ("[row for row, _ in pairs]", ["row", "_"]),
    ("total: int = 0", ["total"]),
    ("count += 1", ["count"]),
])
def test_bound_names_are_the_plain_names_in_order(statement: str, names: list[str]) -> None:
    assert bound_names(_target(statement)) == names


@pytest.mark.parametrize(("statement", "names"), [
    ("first, *rest = items", ["first", "rest"]),
    ("[*head, last] = items", ["head", "last"]),
    ("for first, *rest in rows: pass", ["first", "rest"]),
    ("(key, *values), other = pairs", ["key", "values", "other"]),
])
def test_a_starred_target_binds_its_name(statement: str, names: list[str]) -> None:
    assert bound_names(_target(statement)) == names


def test_a_bare_starred_element_binds_its_name() -> None:
    """A flow that unpacks a target itself may hand over the `*rest` element whole, not only its value."""
    starred = cst.StarredElement(cst.Name("rest"))
    assert bound_names(starred) == ["rest"]
    assert [type(part) for part in target_parts(starred)] == [cst.Name]


@pytest.mark.parametrize(("statement", "names"), [
    ("self.total = 0", []),
    ("items[i] = value", []),
    ("url.path += suffix", []),
    ("self.sql, params = compiler.as_sql()", ["params"]),
    ("rows[key], (name, config.value) = pair", ["name"]),
])
def test_a_target_only_reads_the_roots_of_attributes_and_subscripts(statement: str, names: list[str]) -> None:
    assert bound_names(_target(statement)) == names


def test_target_parts_keeps_attributes_and_subscripts_whole() -> None:
    parts = list(target_parts(_target("(self.sql, *params), rows[i] = built")))
    assert [cst.Module([]).code_for_node(part) for part in parts] == ["self.sql", "params", "rows[i]"]


def test_a_nested_unpacking_of_a_session_record_is_no_write() -> None:
    """`orm_writes` now reads nested targets too: a cart unpacked two levels deep is still the visitor's session's."""
    module = cst.parse_module(textwrap.dedent("""
        def view(request):
            (cart, created), count = Cart.objects.get_or_create(session_key=request.session.session_key), 0
            cart.delete()
    """))
    function = module.body[0]
    assert isinstance(function, cst.FunctionDef)
    deletes = [call for call in own_nodes_of(function.body, cst.Call)
               if isinstance(call.func, cst.Attribute) and call.func.attr.value == "delete"]
    assert not writes_records(function, deletes)
