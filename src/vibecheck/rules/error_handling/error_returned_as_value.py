"""VC103: an `except` block that turns a failure into a normal-looking return value."""

from __future__ import annotations

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rules.error_handling.handler_facts import (
    FunctionStackRule,
    Handler,
    Outcome,
    handler_statements,
    returned_constant,
)
from vibecheck.rules.error_handling.route_answers import answers_error_with_ok_status


class ErrorReturnedAsValue(FunctionStackRule):
    """An `except` block that returns a normal-looking value, so callers cannot tell failure from success.

    ## What it does
    Reports an `except` block that does something with the error (logs it, cleans up) and then returns a
    constant such as `None`, `False`, `0`, `""`, `[]`, `{}` or `{"status": "ok"}`. It looks at broad
    handlers (bare `except:`, `Exception`, `BaseException`) and at handlers of network and subprocess
    failures (`ConnectionError`, `TimeoutError`, `requests.RequestException`, `httpx.HTTPError`,
    `urllib.error.URLError`, `subprocess.CalledProcessError`, ...) and of database and data-store failures
    (`sqlite3.Error`, `psycopg2.OperationalError`, `sqlalchemy.exc.OperationalError`, `redis`, `pymongo` and
    `asyncpg` errors; not `IntegrityError` or `DuplicateKeyError`, which say the row is already there), and at any
    other narrow handler whose
    only action is to log the failure at error level (`logger.error(...)`, `logging.critical(...)`,
    `log.exception(...)`) before it returns: the code says it failed, yet answers with a value
    (`except ValueError as e: logger.error(e); return None`). Narrow "nothing there" handlers such
    as `except KeyError: return None` or `except FileNotFoundError: return []` are a normal idiom and are
    not reported, logged or not; nor is a narrow handler that logs a warning (an expected branch) or does
    more than log (records the error, cleans up). A bare `return` (a procedure stopping) is not a value either.

    Not reported either: a value the function declares as a normal result, i.e. `return None` in a
    function annotated to return an optional value (`-> User | None`), `return False` in a predicate
    (`-> bool`, named `is_...`, `has_...`, `can_...`, `verify_...`, or returning `True`/`False` elsewhere), or an empty
    constant (`{}`, `[]`, `""`, `0`) the function also returns outside the handler (callers must already
    handle it) or that its docstring names as what a failure reads as ("a lost or reset connection reads as
    EOF"); a non-zero integer, which reads as an error code. A truthy constant such as `True` or
    `{"status": "success"}` is always reported: from a handler it fabricates success. A constant that
    says it is a failure (`{"success": False}`, `{"error": "timeout"}`, `"unavailable"`, a protocol's
    `{"type": "http.disconnect"}`) is an in-band
    error the caller can test, and is not reported; nor is a handler that keeps the exception object where the
    caller can read it (`self._exception = exc`, `future.set_exception(exc)`, `errors.append(exc)`) before it
    answers, nor a probe for an optional dependency (`try: from e2b import exceptions`, `except Exception:
    return ()`: a `try` that only imports, answering what the function knows without it), nor a handler in a Django
    template filter (`@register.filter`), which Django asks to fail silently with its input or an empty string.

    In a web route (`@app.get(...)`, `@router.post(...)`, `@bp.route(...)`) a handler that answers with an
    error body (`{"error": ...}`, `jsonify({"success": False})`, `JSONResponse({"error": ...})`) but no
    status is reported too, even when it is narrow and logged, or broad (then here rather than as VC102, comment or
    not): the response goes out as 200, which clients, proxies and monitoring read as a success. So is a JSON
    response built with an error body and no status anywhere (`return JsonResponse({"error": str(e)})` in a Django view, which
    no decorator marks). A status (`return body, 400`, `status_code=`, or `response.status_code = 400` set first)
    is an answer.

    One handler gets one finding. A broad handler whose whole body is `pass` or `return None` is VC101
    (`swallowed-exception`); a broad handler that returns any other constant is reported here, because a
    fabricated result is worse than nothing (when the value is declared, it falls back to VC101). A
    handler that only prints before returning is VC104 (`error-printed-not-raised`); a broad handler
    left out here for a declared value is VC102's (`broad-exception-caught`) to judge.

    ## Why is this bad?
    The caller receives a value that looks like a valid, empty result: an empty list of orders, a
    settings dict with no keys, a user of `None`. It goes on computing with it, and the failure surfaces
    later, somewhere else, as wrong data instead of an error.

    ## Example
    ```python
    import logging

    import requests

    logger = logging.getLogger(__name__)

    def fetch_orders(url):
        try:
            response = requests.get(url, timeout=10)
            response.raise_for_status()
            return response.json()
        except requests.RequestException as exc:
            logger.warning("could not fetch orders: %s", exc)
            return []
    ```

    ## Use instead
    ```python
    import logging

    import requests

    logger = logging.getLogger(__name__)

    def fetch_orders(url):
        try:
            response = requests.get(url, timeout=10)
            response.raise_for_status()
        except requests.RequestException:
            logger.exception("could not fetch orders")
            raise
        return response.json()
    ```

    ## References
    - [CWE-754: Improper Check for Unusual or Exceptional Conditions](https://cwe.mitre.org/data/definitions/754.html)
    - [CWE-252: Unchecked Return Value](https://cwe.mitre.org/data/definitions/252.html)
    """

    code = "VC103"
    name = "error-returned-as-value"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (754, 252)

    def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
        self.visit_ExceptHandler(node)

    def visit_ExceptHandler(self, node: Handler) -> None:
        outcome = self.outcome(node)
        if outcome in (Outcome.HANDLED, Outcome.BROAD, Outcome.DECIDED):
            self._check_route_answer(node)
        if outcome is not Outcome.RETURNS_VALUE:
            return
        returned = returned_constant(handler_statements(node))
        if returned is None:
            return
        value = self.context.module.code_for_node(returned.value) if returned.value is not None else "None"
        self.report(
            returned,
            f"{self.handler_label(node)} turns the failure into the normal-looking value `{value}`, "
            "so callers cannot tell failure from success.",
            hint="Let the exception propagate (or raise a specific error with `from exc`) instead of returning a value.",
        )

    def _check_route_answer(self, node: Handler) -> None:
        """A handler that answers the failure over HTTP with an error body but the status 200 of a success."""
        last = answers_error_with_ok_status(node, self.functions[-1] if self.functions else None)
        if last is None:
            return
        self.report(
            last,
            f"{self.handler_label(node)} answers the failure with an error body but status 200, so HTTP clients, "
            "proxies and monitoring read it as a success.",
            hint="Return the error with a 4xx or 5xx status (`raise HTTPException(status_code=...)`, "
            "`return jsonify(...), 400`, `JSONResponse(..., status_code=...)`).",
        )
