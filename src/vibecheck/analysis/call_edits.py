"""Rewrite one call's arguments for a fix, keeping the call's layout (one line, or one argument per line).

libcst keeps every comma and space, so a fix that adds or removes an argument only has to say which
comma goes where: a trailing comma stays trailing, and an argument added to a call laid out one argument
per line gets a line of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import libcst as cst

_NO_SPACE = cst.SimpleWhitespace("")


def with_keyword(call: cst.Call, name: str, value: cst.BaseExpression) -> cst.Call:
    """`call` with `name=value` added as its last argument."""
    args = list(call.args)
    added = cst.Arg(value=value, keyword=cst.Name(name),
                    equal=cst.AssignEqual(whitespace_before=_NO_SPACE, whitespace_after=_NO_SPACE))
    trailing = args[-1].comma if args else None
    if isinstance(trailing, cst.Comma):  # a trailing comma: the new argument takes over its place
        before_last = args[-2].comma if len(args) > 1 else None
        spacing = before_last.whitespace_after if isinstance(before_last, cst.Comma) else call.whitespace_before_args
        if not isinstance(spacing, cst.ParenthesizedWhitespace):
            spacing = cst.SimpleWhitespace(" ")
        args[-1] = args[-1].with_changes(comma=trailing.with_changes(whitespace_after=spacing))
        added = added.with_changes(comma=trailing)
    return call.with_changes(args=[*args, added])


def _without(items: Sequence[Any], removed: Any) -> list[Any]:
    """`items` without `removed` (the node itself); when it was the last, its comma moves to the new last one."""
    kept = list(items)
    index = next(i for i, item in enumerate(kept) if item is removed)
    if index == len(kept) - 1 and index > 0:
        kept[index - 1] = kept[index - 1].with_changes(comma=removed.comma)
    del kept[index]
    return kept


def without_argument(call: cst.Call, argument: cst.Arg) -> cst.Call:
    """`call` without `argument` (the node itself, from `call.args`); the last argument's comma stays as it was."""
    return call.with_changes(args=_without(call.args, argument))


Display = cst.Dict | cst.List | cst.Tuple | cst.Set


def without_element(display: Display, element: cst.BaseDictElement | cst.BaseElement) -> Display:
    """A display without `element` (the node itself), commas kept as in `without_argument`; a tuple left with
    one element keeps a comma after it, so it stays a tuple."""
    kept = _without(display.elements, element)
    if isinstance(display, cst.Tuple) and len(kept) == 1 and not isinstance(kept[0].comma, cst.Comma):
        kept[0] = kept[0].with_changes(comma=cst.Comma())
    return display.with_changes(elements=kept)


def with_value(call: cst.Call, argument: cst.Arg, value: cst.BaseExpression) -> cst.Call:
    """`call` with `argument` (the node itself, from `call.args`) given a new value."""
    return call.with_changes(args=[arg.with_changes(value=value) if arg is argument else arg for arg in call.args])
