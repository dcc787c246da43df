"""Handlers that answer a failure over HTTP with an error body but the status 200 of a success (VC103's, not VC102's)."""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.rules.error_handling.handler_facts import Handler, handler_statements, signals_failure
from vibecheck.rules.error_handling.http_calls import keyword

# Decorators that make a function a web route: `@app.get(...)`, `@router.post(...)`, `@bp.route(...)`.
ROUTE_DECORATORS = frozenset({"get", "post", "put", "patch", "delete", "route", "api_route"})
# Response builders whose body is their first argument (or `content=`) and whose status defaults to 200.
JSON_RESPONSES = frozenset({"jsonify", "JSONResponse", "JsonResponse", "ORJSONResponse", "UJSONResponse"})
STATUS_KEYWORDS = ("status_code", "status")


def is_route(function: cst.FunctionDef) -> bool:
    """`@app.get("/x")`, `@router.post(...)`, `@blueprint.route(...)`: the function answers HTTP requests."""
    return any(isinstance(d.decorator, cst.Call) and isinstance(d.decorator.func, cst.Attribute)
               and d.decorator.func.attr.value in ROUTE_DECORATORS for d in function.decorators)


def sets_status(statement: cst.CSTNode) -> bool:
    """`response.status_code = 400` (FastAPI's `Response` parameter) before the body: the answer has its status."""
    return isinstance(statement, cst.Assign) and any(
        isinstance(t.target, cst.Attribute) and t.target.attr.value in STATUS_KEYWORDS for t in statement.targets)


def _json_response(value: cst.BaseExpression | None) -> cst.Call | None:
    if isinstance(value, cst.Call) and (get_full_name_for_node(value.func) or "").rpartition(".")[2] in JSON_RESPONSES:
        return value
    return None


def error_body_with_ok_status(value: cst.BaseExpression | None) -> bool:
    """`{"error": ...}`, `jsonify({"success": False})`, `JSONResponse({"error": ...})`: an error body sent as 200."""
    response = _json_response(value)
    if response is not None:
        if any(keyword(response, name) for name in STATUS_KEYWORDS) \
                or len(response.args) > 1 and response.args[1].keyword is None:
            return False
        body = keyword(response, "content") or (
            response.args[0] if response.args and response.args[0].keyword is None else None)
        value = body.value if body is not None else None
    return isinstance(value, cst.Dict) and signals_failure(value)


def answers_error_with_ok_status(handler: Handler, function: cst.FunctionDef | None) -> cst.Return | None:
    """The `return` that ends a handler with an error body and no status: a JSON response built without one
    (`JsonResponse({"error": str(e)})` in a Django view, `jsonify(...)`), or a bare dict from a decorated route."""
    statements = handler_statements(handler)
    last = statements[-1] if statements else None
    if not isinstance(last, cst.Return) or not error_body_with_ok_status(last.value) \
            or any(sets_status(s) for s in statements):
        return None
    if _json_response(last.value) is not None or (function is not None and is_route(function)):
        return last
    return None
