"""VC101: a broad `except` whose body does nothing with the failure."""

from __future__ import annotations

import libcst as cst

from vibecheck.cst_fields import NESTED_SCOPE_TYPES, child_nodes
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import RuleContext
from vibecheck.rules.error_handling.handler_facts import (
    FunctionStackRule,
    Handler,
    Outcome,
    awaits_cancelled_task,
    catches_service_failures,
    declares_no_raise,
    handler_statements,
    is_best_effort_cleanup,
    is_broad,
    is_teardown,
    on_failure_path,
    stores_attributes_only,
    success_exit_note,
    swallows_cancellation,
)

SUPPRESS_CALLS = frozenset({"contextlib.suppress"})
FINALISER = "__del__"  # an exception there can only be printed and ignored, as for its `try`/`except`
JUMP_KEYWORDS: dict[type[cst.CSTNode], str] = {cst.Return: "return", cst.Break: "break", cst.Continue: "continue"}
LOOP_TYPES = frozenset({cst.For, cst.While})


def jumps_out_of(block: cst.BaseSuite) -> list[cst.CSTNode]:
    """The `return`s of a block, and its `break`s and `continue`s that are not those of a loop inside it."""
    found: list[cst.CSTNode] = []
    pending: list[tuple[cst.CSTNode, bool]] = [(block, False)]
    while pending:
        current, in_loop = pending.pop()
        if type(current) is cst.Return or (type(current) in JUMP_KEYWORDS and not in_loop):
            found.append(current)
        inner_loop = in_loop or type(current) in LOOP_TYPES
        pending.extend((child, inner_loop) for child in child_nodes(current) if type(child) not in NESTED_SCOPE_TYPES)
    return found


