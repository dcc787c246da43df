"""Links built on the host a client names in `X-Forwarded-Host` (VC419's reset-link poisoning, CWE-640).

An app that mails a password-reset or sign-in link built on that header sends the victim a link to the attacker's
server when the attacker asks for the victim's reset: the token arrives there as soon as the victim clicks.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import walk_own
from vibecheck.imports import full_name
from vibecheck.literals import string_value

# Headers that name the host the client says it asked for (lower case, `-` for `_`, Django's `HTTP_` prefix dropped).
HOST_HEADERS = frozenset({"x-forwarded-host", "x-original-host", "x-host", "x-forwarded-server"})
HEADER_MAPS = ("headers", "META", "environ")
HEADER_READERS = frozenset({"get", "getlist", "get_all", "getall", "getone"})
SCHEME_END = "://"


def _header(node: cst.BaseExpression | None) -> str | None:
    text = string_value(node) if node is not None else None
    if text is None:
        return None
    name = text.lower().replace("_", "-")
    return name.removeprefix("http-")


def _host_header_read(node: cst.BaseExpression) -> bool:
    """`request.headers.get("X-Forwarded-Host")`, `request.META["HTTP_X_FORWARDED_HOST"]`."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return (full_name(node.value) or "").endswith(HEADER_MAPS) and _header(node.slice[0].slice.value) in HOST_HEADERS
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value in HEADER_READERS:
        return (full_name(node.func.value) or "").endswith(HEADER_MAPS) and bool(node.args) \
            and _header(node.args[0].value) in HOST_HEADERS
    return False


def _host_value(node: cst.BaseExpression, names: set[str]) -> bool:
    """The header's value, a name bound to it, or an `or` that tries it first."""
    if isinstance(node, cst.Name):
        return node.value in names
    if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
        return _host_value(node.left, names)
    return _host_header_read(node)


def links_on_forwarded_host(function: cst.FunctionDef) -> list[cst.CSTNode]:
    """The f-strings and concatenations of the function that put the forwarded host right after a scheme
    (`f"https://{host}/reset/{token}"`, `"https://" + host + path`)."""
    nodes = list(walk_own(function.body))
    bindings = [(node.targets[0].target.value, node.value) for node in nodes if isinstance(node, cst.Assign)
                and len(node.targets) == 1 and isinstance(node.targets[0].target, cst.Name)]
    names: set[str] = set()
    while True:  # `host = request.headers.get("X-Forwarded-Host")`, then `base = host`, in any order of the walk
        bound = {name for name, value in bindings if _host_value(value, names)}
        if bound <= names:
            break
        names |= bound
    return [node for node in nodes if _scheme_then_host(node, names)]


def _scheme_then_host(node: cst.CSTNode, names: set[str]) -> bool:
    """`f"https://{host}/..."` or `"https://" + host`: the forwarded host right after a scheme."""
    if isinstance(node, cst.FormattedString):
        return any(isinstance(text, cst.FormattedStringText) and text.value.endswith(SCHEME_END)
                   and isinstance(part, cst.FormattedStringExpression) and _host_value(part.expression, names)
                   for text, part in zip(node.parts, node.parts[1:], strict=False))
    return isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add) \
        and (string_value(node.left) or "").endswith(SCHEME_END) and _host_value(node.right, names)
