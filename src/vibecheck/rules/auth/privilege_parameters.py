"""Helpers that store a privilege their caller hands them by position: `def create_user(email, password_hash, role)`
writing `role` into a row. VC217 records them per module (`PRIVILEGE_PARAMETERS_FACT`) and reports a handler that
passes a field of the request in that position (`db.create_user(body["email"], hashed, body.get("role"))`), also when
the helper is in another module: the handler's call names no keyword to read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.sql_columns import sql_parameter_columns
from vibecheck.cst_fields import own_nodes_of
from vibecheck.literals import text_value

# The fact listing a module's top-level functions with a privilege parameter they store, as `name@position`, and the
# kind of a finding that waits for it (`Rule.report(unless=...)`).
PRIVILEGE_PARAMETERS_FACT = "vibecheck.vc217.privilege_parameters"
PRIVILEGE_HELPER = "privilege-helper"
POSITION_MARK = "@"


def helper_entry(function: str, position: int) -> str:
    """The fact's spelling of a function's parameter by position: `create_user@2`."""
    return f"{function}{POSITION_MARK}{position}"


def stored_privilege_positions(function: cst.FunctionDef, fields: frozenset[str],
                               reads: Callable[[str], bool]) -> Iterator[int]:
    """The positions of the parameters named for a privilege (`role`, `is_admin`) that the function stores: passes as a
    keyword (`User(role=role)`), puts in a dict, assigns to a field (`user.role = role`), or gives a column that SQL
    writes (`execute("INSERT INTO users (email, role) VALUES (?, ?)", (email, role))`). A parameter it only filters by
    (`WHERE role = ?`, `filter_by(role=role)`: a keyword of a call `reads` takes for reading) or compares is not
    stored."""
    params = [*function.params.posonly_params, *function.params.params]
    named = {param.name.value: index for index, param in enumerate(params) if param.name.value in fields}
    if not named:
        return
    stored = set(_stored_names(function, reads))
    yield from (index for name, index in named.items() if name in stored)


def _stored_names(function: cst.FunctionDef, reads: Callable[[str], bool]) -> Iterator[str]:
    for call in own_nodes_of(function.body, cst.Call):
        if not reads((get_full_name_for_node(call.func) or "").rpartition(".")[2]):
            yield from (arg.value.value for arg in call.args if arg.keyword is not None and type(arg.value) is cst.Name)
        if len(call.args) >= 2 and type(call.args[1].value) in (cst.Tuple, cst.List):
            values = call.args[1].value.elements  # type: ignore[attr-defined]
            written = sql_parameter_columns(text_value(call.args[0].value) or "")
            yield from (values[i].value.value for i in written if i < len(values) and type(values[i].value) is cst.Name)
    for element in own_nodes_of(function.body, cst.DictElement):
        if type(element.value) is cst.Name:
            yield element.value.value
    for assign in own_nodes_of(function.body, cst.Assign):
        if type(assign.value) is cst.Name and any(type(t.target) in (cst.Attribute, cst.Subscript) for t in assign.targets):
            yield assign.value.value
