"""HTTP client methods and the names an HTTP client goes by, shared by the rules that follow data into a request."""

from __future__ import annotations

HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "stream", "request",
                        "build_request"})
# Client methods that take the HTTP method first and the URL second: `client.request("GET", url)`, and httpx's
# `client.build_request("GET", url)`, which `client.send(...)` then sends.
METHOD_FIRST = frozenset({"request", "build_request"})
# What a variable holding an HTTP client is commonly called (`async with httpx.AsyncClient() as http:`).
HTTP_CLIENT_NAMES = frozenset({"client", "http", "http_client", "async_client", "aclient", "httpx_client", "http_session"})
