"""A webhook's shared-secret check: a request header compared with the secret the receiver was configured with.

Telegram sends the `secret_token` given to `setWebhook` back in `X-Telegram-Bot-Api-Secret-Token`; other platforms
send a configured token in a header of their own. A handler (or the method it calls first) that compares that header
with its stored secret (`if token != self.secret_token: raise HTTPError(403)`) knows who sent the request, as a
signature check does. A header compared with a literal, with another part of the request, or only tested for being
there checks nothing of the kind.
"""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.cst_fields import own_nodes_of
from vibecheck.imports import full_name

# Where a request carries its headers: `request.headers`, Django's `request.META`, aiohttp's and Tornado's alike.
HEADER_MAPPINGS = frozenset({"headers", "META"})
HEADER_READS = frozenset({"get", "getone", "get_first"})
# The words that name a configured secret on the other side: `self.secret_token`, `settings.WEBHOOK_SECRET`.
SECRET_WORDS = frozenset({"secret", "token"})
REQUEST_HEADS = frozenset({"request", "req", "self.request"})


def compares_header_to_secret(comparison: cst.Comparison, function: cst.FunctionDef) -> bool:
    """`token != self.secret_token` (`token` read from a request header in this function) or
    `request.headers.get("X-Token") == settings.WEBHOOK_SECRET`."""
    if len(comparison.comparisons) != 1 or type(comparison.comparisons[0].operator) not in (cst.Equal, cst.NotEqual):
        return False
    left, right = comparison.left, comparison.comparisons[0].comparator
    for presented, stored in ((left, right), (right, left)):
        if _names_secret(stored) and (_reads_header(presented) or _holds_header(presented, function)):
            return True
    return False


def _names_secret(node: cst.BaseExpression) -> bool:
    """A name or attribute named for a secret, not read from the request."""
    name = full_name(node) if type(node) in (cst.Name, cst.Attribute) else None
    if name is None or any(name == head or name.startswith(f"{head}.") for head in REQUEST_HEADS):
        return False
    return bool(SECRET_WORDS.intersection(fw.name_words(name.rsplit(".", 1)[-1])))


def _reads_header(node: cst.BaseExpression) -> bool:
    """`request.headers.get("X-Token")`, `self.request.headers["X-Token"]`, `request.META.get("HTTP_X_TOKEN")`."""
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in HEADER_READS:
        mapping: cst.BaseExpression = node.func.value
    elif type(node) is cst.Subscript:
        mapping = node.value
    else:
        return False
    return type(mapping) is cst.Attribute and mapping.attr.value in HEADER_MAPPINGS \
        and full_name(mapping.value) in REQUEST_HEADS


def _holds_header(node: cst.BaseExpression, function: cst.FunctionDef) -> bool:
    """A name that the function binds, every time, to a header read."""
    if type(node) is not cst.Name:
        return False
    values = [found.value for found in own_nodes_of(function.body, cst.Assign)
              if any(type(t.target) is cst.Name and t.target.value == node.value for t in found.targets)]
    return bool(values) and all(_reads_header(value) for value in values)
