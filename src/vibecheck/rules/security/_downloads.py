"""Bytes this code downloads: the body of an HTTP response (`requests.get(url).content`, `urlopen(url).read()`).

VC406 rates a pickle load in a file that also writes pickles as reading back a store of its own (medium); a load of
what a request just fetched from a server is no such store, whatever else the file writes: whoever controls the server,
or the connection, wrote the bytes. The download may be made in a function of the module that returns it
(`def fetch(url): return requests.get(url).content`).
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

# HTTP clients' calls that send a request and answer the response (by qualified name, and by the method of a client or
# session object: `session.get(url)`, `client.get(url)` when the module imports an HTTP library).
DOWNLOAD_CALLS = frozenset({
    *(f"{library}.{verb}" for library in ("requests", "httpx") for verb in ("get", "post", "request")),
    "urllib.request.urlopen", "urllib2.urlopen", "urllib3.request", "urllib3.PoolManager.request",
})
HTTP_LIBRARIES = ("requests", "httpx", "urllib3", "aiohttp")
CLIENT_METHODS = frozenset({"get", "post", "request"})
# What reads a response's body: an attribute (`.content`) or a call (`.read()`; `.json()` is no pickle).
BODY_ATTRIBUTES = frozenset({"content"})
BODY_METHODS = frozenset({"read", "iter_content"})
# Calls that hand back what they are given, decoded: the download goes through them (`io.BytesIO(resp.content)`).
WRAPPERS = frozenset({"io.BytesIO", "base64.b64decode", "base64.urlsafe_b64decode", "zlib.decompress",
                      "gzip.decompress", "bz2.decompress", "lzma.decompress", "bytes", "bytearray"})
MAX_STEPS = 6

Resolve = Callable[[cst.BaseExpression], cst.BaseExpression]
Qualify = Callable[[cst.CSTNode], "str | None"]


def downloaded_by(data: cst.BaseExpression, resolve: Resolve, qualify: Qualify, module: cst.Module,
                  http_client: bool) -> str | None:
    """The call that downloaded `data` (`requests.get`, or the function of the module that returns a download), or
    None. `http_client`: the module imports an HTTP library, so `session.get(url).content` is a response's body."""
    node = resolve(data)
    for _ in range(MAX_STEPS):
        if type(node) is cst.Call and qualify(node) in WRAPPERS and node.args:
            node = resolve(node.args[0].value)
            continue
        body = _response_of(node)
        if body is not None:
            response = resolve(body)
            return _sender(response, qualify, http_client) if type(response) is cst.Call else None
        if type(node) is cst.Call and type(node.func) is cst.Name:
            helper = _returned_download(node.func.value, resolve, qualify, module, http_client)
            return f"{node.func.value}()" if helper else None
        return None
    return None


def _response_of(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """The response whose body `node` reads: `resp` of `resp.content` or `resp.read()`."""
    if type(node) is cst.Attribute and node.attr.value in BODY_ATTRIBUTES:
        return node.value
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in BODY_METHODS:
        return node.func.value
    return None


def _sender(call: cst.Call, qualify: Qualify, http_client: bool) -> str | None:
    """`requests.get` of `requests.get(url)`; `session.get` when the module imports an HTTP library."""
    name = qualify(call) or ""
    if name in DOWNLOAD_CALLS:
        return name
    if http_client and type(call.func) is cst.Attribute and call.func.attr.value in CLIENT_METHODS:
        return f"{name or call.func.attr.value}"
    return None


def _returned_download(name: str, resolve: Resolve, qualify: Qualify, module: cst.Module, http_client: bool) -> bool:
    """A module-level function `name` whose `return` hands back a response's body (`return requests.get(u).content`)."""
    function = next((s for s in module.body if type(s) is cst.FunctionDef and s.name.value == name), None)
    if function is None:
        return False
    assigned: dict[str, cst.BaseExpression] = {}  # `resp = requests.get(url)`, then `return resp.content`
    for statement in function.body.body if isinstance(function.body, cst.IndentedBlock) else ():
        for small in statement.body if type(statement) is cst.SimpleStatementLine else ():
            if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name:
                assigned[small.targets[0].target.value] = small.value
            elif type(small) is cst.Return and small.value is not None:
                body = _response_of(small.value)
                if type(body) is cst.Name:
                    body = assigned.get(body.value)
                if type(body) is cst.Call and _sender(body, qualify, http_client) is not None:
                    return True
    return False
