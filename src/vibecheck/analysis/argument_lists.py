"""Argument lists of a subprocess: which names hold a list display, so a rule sees the program and its code.

`args = ["echo", text]; subprocess.run(args)` passes `text` as one word to a fixed program: the rules that
report a tainted program (VC421 for client input, VC401 for model output) must see the display behind
the name, not the name's taint as a whole.
"""

from __future__ import annotations

from typing import Any

import libcst as cst

from vibecheck.analysis.flow import FlowState

# Returned by `list_display` for an argument that is not a list (a string, a split, a call's result).
NOT_A_LIST = cst.Name("NOT_A_LIST")


class ArgumentListState(FlowState):
    """The flow state plus the names that hold an argument list display (`args = ["ping", host]`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lists: dict[str, cst.BaseExpression | None] = {}


def list_display(node: cst.BaseExpression, state: FlowState) -> cst.BaseExpression | None:
    """The display an argument list starts with (`["ping", host]`, `BASE + [host]`, a name bound to one); None for
    a list whose elements are unknown (`list(args)`); NOT_A_LIST for anything else (a string, a split)."""
    if type(node) is cst.List or type(node) is cst.Tuple:
        return node
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Add:
        left = list_display(node.left, state)
        if left is not NOT_A_LIST:
            return left
        return None if list_display(node.right, state) is not NOT_A_LIST else NOT_A_LIST
    if type(node) is cst.Name and isinstance(state, ArgumentListState) and node.value in state.lists:
        return state.lists[node.value]
    if type(node) is cst.Name and node.value.isupper():
        return None
    return NOT_A_LIST


def note_argument_list(node: cst.CSTNode, state: FlowState) -> None:
    """After `check` saw a statement: remember (or forget) the display each plain name it assigns holds."""
    if type(node) is not cst.Assign or not isinstance(state, ArgumentListState):
        return
    for target in node.targets:
        if type(target.target) is cst.Name:
            display = list_display(node.value, state)
            if display is NOT_A_LIST:
                state.lists.pop(target.target.value, None)
            else:
                state.lists[target.target.value] = display
