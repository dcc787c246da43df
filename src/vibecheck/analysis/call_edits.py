"""Rewrite one call's arguments for a fix, keeping the call's layout (one line, or one argument per line).

libcst keeps every comma and space, so a fix that adds or removes an argument only has to say which
comma goes where: a trailing comma stays trailing, and an argument added to a call laid out one argument
per line gets a line of its own.
"""

from __future__ import annotations

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


def without_argument(call: cst.Call, argument: cst.Arg) -> cst.Call:
    """`call` without `argument` (the node itself, from `call.args`); the last argument's comma stays as it was."""
    args = list(call.args)
    index = next(i for i, arg in enumerate(args) if arg is argument)
    if index == len(args) - 1 and index > 0:
        args[index - 1] = args[index - 1].with_changes(comma=argument.comma)
    del args[index]
    return call.with_changes(args=args)


def without_element(display: cst.Dict, element: cst.BaseDictElement) -> cst.Dict:
    """A dict display without `element` (the node itself), commas kept as in `without_argument`."""
    elements = list(display.elements)
    index = next(i for i, item in enumerate(elements) if item is element)
    if index == len(elements) - 1 and index > 0:
        elements[index - 1] = elements[index - 1].with_changes(comma=element.comma)
    del elements[index]
    return display.with_changes(elements=elements)


def with_value(call: cst.Call, argument: cst.Arg, value: cst.BaseExpression) -> cst.Call:
    """`call` with `argument` (the node itself, from `call.args`) given a new value."""
    return call.with_changes(args=[arg.with_changes(value=value) if arg is argument else arg for arg in call.args])
