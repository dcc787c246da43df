"""An OAuth 2.0 callback that exchanges the authorization code without checking `state` (VC208's login CSRF).

The client sends the user to the provider with a random `state` and must find the same value on the callback:
without that check, an attacker's own authorization code, posted through the victim's browser, signs the victim in
to the attacker's account (or links the attacker's identity to the victim's account).
"""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.flow import is_route_handler
from vibecheck.cst_fields import walk_own
from vibecheck.imports import full_name
from vibecheck.literals import string_value

CODE, STATE = "code", "state"
# Where a handler reads the callback's query parameters: Flask, Django, Starlette/FastAPI, aiohttp, Sanic.
QUERY_OBJECTS = frozenset({"request.args", "request.values", "request.GET", "request.query_params", "request.query",
                           "request.params", "request.rel_url.query"})
# Calls that read one query parameter by name (Tornado's handler methods).
QUERY_GETTERS = frozenset({"get_argument", "get_query_argument"})
# Calls that check `state` themselves: authlib's `authorize_access_token()` compares it with the one it stored.
STATE_CHECKING_CALLS = frozenset({"authorize_access_token"})
# Keywords through which a library is handed the whole callback URL and checks `state` in it (requests-oauthlib's
# `fetch_token(token_url, authorization_response=request.url)`).
STATE_CHECKING_KEYWORDS = frozenset({"authorization_response"})
# Words of a handler or path that make it a sign-in callback.
CALLBACK_WORDS = ("callback", "oauth", "authorize", "sso", "oidc", "openid")
# What a file that reads the callback's code holds (lower-cased): the parameter's name as a string, or as a FastAPI
# parameter.
CODE_HINTS = ('"code"', "'code'", "(code:", ", code:")


def _query_read(node: cst.CSTNode) -> str | None:
    """The parameter name a node reads from the query: `request.args["code"]`, `request.GET.get("state")`,
    `self.get_argument("code")`."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        if full_name(node.value) in QUERY_OBJECTS:
            return string_value(node.slice[0].slice.value)
        return None
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.args:
        method, owner = node.func.attr.value, node.func.value
        if method == "get" and full_name(owner) in QUERY_OBJECTS or method in QUERY_GETTERS:
            return string_value(node.args[0].value)
    return None


def _hands_over_request(node: cst.CSTNode) -> bool:
    """A call given the whole request, its URL or its query (`verify_state(request)`, `parse(request.url)`): the check
    may happen there."""
    if not isinstance(node, cst.Call):
        return False
    for arg in node.args:
        if arg.keyword is not None and arg.keyword.value in STATE_CHECKING_KEYWORDS:
            return True
        if not isinstance(arg.value, (cst.Name, cst.Attribute)):
            continue  # `request.args["code"]` hands over one value, not the query
        name = full_name(arg.value) or ""
        if name in ("request", "req") or name in QUERY_OBJECTS or name in ("request.url", "request.full_path",
                                                                            "request.query_string", "request.uri"):
            return True
    tail = node.func.attr.value if isinstance(node.func, cst.Attribute) else getattr(node.func, "value", "")
    return tail in STATE_CHECKING_CALLS


def _parameter_names(function: cst.FunctionDef) -> set[str]:
    params = function.params
    return {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}


def unchecked_code_read(function: cst.FunctionDef) -> cst.CSTNode | None:
    """The read of the callback's `code` in a route handler that never reads, compares or hands over `state`."""
    if not is_route_handler(function) or not _names_callback(function):
        return None
    parameters = _parameter_names(function)
    code_reads: list[cst.CSTNode] = []
    for node in walk_own(function.body):
        read = _query_read(node)
        if read == STATE or _hands_over_request(node):
            return None
        if isinstance(node, cst.Name) and node.value == STATE and STATE in parameters:
            return None  # FastAPI's `state: str` parameter, used in the body
        if read == CODE:
            code_reads.append(node)
    if not code_reads and CODE in parameters:
        return function.name
    return code_reads[0] if code_reads else None


def _names_callback(function: cst.FunctionDef) -> bool:
    """The handler's name or its route's path names a sign-in callback (`/auth/github/callback`, `oauth_return`)."""
    texts = [function.name.value.lower()]
    for decorator in function.decorators:
        if isinstance(decorator.decorator, cst.Call):
            texts.extend((string_value(arg.value) or "").lower() for arg in decorator.decorator.args)
    return any(word in text for text in texts for word in CALLBACK_WORDS)
