"""VC102: a broad `except` that acts on the failure but neither re-raises it nor logs its traceback."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import RuleContext
from vibecheck.rules.error_handling.command_handlers import ends_command_quietly
from vibecheck.rules.error_handling.handler_facts import FunctionStackRule, Handler, Outcome, TryStatement, success_exit_note
from vibecheck.rules.error_handling.route_answers import answers_error_with_ok_status


@dataclass(frozen=True)
class BroadExceptionOptions:
    """Options of `broad-exception-caught`."""

    boundary_functions: tuple[str, ...] = ("main",)


class BroadExceptionCaught(FunctionStackRule):
    """A broad `except` that keeps going without re-raising the error or logging its traceback.

    ## What it does
    Reports a bare `except:` or an `except Exception`/`except BaseException` that does something with
    the failure (logs a message, cleans up, records it) but neither re-raises it, nor logs the traceback
    (`logger.exception(...)`, `exc_info=True`, `traceback.print_exc()`, `util.tb_strings()`), nor hands the
    exception on (`self.handle_error(exc)`, `error = exc`, `dispatch(..., context={"exception": exc})`,
    `return {"success": False, "exception": exc}`, a
    handler of the current exception such as
    `self.environment.handle_exception()`, Twisted's `Failure()`), nor returns an error status (`return 1`, an
    HTTP error response: `json_response(..., status=400)`), nor fails the test (`self.fail(...)`) or, in a test,
    asserts on the error it caught. A broad
    handler that follows one re-raising the exceptions that must pass (`except KeyboardInterrupt: raise`) is a
    considered fallback, and so is a handler of a `try` that the code raises right after, or after plain calls
    (`msg += f" ({e})"`, then `raise Error(msg)`; `self._abort_all_streams()`, then `raise`), also once the `if` or
    `with` holding the `try` ends, a handler inside a
    representation (`__repr__`, `saferepr`, which must never raise) or a Django template filter (`@register.filter`,
    which Django asks to fail silently, answering with its input or an empty string), a finaliser (`__del__`), a
    best-effort clean-up (`try: stream.close()`), one that only sets the names the `try` assigns to `None` when the
    code after it asks whether they are (`except Exception: field = None`, then `if field is not None:`), a probe
    for an optional dependency (a `try` that only imports
    and sets flags: `except Exception: _HAS_E2B = False`), one that only assigns a fallback to what the `try`
    computes under a comment saying why (`try: data = cache.get(key)`, `except Exception:`, `# some
    backends raise on invalid keys`, `data = None`; the function's docstring can say why instead), one that
    returns another result in place of the one the `try` returns (or computes for the `return` right after
    it) under such a comment (or only resets state before a fallback `return` after the `try`), or
    on an `except` line that waives another linter's broad-except check (`# pylint: disable=broad-except`; or
    below PyCharm's `# noinspection PyBroadException` above the `try`).
    Handlers directly inside a top-level boundary function (see Options) or under `if __name__ ==
    "__main__":` are not reported: catching everything there, to report and exit, is the job of a boundary.

    One handler gets one finding: a broad handler that does nothing is VC101 (`swallowed-exception`),
    one that only prints is VC104 (`error-printed-not-raised`), one that returns a made-up constant is
    VC103 (`error-returned-as-value`); VC102 reports the other broad handlers that hide the traceback.

    ## Why is this bad?
    A broad handler catches the bugs you did not expect (`TypeError`, `KeyError`, `AttributeError`) along
    with the failure you did. Without the traceback, the log says only "something failed" and the line
    that broke is lost; the program carries on as if the step had worked.

    ## Example
    ```python
    import logging

    logger = logging.getLogger(__name__)

    def sync_orders(client):
        try:
            client.push(load_orders())
        except Exception as exc:
            logger.error(f"sync failed: {exc}")
    ```

    ## Use instead
    ```python
    import logging

    logger = logging.getLogger(__name__)

    def sync_orders(client):
        try:
            client.push(load_orders())
        except ConnectionError:
            logger.exception("sync failed, will retry on the next run")
    ```

    ## Options
    - `boundary-functions` (list of strings, default `["main"]`): names of top-level functions where a
      broad handler is the intended last line of defence, e.g. `["main", "run", "handle_request"]`.

    ## References
    - [CWE-396: Declaration of Catch for Generic Exception](https://cwe.mitre.org/data/definitions/396.html)
    - [Python docs: `logging.Logger.exception`](https://docs.python.org/3/library/logging.html#logging.Logger.exception)
    """

    code = "VC102"
    name = "broad-exception-caught"
    category = Category.ERROR_HANDLING
    severity = Severity.LOW
    confidence = Confidence.MEDIUM
    cwe = (396,)
    Options = BroadExceptionOptions

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self.deliberate: set[int] = set()

    def visit_Try(self, node: cst.Try) -> None:
        super().visit_Try(node)
        self._note_deliberate(node)

    def visit_TryStar(self, node: cst.TryStar) -> None:
        super().visit_TryStar(node)
        self._note_deliberate(node)

    def _note_deliberate(self, node: TryStatement) -> None:
        """A broad handler after one that re-raises (`except KeyboardInterrupt: raise`) is a decided fallback."""
        reraised = False
        for handler in node.handlers:
            if reraised:
                self.deliberate.add(id(handler))
            reraised = reraised or self.outcome(handler) is Outcome.PROPAGATES

    def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
        self.visit_ExceptHandler(node)

    def visit_ExceptHandler(self, node: Handler) -> None:
        if id(node) in self.deliberate or self._at_boundary() or self.outcome(node) is not Outcome.BROAD:
            return
        if answers_error_with_ok_status(node, self.functions[-1] if self.functions else None) is not None:
            return  # VC103's: the error goes out as a success
        if ends_command_quietly(self, node):
            return  # VC104's: the command exits with status 0
        self.report(
            node,
            f"{self.handler_label(node)} catches every error and goes on without re-raising it or logging its traceback"
                + success_exit_note(node, self.qualified_name) + ".",
            hint="Catch the specific exception you expect, or log with `logger.exception(...)` and re-raise.",
        )

    def _at_boundary(self) -> bool:
        if self.functions:
            return self.functions[-1].name.value in self.options.boundary_functions
        return bool(self.main_guards)