class SwallowedException(FunctionStackRule):
    """A broad `except` block that does nothing with the error it catches.

    ## What it does
    Reports a bare `except:` or an `except Exception`/`except BaseException` (or `except* Exception` around a task
    group) whose body only passes,
    continues, returns a constant or exits with status 0 (`sys.exit(0)`, `raise SystemExit`): it neither logs,
    handles nor re-raises the failure. The same for a handler of a cloud or API SDK's base error (kubernetes'
    `ApiException`, botocore's `ClientError`, docker's `APIError`, `GoogleAPIError`, `openai.APIError`...) or of
    the root error of a database driver, a data store's or a mail or HTTP client (`sqlite3.Error`, `psycopg2.Error`,
    `sqlalchemy.exc.SQLAlchemyError`, `redis.RedisError`, `smtplib.SMTPException`, `requests.RequestException`) that
    only passes or continues: it catches every failure of the service, a refused permission or a failing server
    as well as the missing object the author meant (`except ApiException: pass` around a delete); its subclass for
    that case (`NotFound`) or a status the handler reads (`if exc.status != 404: raise`) is the decision, and a
    removal in its `try` (`container.remove(force=True)`) is no local clean-up to let fail. The same for an
    `except asyncio.CancelledError: pass` in a coroutine: the task that was told to stop carries on (unless the
    function cancelled the task it awaits there, see below; or the `try` awaits nothing, as `task.result()` of a task
    another coroutine cancelled, or awaits only through `asyncio.shield(...)`, which keeps the work from that very
    cancellation).
    Also reports a `return` in a `finally:` block (or a `break`/`continue` there
    that leaves a loop around the `try`), which drops the exception in flight: Python 3.14 warns about it too. Also reports
    `contextlib.suppress(Exception)`, the same thing spelled as a context manager (unless its block only
    cleans up: `with suppress(Exception): conn.close()`, or sits in a `finally:` or `except` block:
    `task.cancel()`, then `with suppress(Exception): await task`, or in a finaliser, `__del__`, or in a function that
    tears its object down, `def close(self):`; or only awaits a task
    the function cancelled, anywhere (also from a callback it defines, `def on_signal(): task.cancel()`):
    `task.cancel()`, then `with suppress(BaseException): await task` (also through
    `asyncio.wait_for(task, timeout)`, or as `try: await task`, `except (CancelledError, Exception): pass`, also with
    the `task.cancel()` inside that `try`), which waits for the called-off work to finish its clean-up; or is a
    clean-up step of an `except` block that ends in a bare `raise` (`except BaseException:`, then `try: await
    client.aclose()`, `except (Exception, CancelledError): pass`, then `raise`: the original failure or cancellation
    goes on); or only sets an
    attribute: `llm.stream = False` on
    a copy that may be frozen; or is in a function that promises not to raise: `construct_type_or_none`, `_safe_json`,
    `_to_dict_best_effort`, `parse_http_date_safe`, "Never raises."). A function named as
    a question (`is_...`, `has_...`, `can_...`, a template engine's `test_...`) or a verifier (`verify_...`,
    `validate_...`), an equality or membership method (`__eq__`, `__ne__`, `__contains__`: a value it cannot read is
    not equal), or documented as a question ("Return true if the variable is a sequence"; not "Return True if
    the record was saved"), that answers `False` from the handler is left alone: there the failure is the answer
    (`is_ipv4("x")`, a signature it cannot decode); so is one that answers `None` where it also answers `None` when its
    check fails (`_verify_cookie(value) -> str | None`), and one whose `try` sets the answer that keeps the `False` the
    function set first (`has_ipv6 = False`, `try: sock.bind(...); has_ipv6 = True`, `except Exception: pass`). So
    are the handlers the code shows to be decided: a
    best-effort clean-up (`try: stream.close()`, `await writer.wait_closed()`), a `pass` after a `try` that only hands
    measurements to telemetry (`collector.record_duration(...)`, `span.set_attribute(...)`: instrumentation must not
    break what it observes), a `pass` or `continue` under a comment saying the code fails open there (`except Exception:
    # fail open: a malformed URL must not break the request`, also on the lines above the `except`), a `pass` in a
    function that tears
    its object down (`def close(self):`, `shutdown`, an asyncio protocol's `connection_lost`), a `pass` after a
    `try` that only keeps a value on an object (a memo: `request._cache = parsed`) or only assigns names the code
    after it (also after the blocks that hold the `try`) tests against `None` (`ts = None`, `try: ts = parse(raw)`, ...,
    `if ts is not None:`), for its truth (`if data and "method" in data:`) or its type (`if isinstance(message, dict):`;
    a bare `except:` in a coroutine too, when nothing in its `try` awaits, where a cancellation could arrive), a
    `continue` or `pass` in a loop over candidates whose `try` returns or breaks on the first
    that works and after which the function raises (`for d in dirs: try: d.mkdir(); return d`, `except Exception:
    continue`, then `raise RuntimeError(...)`, also from the loop's `else:`; also a polling loop with a limit, `while
    time.monotonic() < end:`, but not `while True:`), a `continue` in a loop over an object's `dir()` whose `try` only
    reads each attribute (`for name in dir(mod): try: attr = getattr(mod, name)`: a walk that skips what raises when
    read, a failing property; not over names the caller chose, nor a `try` that also uses the value), or inside another handler's
    `except` block or a `finally:` block (a best effort on a failure path the code already handles, or on the way
    out, where a new error would replace the one in flight; but not in a coroutine that catches its own
    cancellation there: `async def close(self): ... except BaseException: pass`), a finaliser (`__del__`), a
    probe whose `else:` holds what needs the success, a probe for an optional dependency (`try: import ujson`,
    `except Exception: pass`: a `try` that only imports and sets flags), an `except` line that waives another
    linter's broad-except check (`# pylint: disable=broad-except`, `# noqa: BLE001`; PyCharm's
    `# noinspection PyBroadException` goes on the line above the `try`), a handler in a Django template filter
    (`@register.filter`: Django asks filters to fail silently), and a `pass` under a comment
    saying why where the code goes on with the value it had before the `try` (`try: value = loads(value)`,
    `except Exception:`,
    `# keep the value as a string`, `pass`; a `try` that only builds a value and attaches it last, `binding =
    TokenBinding(...)`, `data.token_binding = binding`, so that the object goes on without that optional part; or a
    `try` that returns, also from a branch inside it, followed by a fallback `return`, right after it or after the next
    ways of making the answer: `try: return obj.model_dump()`, then `try: return obj.dict()`, then `return vars(obj)`,
    or at the function's end, where it answers `None`),
    or a `continue` under such a comment (or a `pass` that ends the loop's body), which leaves out the item of the loop
    that failed
    (`# moved or deleted meanwhile: ignore it`), or a `return None` under such a comment in a function that also
    answers `None` on its normal path (`# wrapper loops; objects that raise on attribute access`, then `if
    isinstance(found, Fixture): return found`, `return None`). The function's docstring can say why instead of a
    comment, when it makes the fallback the answer to a failure ("exceptions are suppressed and result in the
    default value", "Returns None if ... any introspection fails"), and so can its name or docstring promising not to
    raise (`construct_type_or_none`,
    `_safe_json`, "returns `None` instead of raising"); such a promise (also a docstring opening "Best-effort",
    mistralai's `_delete_quietly`) covers a handler that only passes or answers nothing (`return None, None, None`)
    wherever the `try` is.
    Without the comment, or without such a value, the handler is reported.

    This rule is one of four that partition broad and failing handlers, so one handler gets one finding:
    a handler that does nothing (`pass`, `continue`, `return`, `return None`) is VC101; one whose only
    action is `print` is VC104 (`error-printed-not-raised`); one that returns another constant, such as
    `{}` or `{"status": "ok"}`, is VC103 (`error-returned-as-value`), since a fabricated result is worse
    than none (unless the function declares that value as a normal result, which leaves it to VC101);
    any other broad handler that neither re-raises nor logs the traceback is VC102
    (`broad-exception-caught`).

    Inside a test function, a broad or `AssertionError` handler (or `contextlib.suppress`) that only
    passes, returns, prints or logs is left to VC305 (`test-swallows-failure`), which says what it does to
    the test.

    ## Why is this bad?
    Coding agents make a failing program "work" by making the error disappear. The program then goes on
    in a broken state and fails later, far away, with no trace of the first cause. A broad `except` also
    catches the bugs you did not think of (`TypeError`, `KeyError`), not only the failure you expected.

    ## Example
    ```python
    def load_settings(path):
        try:
            return parse(open(path).read())
        except Exception:
            pass
    ```

    ## Use instead
    ```python
    import logging

    logger = logging.getLogger(__name__)

    def load_settings(path):
        try:
            return parse(open(path).read())
        except FileNotFoundError:
            logger.warning("no settings file at %s, using defaults", path)
            return DEFAULT_SETTINGS
    ```

    ## References
    - [CWE-390: Detection of Error Condition Without Action](https://cwe.mitre.org/data/definitions/390.html)
    - [Python tutorial: handling exceptions](https://docs.python.org/3/tutorial/errors.html#handling-exceptions)
    """

    code = "VC101"
    name = "swallowed-exception"
    category = Category.ERROR_HANDLING
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (390, 703)
    supersedes = ("B110", "B112")
    # A do-nothing handler the code shows to be decided (a clean-up, a probe, a waived line) is no finding here, and
    # bandit's try-except-pass/continue on it is cleared too.
    vets = ("B110", "B112")

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self._cleanup_suppressions: set[int] = set()  # ids of `suppress(...)` calls whose block only cleans up

    def visit_With(self, node: cst.With) -> None:
        if not any(type(item.item) is cst.Call and self.qualified_name(item.item) in SUPPRESS_CALLS for item in node.items):
            return  # only a `suppress(...)` item is looked up in `visit_Call`; most blocks have none
        function = self.functions[-1] if self.functions else None
        if is_best_effort_cleanup(node) or stores_attributes_only(node) or declares_no_raise(function) \
                or awaits_cancelled_task(node, function) \
                or (function is not None and (function.name.value == FINALISER or is_teardown(function.name.value)
                                              or on_failure_path(function, node))):
            self._cleanup_suppressions.update(id(item.item) for item in node.items)

    def visit_ExceptStarHandler(self, node: cst.ExceptStarHandler) -> None:
        self.visit_ExceptHandler(node)

    def visit_ExceptHandler(self, node: Handler) -> None:
        outcome = self.outcome(node)
        if outcome is Outcome.DECIDED and all(isinstance(s, (cst.Pass, cst.Continue)) for s in handler_statements(node)):
            self.vet(node)
        if outcome is Outcome.SWALLOWED and not is_broad(node.type, self.qualified_name) \
                and not catches_service_failures(node.type, self.qualified_name) \
                and swallows_cancellation(node, self.functions[-1] if self.functions else None):
            self.report(
                node,
                f"{self.handler_label(node)} swallows the cancellation of this coroutine's task: a task told to stop "
                "carries on as if it had finished" + success_exit_note(node, self.qualified_name) + ".",
                hint="Re-raise the `CancelledError` after any clean-up, or catch it only around awaiting a task "
                "this function cancelled itself.",
            )
        elif outcome is Outcome.SWALLOWED and not is_broad(node.type, self.qualified_name):
            self.report(
                node,
                f"{self.handler_label(node)} swallows every failure of the service, a refused permission or a failing "
                "server as well as a missing object: its body does nothing with them"
                + success_exit_note(node, self.qualified_name) + ".",
                hint="Catch the SDK's error for the case you expect (`NotFound`), or check its status and re-raise "
                "the others (`if exc.status != 404: raise`).",
            )
        elif outcome is Outcome.SWALLOWED:
            self.report(
                node,
                f"{self.handler_label(node)} swallows every error: its body does nothing with the failure"
                + success_exit_note(node, self.qualified_name) + ".",
                hint="Catch the specific exception you expect and handle it, "
                "or log it with `logger.exception(...)` and re-raise.",
            )

    def visit_Finally(self, node: cst.Finally) -> None:
        """`finally: return result`: the exception in flight when the block runs is dropped for the return."""
        for jump in jumps_out_of(node.body):
            keyword = JUMP_KEYWORDS[type(jump)]
            self.report(
                jump,
                f"`{keyword}` in a `finally:` block discards the exception in flight: a failure of the `try` vanishes "
                "and the code goes on as if it had worked.",
                hint=f"Move the `{keyword}` after the `try` statement and keep only clean-up in `finally:`.",
            )

    def visit_Call(self, node: cst.Call) -> None:
        if self.qualified_name(node) not in SUPPRESS_CALLS or self.in_test() or id(node) in self._cleanup_suppressions:
            return  # in a test, a suppressed failure is VC305's, which judges whether the test can still fail
        if any(arg.keyword is None and is_broad(arg.value, self.qualified_name) for arg in node.args):
            self.report(
                node,
                f"`{self.context.module.code_for_node(node)}` swallows every error raised in its block.",
                hint="Suppress only the specific exception you expect, such as `contextlib.suppress(FileNotFoundError)`.",
            )
