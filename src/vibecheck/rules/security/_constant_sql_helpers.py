"""Module functions that return only the code's own text (a CTE or a query skeleton kept in a helper, or the names of
columns looked up in a table: `tuple(table.c[key].name for key in keys)`): a call of one pastes no value into the SQL
it starts."""
from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.analysis.flow import FlowState, string_value
from vibecheck.cst_fields import own_nodes, own_nodes_of

ConstantText = Callable[[cst.CSTNode | None, FlowState], "str | None"]
# How a function binds a name other than by `name = value`: each keeps it from being a literal local.
OTHER_BINDINGS = (cst.AugAssign, cst.AnnAssign, cst.For, cst.NamedExpr, cst.AsName, cst.CompFor)


def helper_key(name: str) -> str:
    """The `state.constants` entry of a constant helper: its call without arguments."""
    return f"{name}()"


def any_arguments_key(name: str) -> str:
    """The `state.constants` entry of a helper whose text is constant whatever arguments it is given."""
    return f"{name}(*)"


def constant_helpers(module: cst.Module, new_state: Callable[[], FlowState], constant_text: ConstantText,
                     seeded: dict[str, str], *, with_parameters: bool = False) -> dict[str, str]:
    """The module's top-level functions without parameters whose every `return` gives text built from literals, the
    locals the function binds only to literals, `seeded` (the module's quoters) and other such helpers, as
    `state.constants` entries (`helper_key`). A helper whose text reads a parameter, a global or a value read at run
    time is left out. With `with_parameters` (a module that indexes a table's column collection), functions that take
    parameters count too when their text does not depend on them (`return tuple(table.c[key].name for key in keys)`:
    the lookup raises for any key that is no column), as `any_arguments_key` entries."""
    candidates = [statement for statement in module.body if type(statement) is cst.FunctionDef
                  and (with_parameters or _takes_nothing(statement)) and own_nodes_of(statement.body, cst.Return)]
    found: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        for function in candidates:
            name = function.name.value
            key = helper_key(name) if _takes_nothing(function) else any_arguments_key(name)
            if key not in found and _returns_constant(function, new_state, constant_text, {**seeded, **found}):
                found[key] = ""
                changed = True
    return found


def _takes_nothing(function: cst.FunctionDef) -> bool:
    params = function.params
    return not (params.posonly_params or params.params or params.kwonly_params) \
        and not isinstance(params.star_arg, cst.Param) and params.star_kwarg is None


def _returns_constant(function: cst.FunctionDef, new_state: Callable[[], FlowState], constant_text: ConstantText,
                      known: dict[str, str]) -> bool:
    state = new_state()
    state.constants.update(known)
    state.constants.update((name, "") for name in _literal_locals(function))
    return all(returned.value is not None and constant_text(returned.value, state) is not None
               for returned in own_nodes_of(function.body, cst.Return))


def _literal_locals(function: cst.FunctionDef) -> set[str]:
    """The names that every binding in the function binds to a string literal (`sql = "WITH ..."` in each branch)."""
    literal: set[str] = set()
    other: set[str] = set()
    for node in own_nodes(function.body):
        if type(node) is cst.Assign:
            plain = string_value(node.value) is not None
            for target in node.targets:
                if plain and type(target.target) is cst.Name:
                    literal.add(target.target.value)
                else:
                    other.update(_names(target.target))
        elif isinstance(node, OTHER_BINDINGS):
            other.update(_names(getattr(node, "target", None) or getattr(node, "name", None)))
    return literal - other


def _names(node: cst.CSTNode | None) -> set[str]:
    if node is None:
        return set()
    if type(node) is cst.Name:
        return {node.value}
    return {name for element in getattr(node, "elements", ()) for name in _names(element.value)}
