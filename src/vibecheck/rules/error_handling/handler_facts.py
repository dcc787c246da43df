"""What an `except` block does with its error, decided once so the handler rules partition.

One handler normally gets one finding. The outcomes are checked in this order, the first match wins:

1. the handler propagates (`raise`, `sys.exit(1)`): no finding from VC101-VC104. An exit with status 0 (`sys.exit(0)`,
   `sys.exit()`, `raise SystemExit`, `raise typer.Exit()`) does not: the failure stops there, as at a `return`, and
   whatever ran the program reads success, so the handler is judged as if it returned;
2. VC101 `swallowed-exception`: a broad handler whose body only passes, continues, or returns nothing or `None`;
   also one of a cloud or API SDK's base error (`SERVICE_BASE_ERRORS`) that only passes or continues;
3. VC104 `error-printed-not-raised`: `print(...)` to stdout is the only handling (broad, or printing
   the caught error), and what it prints is not the traceback;
4. VC103 `error-returned-as-value`: the handler (broad, of a network or subprocess failure, or a narrow one
   that only logs the failure at error level and is no "nothing there" `KeyError`) ends by
   returning a constant that looks like a result (`False`, `0`, `""`, `{}`, `{"status": "ok"}`, or `None`
   after doing something) which the function does not declare as a normal result, and does not keep the exception
   object where the caller can read it (`self._exception = exc`, `future.set_exception(exc)`). A broad handler that
   fabricates such a value and does nothing else is VC103's, not VC101's: the fabricated result is the
   bigger problem. When the value is declared (`-> X | None`, the same empty value returned elsewhere, or a
   docstring saying what a failure reads as: "a lost or reset connection reads as EOF"),
   a handler that does nothing falls back to VC101, except `return False` in a function named as a
   question (`is_...`, `has_...`) or as a verifier (`verify_...`), where the failure is the answer: no finding;
   nor in a Django template filter (`@register.filter`), which Django asks to answer a failure with its input or an
   empty string.
   A constant that says it is a failure
   (`{"success": False}`, `{"error": "..."}`) is no normal-looking value: such a broad handler is VC102's;
5. VC102 `broad-exception-caught`: any other broad handler that does not log the traceback, hand the
   exception on (`self.handle_exception(exc)`, `error = exc`, `return {"exception": exc}` keep the traceback;
   so do a handler of the current exception, `handle_exception()`, and Twisted's `Failure()`) nor return an
   error status (`return 1`, an HTTP
   error response such as `json_response(..., status=400)`).

An `except*` handler (of an exception group, such as a task group's) is judged as an `except` handler is.

A handler the code shows to be a considered decision gets no VC101/VC102 finding (`is_considered`): one whose
`except` line waives another linter's broad-except check (`# pylint: disable=broad-except`, `# noqa: BLE001`; or the
line above the `try` PyCharm's, `# noinspection PyBroadException`),
one in a finaliser (`__del__`, where an exception can only be printed and ignored), one around a best-effort
clean-up (`stream.close()`, `os.unlink(tmp)`), a `pass` handler of a `try` that only hands measurements to
telemetry (`metrics.record_duration(...)`), a `pass` handler in a function that tears its object down
(`def close(self):`, `shutdown`, `end_connection`: closing must not fail its caller; `...` counts as `pass`), a
`pass` handler of a `try` that only keeps a value it has on an object (a memo: `request._cache = parsed`), of a
`try` that only assigns names the code after it tests against `None` (`if ts is not None:`; also a handler that
only sets those names to `None`), or that
sits in another handler's `except` block or in a `finally:` block (a best effort on a failure path already handled,
or on the way out), a handler of a `try`
the code raises right after, or after plain calls (`except Exception as e: msg += f" ({e})"`, then `raise
Error(msg)`), one that records the failure for a later raise (`failed.append(job)`, then `if failed: raise ...`), a
handler that only
assigns a fallback to what the `try` computes under a comment saying why (`data = None  # some cache backends
raise on invalid keys`; or the function's docstring says it: "exceptions ... result in the default value"), a
do-nothing handler of a `try` whose `else:` holds what needs the success (a probe: the code does not go on as if it
had worked), a probe for an optional dependency (a `try` that only imports and sets flags, a handler that only sets
them or imports a replacement: `except Exception: _HAS_E2B = False`), a broad handler inside a representation
(`__repr__`, `saferepr`), which must never raise, and one inside a Django template filter (`@register.filter`), which
Django asks to fail silently. None of these holds for a handler in a coroutine that catches
its cancellation (a bare `except:`, `BaseException`, `asyncio.CancelledError`): the cancelled task carries on,
whatever it cleans up.

Inside a test function of a test file, a handler that catches a broad error or `AssertionError` and only
passes, returns, prints or logs belongs to VC305 `test-swallows-failure`, before all of the above: there
the question is whether the test can still fail, which VC305 judges (it also leaves alone a `try` around a
clean-up call in a test that asserts elsewhere). A handler in a test that asserts on the error it caught is
that test's check, no finding of these rules (VC311 reports a test whose only checks sit in such handlers).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.nodes import callee_tail, is_name, is_none_or_false, suite_statements
from vibecheck.cst_fields import calls_in, names_in, own_nodes, own_returns, walk_own
from vibecheck.literals import literal_value
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule, RuleContext
from vibecheck.rules.verification._shared import is_fixture
from vibecheck.rules.verification.swallowed_test_failure import is_swallowing

BROAD_EXCEPTIONS = frozenset({"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"})
CONSTANT_NODES = frozenset({cst.Integer, cst.Float, cst.Imaginary, cst.SimpleString, cst.ConcatenatedString})
CONSTANT_NAMES = frozenset({"None", "True", "False"})
EXIT_CALLS = frozenset({"sys.exit", "exit", "quit", "os._exit", "os.abort"})
# Ways to end the program, by the argument that holds their exit status (position, keyword): ended with status 0
# (or none, which is 0), the shell, cron or CI that ran it reads success. `os.abort()` always fails.
EXITS = {"sys.exit": (0, "status"), "exit": (0, "code"), "quit": (0, "code"), "os._exit": (0, "n"),
         "SystemExit": (0, "code"), "builtins.SystemExit": (0, "code"), "typer.Exit": (0, "code"),
         "click.exceptions.Exit": (0, "code")}
# Calls that always raise: a handler ending in them propagates the failure (as a test failure or an HTTP error).
# A gRPC servicer's `context.abort(code, details)` (and `abort_with_status`) raises to end the call with that status.
RAISING_CALLS = frozenset({"pytest.fail", "pytest.skip", "pytest.exit", "flask.abort", "werkzeug.exceptions.abort",
                           "context.abort", "context.abort_with_status"})
# `self.fail(...)` raises in a `unittest` test case; elsewhere a method of that name may only record a failure.
TEST_CASE_RAISING_CALLS = RAISING_CALLS | {"self.fail"}
TEST_CASE_SUFFIX = "TestCase"  # `unittest.TestCase`, Django's `SimpleTestCase`, a project's `APITestCase`
TRACEBACK_CALLS = frozenset({
    "traceback.print_exc", "traceback.print_exception", "traceback.format_exc", "traceback.format_exception",
    "sys.exc_info", "sentry_sdk.capture_exception", "logging.exception",
    # Twisted's `Failure()` without arguments captures the exception being handled, traceback included
    "twisted.python.failure.Failure",
})
# Words of a callee that handles or renders the exception being handled (`handle_exception()`, which reads
# `sys.exc_info()`; paramiko's `util.tb_strings()`), as `traceback` does.
TRACEBACK_WORDS = frozenset({"traceback", "tb", "exception", "exc"})
# Keywords of a response builder that carry its HTTP status (`web.json_response({...}, status=400)`).
STATUS_KEYWORDS = frozenset({"status", "status_code"})
# Narrow exceptions that mean "a remote call or a child process failed". `OSError` is left out on purpose:
# `except OSError: return []` for a missing file or directory is a normal "nothing there" idiom.
OPERATION_FAILURES = frozenset({
    "ConnectionError", "TimeoutError", "socket.timeout", "socket.gaierror",
    "subprocess.CalledProcessError", "subprocess.TimeoutExpired", "subprocess.SubprocessError",
    "asyncio.TimeoutError", "urllib.error.URLError", "urllib.error.HTTPError",
    # an FTP server's refusals, named in lower case
    "ftplib.error_temp", "ftplib.error_reply", "ftplib.error_proto", "ftplib.all_errors",
    # a WebSocket connection that closed or never opened
    *(f"websockets.{where}{name}" for where in ("", "exceptions.") for name in (
        "ConnectionClosed", "ConnectionClosedError", "InvalidHandshake", "InvalidStatus", "InvalidStatusCode")),
})
# Narrow exceptions that mean "nothing there" (a missing key, file, module or row): returning a default for them
# is the normal idiom, also when the handler logs it.
NOTHING_THERE = frozenset({
    "KeyError", "IndexError", "LookupError", "FileNotFoundError", "NotADirectoryError", "StopIteration",
    "StopAsyncIteration", "ImportError", "ModuleNotFoundError", "DoesNotExist", "ObjectDoesNotExist", "NoResultFound",
    "NotFound", "ProcessLookupError", "UnicodeDecodeError", "UnicodeEncodeError",
})
# Methods that add an item to a collection: a handler calling one on a local name records the failure it caught.
COLLECTING_METHODS = frozenset({"append", "add", "extend", "appendleft"})
# Log levels that say the program failed, not that it took an expected branch.
ERROR_LEVELS = frozenset({"error", "critical", "fatal", "exception"})
OPERATION_FAILURE_PACKAGES = ("requests.", "httpx.", "aiohttp.", "urllib3.exceptions.", "grpc.",
                              # database drivers and stores: the query did not run (a lost connection, a locked file)
                              "sqlite3.", "psycopg2.", "psycopg.", "pymysql.", "MySQLdb.", "asyncpg.", "sqlalchemy.exc.",
                              "pymongo.errors.", "redis.",
                              # message brokers: the message was not published or consumed
                              "aio_pika.", "aiormq.", "pika.exceptions.", "kombu.exceptions.", "aiokafka.errors.",
                              "kafka.errors.", "nats.errors.",
                              # a mail server: the message was not sent
                              "smtplib.",
                              # cloud and API SDKs: the call to the service failed
                              "botocore.exceptions.", "boto3.exceptions.", "google.api_core.exceptions.",
                              "azure.core.exceptions.", "openai.", "anthropic.",
                              # an exchange's API (ccxt): the order or the query did not go through
                              "ccxt.")
OPERATION_FAILURE_SUFFIXES = ("Error", "Exception", "Timeout")
# The base error of a cloud or API SDK: every failure of a call to the service, a refused permission, a throttled or
# failing server and a bad request alike, not the one "no such object" the author may mean to ignore (its own
# subclass, `NotFound`, or a status the handler reads: `if exc.status != 404: raise`). A handler of one that does
# nothing swallows them all, as one of `Exception` does.
SERVICE_BASE_ERRORS = frozenset({
    "kubernetes.client.rest.ApiException", "kubernetes.client.exceptions.ApiException", "kubernetes.client.ApiException",
    "kubernetes_asyncio.client.rest.ApiException", "kubernetes_asyncio.client.exceptions.ApiException",
    "kubernetes_asyncio.client.ApiException", "botocore.exceptions.ClientError", "botocore.exceptions.BotoCoreError",
    "docker.errors.APIError", "docker.errors.DockerException", "google.api_core.exceptions.GoogleAPIError",
    "google.api_core.exceptions.GoogleAPICallError", "azure.core.exceptions.AzureError",
    "azure.core.exceptions.HttpResponseError", "openai.OpenAIError", "openai.APIError", "anthropic.AnthropicError",
    "anthropic.APIError", "stripe.error.StripeError", "stripe.StripeError",
    # the root error of a database driver, a data store's or a mail or HTTP client: a lost connection, a locked or
    # read-only database, a refused login, as well as the one failure the author had in mind
    "sqlite3.Error", "sqlite3.DatabaseError", "psycopg2.Error", "psycopg2.DatabaseError", "psycopg.Error",
    "pymysql.Error", "pymysql.err.Error", "MySQLdb.Error", "asyncpg.PostgresError", "asyncpg.exceptions.PostgresError",
    "sqlalchemy.exc.SQLAlchemyError", "sqlalchemy.exc.DBAPIError", "redis.RedisError", "redis.exceptions.RedisError",
    "pymongo.errors.PyMongoError", "smtplib.SMTPException", "requests.RequestException",
    "requests.exceptions.RequestException", "httpx.HTTPError", "aiohttp.ClientError",
})
# Errors of those packages that answer a question about the data rather than say the operation failed: a row that
# already exists (`except sqlite3.IntegrityError: return None` on a duplicate insert) is an expected branch.
DATA_ANSWERS = ("IntegrityError", "UniqueViolation", "DuplicateKeyError", "NoResultFound", "MultipleResultsFound",
                "WatchError", "DataError",
                # a cloud SDK's "no such object" or "already there" (`azure.core.exceptions.ResourceNotFoundError`,
                # `google.api_core.exceptions.NotFound`, `AlreadyExists`)
                "NotFound", "NotFoundError", "NoSuchKey", "ExistsError", "AlreadyExists")

# Calls that only render an error as text: passing the exception to them does not hand its traceback on.
TEXT_CALLS = frozenset({"debug", "info", "warning", "warn", "error", "critical", "fatal", "log", "print", "str", "repr",
                        "format", "echo", "secho", "write"})

# `click.echo` and friends are left out: in a command-line tool they are the intended channel to the user.
PRINT_CALLS = frozenset({"print", "builtins.print", "rich.print", "pprint.pprint"})
# (`"disconnect"`, `"timed out"`: a protocol's message that the peer went away, ASGI's `{"type": "http.disconnect"}`)
FAILURE_WORDS = ("error", "fail", "invalid", "unavailable", "exception", "could not", "cannot", "unable", "disconnect",
                 "timeout", "timed out",
                 # an answer that says it is not known (`return "unknown"` for a platform it could not read)
                 "unknown")
FAILURE_KEYS = frozenset({"error", "errors", "error_message", "exception"})
SUCCESS_KEYS = frozenset({"success", "ok", "succeeded"})
# A verifier (`verify_signature`, `validate_token`) asks whether its input holds up: input it cannot even decode
# fails the check, so `return False` from its handler is the answer (and fails closed).
PREDICATE_PREFIXES = ("is_", "has_", "can_", "should_", "check_", "verify_", "validate_", "_is_", "_has_", "_can_",
                      "_verify_", "_validate_",
                      # a template engine's tests (`test_sequence(value)`; a test file's own tests are VC305's) and
                      # capability probes (`supports_unicode`, `needs_quoting`)
                      "test_", "_test_", "supports_", "_supports_", "needs_", "_needs_")
# The verbs of a question asked about the name's subject (`default_is_valid`, `host_has_ipv6`).
QUESTION_WORDS = frozenset({"is", "has", "can", "are"})
# The methods behind `==`, `!=` and `in`, questions by the language's contract: a value they cannot even read
# (`migration_fingerprint(other)` raising) is not equal, not contained.
QUESTION_METHODS = frozenset({"__eq__", "__ne__", "__contains__"})
# A docstring whose first sentence asks a yes/no question of the input ("Return true if the variable is a sequence",
# "Check whether the host resolves") makes its function a predicate whatever its name; one that asks whether an
# action worked ("Return True if the record was saved") does not: there `False` still hides why it failed.
ASKS_QUESTION = lazy_pattern(r"(?:(?:returns?|tests?|checks?)\s+(?:`?true`?\s+(?:if|when)|whether|if)|whether)\b",
                             re.IGNORECASE)
ASKS_ABOUT_SUCCESS = lazy_pattern(r"\b(?:succe\w*|saved|stored|sent|written|deleted|created|worked|completed?|done)\b",
                                  re.IGNORECASE)

# Clean-up calls whose failure a best-effort `try` may ignore: these names, and any with a word of CLOSERS
# (`close`, `aclose`, `safe_close`, `close_all`, Django's `closer()`; not `disclose`).
CLOSERS = frozenset({"close", "aclose", "closer"})
# Calls that wait for a task to end, handed the task first (`asyncio.wait_for(task, timeout)`).
TASK_WAITERS = frozenset({"wait_for", "shield"})
CLEANUP_CALLS = frozenset({"cleanup", "shutdown", "terminate", "kill", "release", "disconnect", "unlink", "remove",
                           "rmdir", "rmtree", "unregister", "wait_closed", "stop"})
# Functions that tear their object down: a failure inside them has no one left to tell (with the words of CLOSERS;
# asyncio calls a protocol's `connection_lost` once the connection is gone).
# What catches a task's cancellation (`asyncio.CancelledError` derives from `BaseException`, not `Exception`).
CANCELLATION_CATCHERS = frozenset({"BaseException", "CancelledError"})
TEARDOWN_FUNCTIONS = frozenset({"cleanup", "shutdown", "disconnect", "teardown", "dispose", "end", "__exit__",
                                "__aexit__", "connection_lost"})
# Words of a call that hands a measurement to telemetry (its callee or the object it is called on).
TELEMETRY_WORDS = frozenset({"telemetry", "analytics", "metric", "metrics", "meter", "statsd", "tracer", "span",
                             "histogram", "gauge", "collector", "instrumentation"})
_WORD = lazy_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")
# The name Django's documentation gives a template library (`register = template.Library()`), whose `filter`
# decorator registers a filter.
TEMPLATE_LIBRARY = "register"
# Representations must never raise: the text of a failure is their fallback.
REPRESENTATIONS = frozenset({"__repr__", "__str__", "__format__", "__rich_repr__"})
# Another linter's waiver of its broad-except check on the `except` line (pylint, flake8-blind-except/ruff,
# pycodestyle's bare except).
LINTER_WAIVER = lazy_pattern(r"pylint:\s*disable\s*=[\w\s,-]*\b(?:broad-except|broad-exception-caught|bare-except|W0703|"
                             r"W0718|W0702)\b|noqa:[\w\s,]*\b(?:BLE001|BLE|E722)\b")
IDE_WAIVER = lazy_pattern(r"noinspection\s+(?:\w+\s*,\s*)*Py(?:BroadException|BareExcept)\b")

Resolver = Callable[[cst.CSTNode], "str | None"]
# `except` and `except*` handlers, and their `try` statements: an exception group's handler swallows the same way.
Handler = cst.ExceptHandler | cst.ExceptStarHandler
TryStatement = cst.Try | cst.TryStar
TEST_FAILURE_TYPES = BROAD_EXCEPTIONS | {"AssertionError", "builtins.AssertionError"}


# What a success exit amounts to in an `except` block: the failure stops there, as at a `return`.
SUCCESS_EXIT = cst.Return()


class Outcome(enum.Enum):
    """The one finding a handler gets (or PROPAGATES / HANDLED for none)."""

    PROPAGATES = "propagates"
    SWALLOWED = "VC101"
    PRINTED = "VC104"
    RETURNS_VALUE = "VC103"
    BROAD = "VC102"
    TEST_FAILURE_SWALLOWED = "VC305"
    HANDLED = "handled"
    DECIDED = "decided"  # would be VC101's or VC102's, but the code shows the catch is considered (`is_considered`)


def is_constant(node: cst.BaseExpression | None) -> bool:
    """A literal, or a container of literals: the kind of value a handler returns to look successful."""
    if node is None:
        return True
    if type(node) in CONSTANT_NODES:
        return True
    if type(node) is cst.Name:
        return node.value in CONSTANT_NAMES
    if type(node) is cst.UnaryOperation:
        return is_constant(node.expression)
    if type(node) is cst.List or type(node) is cst.Tuple or type(node) is cst.Set:
        return all(type(e) is cst.Element and is_constant(e.value) for e in node.elements)
    if type(node) is cst.Dict:
        return all(type(e) is cst.DictElement and is_constant(e.key) and is_constant(e.value) for e in node.elements)
    return False


def is_none(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def is_empty_constant(node: cst.BaseExpression | None) -> bool:
    """`None`, `False`, `0`, `""`, `[]`, `{}`, `()`: a value that reads as "nothing", not as a success; also several
    results none of which is there (`return [], None, []`)."""
    if node is None or isinstance(node, cst.Name):
        return node is None or node.value in ("None", "False")
    if isinstance(node, (cst.Integer, cst.Float)):
        return literal_value(node) == 0
    if isinstance(node, cst.SimpleString):
        return literal_value(node) in ("", b"")
    if isinstance(node, cst.Tuple) and node.elements:
        return all(isinstance(e, cst.Element) and is_empty_constant(e.value) for e in node.elements)
    if isinstance(node, (cst.List, cst.Tuple, cst.Dict, cst.Set)):
        return not node.elements
    return False


def signals_failure(node: cst.BaseExpression | None) -> bool:
    """A constant that says it is a failure: `{"success": False}`, `{"error": ...}`, `"Error: no data"`."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        text = literal_value(node)
        return isinstance(text, str) and any(word in text.lower() for word in FAILURE_WORDS)
    if isinstance(node, cst.Dict):
        for element in node.elements:
            if not isinstance(element, cst.DictElement):
                continue
            key = literal_value(element.key) if isinstance(element.key, cst.SimpleString) else None
            if key in FAILURE_KEYS or (key in SUCCESS_KEYS and is_none_or_false(element.value)):
                return True
            if signals_failure(element.value):
                return True
    if isinstance(node, (cst.List, cst.Tuple, cst.Set)):
        return any(isinstance(e, cst.Element) and signals_failure(e.value) for e in node.elements)
    return False


def is_error_code(node: cst.BaseExpression | None) -> bool:
    """A non-zero integer such as `1` or `-1`: an exit status or error code, distinguishable from success."""
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Minus):
        node = node.expression
    return isinstance(node, cst.Integer) and literal_value(node) not in (0, None)


def is_pass(statement: cst.CSTNode) -> bool:
    """`pass`, or `...` written in its place."""
    return isinstance(statement, cst.Pass) or (isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Ellipsis))


def is_inert(statement: cst.CSTNode) -> bool:
    """`pass`, `...`, `continue`, a bare string, or `return <constant>`: nothing is done with the error."""
    if isinstance(statement, (cst.Pass, cst.Continue)):
        return True
    if isinstance(statement, cst.Expr):
        return isinstance(statement.value, (cst.Ellipsis, cst.SimpleString, cst.ConcatenatedString))
    if isinstance(statement, cst.Return):
        return is_constant(statement.value) and not signals_failure(statement.value)
    return False


def handler_statements(handler: Handler) -> list[cst.CSTNode]:
    """The small statements of a handler body, or the compound statements where there are some."""
    return suite_statements(handler.body)


def success_exit_note(handler: Handler, resolve: Resolver) -> str:
    """A clause closing the sentence of a message about a handler that ends the program with status 0, else ""."""
    if any(exits_successfully(s, resolve) for s in handler_statements(handler)):
        return "; it then exits with status 0, so whatever ran the program reads success"
    return ""


def exits_successfully(node: cst.CSTNode, resolve: Resolver) -> bool:
    """`sys.exit(0)`, `sys.exit()`, `raise SystemExit`, `raise typer.Exit()`: the program ends reporting success, so
    from an `except` block the failure goes no further than a `return` would take it."""
    if type(node) is cst.Raise:
        node = node.exc if node.exc is not None else node
    elif type(node) is cst.Expr:
        node = node.value
    call = node if type(node) is cst.Call else None
    where = EXITS.get(resolve(call.func if call is not None else node) or "")
    if where is None:
        return False
    if call is None:
        return True
    position, keyword = where
    positional: list[cst.BaseExpression | None] = [arg.value for arg in call.args if arg.keyword is None]
    given: list[cst.BaseExpression | None] = [arg.value for arg in call.args
                                              if arg.keyword is not None and arg.keyword.value == keyword]
    if any(arg.star for arg in call.args):
        return False
    status = (positional[position:position + 1] or given or [None])[0]
    return status is None or (type(status) is cst.Integer and literal_value(status) == 0) or (
        type(status) is cst.Name and status.value in ("None", "False"))


def is_broad(caught: cst.BaseExpression | None, resolve: Resolver) -> bool:
    """A bare `except:`, `except Exception`, `except BaseException`, or a tuple holding one of them."""
    if caught is None:
        return True
    if isinstance(caught, cst.Tuple):
        return any(is_broad(e.value, resolve) for e in caught.elements)
    return resolve(caught) in BROAD_EXCEPTIONS


def catches_service_failures(caught: cst.BaseExpression | None, resolve: Resolver) -> bool:
    """`except ApiException`, `except (APIError, NotFound)`: a handler of an SDK's base error, every failure of the
    service (`SERVICE_BASE_ERRORS`)."""
    if caught is None:
        return False
    if isinstance(caught, cst.Tuple):
        return any(catches_service_failures(e.value, resolve) for e in caught.elements)
    return resolve(caught) in SERVICE_BASE_ERRORS


def is_operation_failure(caught: cst.BaseExpression | None, resolve: Resolver) -> bool:
    """An exception that means an I/O, network, database or subprocess operation failed (`requests.RequestException`,
    `sqlite3.OperationalError`, `redis.ConnectionError`)."""
    if caught is None:
        return False
    if isinstance(caught, cst.Tuple):
        return any(is_operation_failure(e.value, resolve) for e in caught.elements)
    name = resolve(caught) or ""
    if name in OPERATION_FAILURES:
        return True
    return (name.startswith(OPERATION_FAILURE_PACKAGES) and name.endswith(OPERATION_FAILURE_SUFFIXES)
            and not name.endswith(DATA_ANSWERS))


def logs_traceback(call: cst.Call, resolve: Resolver) -> bool:
    """`logger.exception(...)`, any call with a true `exc_info=`, or a traceback printer such as `traceback.print_exc()`
    or a method named for one (`self.showtraceback()`, `log_traceback(exc)`)."""
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "exception":
        return True
    tail = (callee_tail(func) or "").lower()
    if "traceback" in tail or TRACEBACK_WORDS.intersection(tail.split("_")) and (tail.startswith(("handle", "tb", "log"))
                                                                              or tail.endswith("_tb")):
        return True
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in ("exc_info", "stack_info"):
            return not (isinstance(arg.value, cst.Name) and arg.value.value in ("False", "None"))
    return resolve(call) in TRACEBACK_CALLS


def delegates(call: cst.Call, name: str | None) -> bool:
    """The call hands the caught exception object on (`handle_error(exc)`, `future.set_exception(exc)`,
    `dispatch("failed", context={"exception": exc})`)."""
    if name is None:
        return False
    func = call.func
    called = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
    if called in TEXT_CALLS:
        return False
    return any(_holds_name(arg.value, name) for arg in call.args)


def _holds_name(value: cst.BaseExpression, name: str) -> bool:
    """`exc`, or a literal container that holds it as an item (`context={"exception": exc}`, `(request, exc)`)."""
    if isinstance(value, cst.Name):
        return value.value == name
    if isinstance(value, cst.Dict):
        return any(isinstance(e, cst.DictElement) and isinstance(e.value, cst.Name) and e.value.value == name
                   for e in value.elements)
    if isinstance(value, (cst.List, cst.Tuple, cst.Set)):
        return any(isinstance(e.value, cst.Name) and e.value.value == name for e in value.elements)
    return False


def caught_name(handler: Handler) -> str | None:
    """The name the handler binds the exception to (`except E as err` -> `err`)."""
    if handler.name is not None and isinstance(handler.name.name, cst.Name):
        return handler.name.name.value
    return None


def mentions(node: cst.CSTNode, name: str | None) -> bool:
    return name is not None and any(isinstance(n, cst.Name) and n.value == name for n in walk_own(node))


def is_print(statement: cst.CSTNode, resolve: Resolver) -> bool:
    """`print(...)` (or `rich.print`, `pprint.pprint`) to stdout, used as a statement.

    `print(..., file=sys.stderr)` is left out: writing to a chosen stream is a command-line tool's
    deliberate channel to its user, not an afterthought.
    """
    if not (isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call)):
        return False
    call = statement.value
    return resolve(call) in PRINT_CALLS and not any(a.keyword is not None and a.keyword.value == "file" for a in call.args)


def returned_constant(statements: list[cst.CSTNode]) -> cst.Return | None:
    """The handler's final `return <constant>` (not an error code), if it ends with one."""
    last = statements[-1] if statements else None
    if not (isinstance(last, cst.Return) and last.value is not None and is_constant(last.value)):
        return None
    return None if is_error_code(last.value) or signals_failure(last.value) else last


def is_declared_result(returned: cst.Return, handler: Handler, function: cst.FunctionDef | None,
                       module: cst.Module) -> bool:
    """The function's signature, name or other returns say the returned constant is one of its normal results.

    `return None` under `-> X | None`; `return False` in a predicate (`-> bool`, `is_...`, or one that
    returns `True`/`False` elsewhere); an empty constant (`{}`, `""`, `0`) the function also returns
    outside this handler, or one its docstring says a failure reads as ("a lost or reset connection reads as
    EOF"). A truthy constant is never declared: from a handler it fabricates success.
    """
    if function is None:
        return False
    value = returned.value
    annotation = module.code_for_node(function.returns.annotation) if function.returns else ""
    if isinstance(value, cst.Name) and value.value == "None" and ("None" in annotation or "Optional" in annotation):
        return True
    if isinstance(value, cst.Name) and value.value == "False" and (
            annotation == "bool" or is_predicate(function)):
        return True
    if not is_empty_constant(value):
        return False  # a truthy constant from a handler (`True`, `{"status": "ok"}`) always fabricates success
    if _documents_fallback(function):
        return True
    code = module.code_for_node(value) if value is not None else "None"
    handler_returns = {id(node) for node in own_returns(handler.body)}
    for node in own_returns(function.body):
        if id(node) in handler_returns or node.value is None:
            continue
        other = module.code_for_node(node.value)
        if other == code or (code == "False" and other == "True"):
            return True
    return False


def answers_question(function: cst.FunctionDef | None, value: cst.BaseExpression | None) -> bool:
    """`return False` from a predicate (`is_ipv4(...)`, `test_sequence` documented "Return true if ..."): the failure is
    the answer, not lost.

    A function named for an action (`save_user() -> bool`) that returns `False` from a handler still loses
    its failure: the caller learns that it failed, never why.
    """
    return function is not None and is_predicate(function) and isinstance(value, cst.Name) and value.value == "False"


def rejects_as_elsewhere(function: cst.FunctionDef | None, handler: Handler) -> bool:
    """`return None` from a verifier (`_verify_cookie(value) -> str | None`) that also answers `None` where its check
    fails (`if not hmac.compare_digest(...): return None`): input it cannot even decode is rejected the same way."""
    if function is None or not is_predicate(function):
        return False
    inside = {id(node) for node in own_returns(handler.body)}
    return any(id(node) not in inside and is_none(node.value) for node in own_returns(function.body))


def is_predicate(function: cst.FunctionDef) -> bool:
    """Named as a question or a verifier (`has_ipv6`, `verify_signature`, `__eq__`), or documented as one ("Return true if the
    variable is a sequence"), not as whether an action worked."""
    name = function.name.value
    if name.startswith(PREDICATE_PREFIXES) or name in QUESTION_METHODS \
            or QUESTION_WORDS.intersection(name.strip("_").split("_")[1:-1]):
        return True  # (`_default_is_valid`, `value_has_key`: a question about its subject)
    docstring = function.get_docstring()
    first = docstring.split(".", 1)[0].lstrip() if docstring else ""  # (the pattern has no leading `\s*`: linear)
    return ASKS_QUESTION.match(first) is not None and ASKS_ABOUT_SUCCESS.search(first) is None


def answers_with_flag(function: cst.FunctionDef, statement: TryStatement) -> bool:
    """`has_ipv6 = False` / `try: sock.bind(...); has_ipv6 = True` / `except Exception: pass` / `return has_ipv6`: a
    predicate's probe sets the answer it returns only when the probe worked; a failure leaves the `False` the function
    set first."""
    if not is_predicate(function):
        return False
    flags = {t.value for small in suite_statements(statement.body) for t in _assign_targets(small)
             if isinstance(small, (cst.Assign, cst.AnnAssign)) and isinstance(t, cst.Name)}
    answered = {node.value.value for node in own_returns(function.body)
                if isinstance(node.value, cst.Name) and node.value.value in flags}
    return any(isinstance(node, (cst.Assign, cst.AnnAssign)) and is_name(node.value, "False")
               and any(isinstance(t, cst.Name) and t.value in answered for t in _assign_targets(node))
               for node in walk_own(function.body))


def classify(handler: Handler, resolve: Resolver, function: cst.FunctionDef | None = None,
             module: cst.Module | None = None, statement: TryStatement | None = None,
             raising: frozenset[str] = RAISING_CALLS) -> Outcome:
    """Decide which single rule of VC101-VC104 owns this handler (see the module docstring).

    With the enclosing `function` (and its `module`), a constant that the function declares as a normal
    result is not VC103's: such a broad handler falls through to VC102. With the `try` `statement` it belongs
    to, a considered decision (`is_considered`) is no VC101's or VC102's but DECIDED.
    """
    return _decided(_classify(handler, resolve, function, module, raising), handler, function, statement,
                    remote=not is_broad(handler.type, resolve) and catches_service_failures(handler.type, resolve))


def _decided(outcome: Outcome, handler: Handler, function: cst.FunctionDef | None,
             statement: TryStatement | None, remote: bool = False) -> Outcome:
    if outcome in (Outcome.SWALLOWED, Outcome.BROAD) and is_considered(outcome, handler, function, statement, remote):
        return Outcome.DECIDED
    if outcome is Outcome.RETURNS_VALUE and statement is not None and is_optional_import(statement, handler):
        return Outcome.DECIDED  # `try: from e2b import exceptions` / `except Exception: return ()`: no such types
    if outcome is Outcome.RETURNS_VALUE and is_template_filter(function):
        return Outcome.DECIDED  # `except Exception: return ""`: the answer Django asks of a filter that failed
    return outcome


def _classify(handler: Handler, resolve: Resolver, function: cst.FunctionDef | None,
              module: cst.Module | None, raising: frozenset[str]) -> Outcome:
    traceback_logged = False
    kept = False  # the exception object is handed on or stored, so the caller can still learn of the failure
    name = caught_name(handler)
    for node in own_nodes(handler.body):
        if type(node) is cst.Raise and not exits_successfully(node, resolve):
            return Outcome.PROPAGATES
        if type(node) is cst.Call:
            called = resolve(node)
            if (called in EXIT_CALLS and not exits_successfully(node, resolve)) or called in raising:
                return Outcome.PROPAGATES
            kept = kept or delegates(node, name)
            traceback_logged = traceback_logged or logs_traceback(node, resolve) or kept
        elif (type(node) is cst.Assign or type(node) is cst.AnnAssign) and type(node.value) is cst.Name \
                and node.value.value == name:
            traceback_logged = kept = True  # the exception object, traceback included, is kept for later
        elif type(node) is cst.Return and name is not None and node.value is not None \
                and _holds_name(node.value, name):
            traceback_logged = kept = True  # `return {"success": False, "exception": e}`: the caller gets the object
    broad = is_broad(handler.type, resolve)
    statements = [SUCCESS_EXIT if exits_successfully(s, resolve) else s for s in handler_statements(handler)]
    returned = returned_constant(statements)
    does_nothing = bool(statements) and (broad and all(is_inert(s) for s in statements) or (
        (catches_service_failures(handler.type, resolve) or swallows_cancellation(handler, function))
        and all(is_pass(s) or type(s) is cst.Continue for s in statements)))
    if does_nothing and returned is not None and is_none(returned.value) and rejects_as_elsewhere(function, handler):
        return Outcome.HANDLED
    if does_nothing and (returned is None or is_none(returned.value)):
        return Outcome.SWALLOWED
    if not traceback_logged and _prints_only(handler, statements, broad, resolve) \
            and not _reports_then_fails(handler, statements, function):
        return Outcome.PRINTED
    if returned is not None and not kept and (broad or is_operation_failure(handler.type, resolve)
                                 or logs_failure_then_returns(handler, statements, resolve)) and not (
            module is not None and is_declared_result(returned, handler, function, module)):
        return Outcome.RETURNS_VALUE
    if does_nothing and returned is not None and answers_question(function, returned.value):
        return Outcome.HANDLED
    if does_nothing:
        return Outcome.SWALLOWED
    if broad and not traceback_logged and not returns_error_code(statements):
        return Outcome.BROAD
    return Outcome.HANDLED


def is_considered(outcome: Outcome, handler: Handler, function: cst.FunctionDef | None,
                  statement: TryStatement | None, remote: bool = False) -> bool:
    """A broad handler the code shows to be a decision, not an error made to disappear (see the module docstring).
    With `remote` (the handler catches an SDK's base error), a `try` that removes something is no local clean-up: the
    service may have refused to remove a container or a job that then runs on."""
    name = function.name.value if function is not None else ""
    if name == "__del__" or waives_broad_except(handler, statement) or is_template_filter(function):
        return True
    if statement is not None and awaits_cancelled_task(statement, function):
        return True  # `task.cancel()`, then `try: await task`, `except (CancelledError, Exception): pass`
    if statement is not None and catches_others_cancellation(handler, function, statement):
        return True  # `task.result()` of a task someone cancelled, `await asyncio.shield(cleanup)` kept waiting for
    if statement is not None and cleans_up_before_reraise(statement, function):
        return True  # `except BaseException: try: await client.aclose() except (...): pass`, then `raise`
    if swallows_cancellation(handler, function, statement):
        return False  # `async def close(): ... except BaseException: pass`: a cancelled task carries on as if not
    if statement is not None and ((is_best_effort_cleanup(statement) and not remote)
                                  or is_optional_import(statement, handler)
                                  or is_explained_fallback(handler, statement, function)):
        return True
    if outcome is Outcome.SWALLOWED and declares_no_raise(function):
        return True  # "Best-effort file delete", "returns (None, None, None) instead of raising": the contract
    if statement is not None and function is not None and _raises_after(function, statement):
        return True  # `except Exception as e: msg += f" ({e})"`, then `raise Error(msg)`: the code fails either way
    if statement is not None and function is not None and _tries_each_then_raises(handler, function, statement):
        return True  # `for d in dirs: try: ...; return d`, `except Exception: continue`, then `raise`
    if function is not None and _collects_for_raise(handler, function):
        return True  # `failed.append(job)`, then `if failed: raise ...`: the failures are raised together
    if statement is not None and function is not None and _skips_unreadable_attribute(handler, function, statement):
        return True  # `for name in dir(obj): try: value = getattr(obj, name)`, `except Exception: continue`
    passes = all(is_pass(s) for s in handler_statements(handler))
    if outcome is Outcome.SWALLOWED and passes and is_teardown(name):
        return True  # `def close(self): try: ... except Exception: pass`: closing must not fail the caller
    if outcome is Outcome.SWALLOWED and passes and statement is not None and only_records_telemetry(statement):
        return True  # `try: metrics.record_duration(...)`: a metric that failed must not fail the operation it measures
    if outcome is Outcome.SWALLOWED and states_fail_open(handler) and all(
            is_pass(s) or isinstance(s, cst.Continue) for s in handler_statements(handler)):
        return True  # `except Exception:  # fail open: tracing must never break the call`
    if outcome is Outcome.SWALLOWED and passes and statement is not None and (
            stores_attributes_only(statement) or (function is not None and (
                on_failure_path(function, statement) or _tested_after(function, statement)
                or answers_with_flag(function, statement)))):
        return True
    if statement is not None and function is not None and _resets_to_none(handler, statement) \
            and _tested_after(function, statement):
        return True  # `try: field = get_field(name)` / `except Exception: field = None` / `if field is not None:`
    if outcome is Outcome.SWALLOWED:
        return statement is not None and statement.orelse is not None and passes
    return name in REPRESENTATIONS or name.endswith("repr")


def is_template_filter(function: cst.FunctionDef | None) -> bool:
    """A Django template filter (`@register.filter`, `@register.filter("timezone", is_safe=True)`): Django's contract
    is that a filter never raises and fails silently, answering with its input or an empty string, so a broad
    handler there delivers the contract."""
    if function is None:
        return False
    for decorator in function.decorators:
        callee = decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator
        if isinstance(callee, cst.Attribute) and callee.attr.value == "filter" \
                and isinstance(callee.value, cst.Name) and callee.value.value == TEMPLATE_LIBRARY:
            return True
    return False


def is_optional_import(statement: TryStatement, handler: Handler) -> bool:
    """`try: from .e2b import Client; _HAS_E2B = True` / `except Exception: _HAS_E2B = False`: a probe for an optional
    dependency, whose import may fail in more ways than `ImportError` (a version mismatch, a missing system library).
    The `try` only imports and sets flags; the handler only sets them, imports a replacement, passes, or returns
    a constant: what the function answers without the dependency (`return ()`, `return True`)."""
    tried = suite_statements(statement.body)
    return any(isinstance(small, (cst.Import, cst.ImportFrom)) for small in tried) \
        and all(_imports_or_flags(small) for small in tried) \
        and all(_imports_or_flags(small) or isinstance(small, cst.Pass)
                or (isinstance(small, cst.Return) and is_constant(small.value)) for small in handler_statements(handler))


def _imports_or_flags(small: cst.CSTNode) -> bool:
    return isinstance(small, (cst.Import, cst.ImportFrom)) or (
        isinstance(small, (cst.Assign, cst.AnnAssign)) and is_constant(small.value))


def awaits_cancelled_task(statement: TryStatement | cst.With, function: cst.FunctionDef | None) -> bool:
    """The `try` (or `with suppress(...)`) only awaits a task the function cancelled (`task.cancel()`, then `await task`
    or `await asyncio.wait_for(task, timeout)`; also from a callback it defines, `def on_signal(): task.cancel()`, or
    in the `try` itself, `try: task.cancel(); await task`): it waits for the task to finish its clean-up, and what the
    task raises on its way out is no failure of the work, which was called off."""
    statements = suite_statements(statement.body)
    last = statements[-1] if statements and all(_cancels(s) for s in statements[:-1]) else None
    awaited = last.value if isinstance(last, cst.Expr) else None
    if function is None or not isinstance(awaited, cst.Await):
        return False
    task = awaited.expression
    if isinstance(task, cst.Call) and callee_tail(task.func) in TASK_WAITERS and task.args:
        task = task.args[0].value
    name = get_full_name_for_node(task) if isinstance(task, (cst.Name, cst.Attribute)) else None
    return name is not None and any(
        isinstance(node.func, cst.Attribute) and node.func.attr.value == "cancel"
        and get_full_name_for_node(node.func.value) == name for node in calls_in(function.body))


def _cancels(statement: cst.CSTNode) -> bool:
    """`task.cancel()` as a statement."""
    call = statement.value if isinstance(statement, cst.Expr) else None
    return isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.func.attr.value == "cancel"


def cleans_up_before_reraise(statement: TryStatement, function: cst.FunctionDef | None) -> bool:
    """The `try` is a clean-up step of an `except` block that ends in a bare `raise` (`except BaseException: try: await
    client.aclose() except (Exception, CancelledError): pass; raise`): the original failure or cancellation goes on, and
    what the clean-up raised must not replace it."""
    if function is None:
        return False
    for handler in (n for n in walk_own(function.body) if type(n) is cst.ExceptHandler):
        body = list(handler.body.body) if isinstance(handler.body, cst.IndentedBlock) else []
        if statement in body and _is_bare_raise(body[-1]) and body.index(statement) < len(body) - 1:
            return True
    return False


def _is_bare_raise(statement: cst.BaseStatement) -> bool:
    return type(statement) is cst.SimpleStatementLine and len(statement.body) == 1 \
        and type(statement.body[0]) is cst.Raise and statement.body[0].exc is None


def swallows_cancellation(handler: Handler, function: cst.FunctionDef | None,
                          statement: TryStatement | None = None) -> bool:
    """A coroutine's handler that catches `asyncio.CancelledError` (a bare `except:`, `BaseException`): whatever it
    cleans up, a task cancelled there does not stop. Only a `try` that awaits can be cancelled (`json.loads(message)`
    cannot: the cancellation reaches the task at its next `await`)."""
    if function is None or function.asynchronous is None or (statement is not None and not _awaits(statement.body)):
        return False
    caught = handler.type
    members = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
    return any(member is None or (get_full_name_for_node(member) or "").rsplit(".", 1)[-1] in CANCELLATION_CATCHERS
               for member in members)


def catches_others_cancellation(handler: Handler, function: cst.FunctionDef | None, statement: TryStatement) -> bool:
    """A coroutine's `except CancelledError` around a `try` that awaits nothing (`task.result()` of a task that was
    cancelled: that task's cancellation, not this one's), or awaits only through `asyncio.shield(...)` (the author
    shields the work from this very cancellation and waits on for it)."""
    caught = handler.type
    members = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
    if function is None or function.asynchronous is None or not all(
            member is not None and (get_full_name_for_node(member) or "").rsplit(".", 1)[-1] == "CancelledError"
            for member in members):
        return False
    awaits = [node for node in walk_own(statement.body) if type(node) is cst.Await]
    return not _awaits(statement.body) or (len(awaits) > 0 and all(
        type(node.expression) is cst.Call and callee_tail(node.expression.func) == "shield" for node in awaits))


def _awaits(block: cst.BaseSuite) -> bool:
    """The block awaits (`await`, `async for`, `async with`), where a cancelled task gets its `CancelledError`."""
    return any(type(node) is cst.Await or ((type(node) is cst.For or type(node) is cst.With)
                                           and node.asynchronous is not None)  # type: ignore[union-attr]
               for node in walk_own(block))


def waives_broad_except(handler: Handler, statement: TryStatement | None = None) -> bool:
    """The `except` line carries another linter's waiver of its broad-except check, or the line above the `try` carries
    PyCharm's (`# noinspection PyBroadException`, which it puts before the statement): the author decided."""
    body = handler.body
    if isinstance(body, cst.IndentedBlock):
        comment = body.header.comment
    else:
        comment = body.trailing_whitespace.comment if isinstance(body, cst.SimpleStatementSuite) else None
    if comment is not None and LINTER_WAIVER.search(comment.value) is not None:
        return True
    return statement is not None and any(line.comment is not None and IDE_WAIVER.search(line.comment.value) is not None
                                         for line in statement.leading_lines)


# A comment addressed to a tool (`# pylint: disable=...`, a noqa or a type-ignore), not to a reader.
TOOL_DIRECTIVE = lazy_pattern(r"#\s*(?:pylint|noqa|nosec|type:|pragma|fmt:|vibecheck:|mypy|pyright|ruff)", re.IGNORECASE)


# A docstring sentence that names a failure and a fallback together ("Exceptions are suppressed and result in the
# default value", "returns None if the conversion fails", "Returns None if: ... - any introspection fails"): the
# function's contract explains
# its handlers. Each sentence is searched for both words on its own, so no pattern spans the whole docstring.
DOCUMENTED_FAILURE = lazy_pattern(r"\b(?:exceptions?|errors?|fail(?:s|ed|ure|ing)?|lost|reset|timeouts?|timed\s+out"
                                  r"|could\s+not|cannot|unsupported|unavailable)\b", re.IGNORECASE)
DOCUMENTED_FALLBACK = lazy_pattern(r"\b(?:defaults?|fall(?:s|ing)?\s*back|fallback|suppressed|ignored|silenced"
                                   r"|(?:reads?|treated|counts?)\s+as|returns?\s+`?(?:None|False)\b)", re.IGNORECASE)


# Names and docstring phrases of a function whose contract is not to raise: its handlers deliver that contract.
NO_RAISE_PREFIXES = ("safe_", "try_", "best_effort_")
NO_RAISE_SUFFIXES = ("_or_none", "_or_default", "_best_effort")
SAFE_VARIANT = "_safe"  # `parse_http_date_safe` beside `parse_http_date`
# A docstring that opens "Best-effort ..." says what the names `best_effort_...` say.
NO_RAISE_DOC = lazy_pattern(r"\b(?:never|does\s+not|doesn't|will\s+not|won't)\s+raises?\b|\b(?:instead\s+of|without)\s+raising\b"
                            r"|^best[- ]effort\b", re.IGNORECASE)


def is_explained_fallback(handler: Handler, statement: TryStatement, function: cst.FunctionDef | None = None) -> bool:
    """The handler only puts a fallback in place of what the `try` computes, and a comment (or the function's
    docstring: "exceptions are suppressed and result in the default value") says why
    (`try: data = cache.get(key)` / `except Exception:` / `# some backends raise on invalid keys` / `data = None`):
    the failure is answered by the value the code goes on with, as the author explains. A commented `pass` is
    such a fallback when the value the code goes on with is already there: the `try` only updates names it reads
    (`value = loads(value)` / `# keep the value as a string`), only builds a value and attaches it to an object last
    (`binding = TokenBinding(...)` / `data.token_binding = binding`), or returns what a `return` after it replaces. So is
    a handler that returns another result in place of the one the `try` returns, computed there
    (`# fall back to the plain text` / `template = from_string(body)` / `return template`), or one that only
    calls (`self.create()  # reset the session`) before a fallback `return` after the `try`, or a commented
    `continue`, which leaves out the item of the loop that failed (`# moved or deleted meanwhile: ignore it`)."""
    fallbacks = handler_statements(handler)
    if not fallbacks or not (_explained(handler) or _documents_fallback(function)):
        return False
    if all(is_pass(small) for small in fallbacks):
        return _keeps_prior_value(statement, function) or _ends_loop_body(statement, function)
    if all(isinstance(small, cst.Continue) for small in fallbacks):
        return True  # `# the file was moved meanwhile: skip it` / `continue`: the loop goes on without that item
    if _returns_instead(fallbacks, statement, function) or _answers_as_elsewhere(fallbacks, handler, function):
        return True
    computed = {_target_text(t) for small in suite_statements(statement.body) for t in _assign_targets(small)}
    computed.discard(None)
    return all(isinstance(small, (cst.Assign, cst.AnnAssign)) and all(_target_text(t) in computed
               for t in _assign_targets(small)) for small in fallbacks)


def declares_no_raise(function: cst.FunctionDef | None) -> bool:
    """The function's name or docstring promises its callers that it does not raise (`construct_type_or_none`,
    `_safe_json`, `try_parse`; "Never raises.", "returns `None` instead of raising"): they call it for that."""
    if function is None:
        return False
    name = function.name.value.lstrip("_")
    if name.startswith(NO_RAISE_PREFIXES) or name.endswith(NO_RAISE_SUFFIXES):
        return True
    if name.endswith(SAFE_VARIANT) and not name.startswith(PREDICATE_PREFIXES):
        return True  # `parse_http_date_safe`: the variant of `parse_http_date` that does not raise (not `is_safe`)
    docstring = function.get_docstring()
    return docstring is not None and NO_RAISE_DOC.search(docstring) is not None


def _documents_fallback(function: cst.FunctionDef | None) -> bool:
    if declares_no_raise(function):
        return True
    docstring = function.get_docstring() if function is not None else None
    return docstring is not None and any(DOCUMENTED_FAILURE.search(sentence) and DOCUMENTED_FALLBACK.search(sentence)
                                         for sentence in docstring.split("."))


def _keeps_prior_value(statement: TryStatement, function: cst.FunctionDef | None) -> bool:
    """Whether the code after a failed `try` goes on with a value it had before: every statement of the `try`
    rebinds a name from its own value, or the `try` returns (at its end, or from a branch inside: `if curses: ...
    return True`) and the statement after it returns too (the fallback answer, `return False`), or the function
    goes on to the next way of making its answer and returns it last (a chain of attempts: `try: return
    obj.model_dump()`, then `try: return obj.dict()`, then `return vars(obj)`; also from inside an `if` the `try`
    ends: `if Locale is not None: try: return Locale.parse(code).display_name`, then the manual mapping's `return`)."""
    computed = suite_statements(statement.body)
    if computed and (all(_updates_itself(small) for small in computed) or _attaches_when_built(computed)):
        return True
    returns = bool(computed) and (isinstance(computed[-1], cst.Return)
                                  or next(own_returns(statement.body), None) is not None)
    if not returns or function is None:
        return False
    rest = _code_after(function.body, statement, through=FALL_THROUGH)  # also past the `if` the `try` ends
    if rest is None:
        return False
    if not rest:
        return True  # the function's last statement: it answers `None` after it, as `return None` would
    return isinstance(rest[0], cst.Return) or isinstance(rest[-1], cst.Return)


def _ends_loop_body(statement: TryStatement, function: cst.FunctionDef | None) -> bool:
    """The `try` is the last statement of a loop's body (`for config in configs: try: ... except Exception: # skip
    configs that fail`, `pass`): its `pass` goes on with the next item, as a `continue` would."""
    return function is not None and any(
        (type(node) is cst.For or type(node) is cst.While) and (body := suite_statements(node.body))
        and body[-1] is statement for node in walk_own(function.body))


def _answers_as_elsewhere(fallbacks: list[cst.CSTNode], handler: Handler,
                          function: cst.FunctionDef | None) -> bool:
    """`return None` under a comment saying which failures mean "not found", in a function that also answers `None`
    on its normal path (`if type(found) is Fixture: return found` / `return None`): the failure gets the function's
    own answer for nothing found."""
    last = fallbacks[-1] if len(fallbacks) == 1 else None
    if function is None or not isinstance(last, cst.Return) or not (
            isinstance(last.value, ANSWER_LITERALS)
            or (isinstance(last.value, cst.Name) and last.value.value in ANSWER_NAMES)):
        return False
    inside = {id(node) for node in own_returns(handler.body)}
    return any(id(node) not in inside and node.value is not None and node.value.deep_equals(last.value)
               for node in own_returns(function.body))


def _returns_instead(fallbacks: list[cst.CSTNode], statement: TryStatement, function: cst.FunctionDef | None) -> bool:
    """The `try` ends by returning its result (or computes the name returned right after it) and the handler answers
    with another one: it returns a value it computes with assignments, or it only calls (a reset) and a `return` after
    the `try` gives the fallback."""
    computed = suite_statements(statement.body)
    returns = bool(computed) and isinstance(computed[-1], cst.Return)
    *steps, last = fallbacks
    if isinstance(last, cst.Return) and (returns or _returned_after(computed, statement, function)):
        return last.value is not None and all(isinstance(small, (cst.Assign, cst.AnnAssign)) for small in steps)
    return (returns and function is not None
            and all(isinstance(small, cst.Expr) and isinstance(small.value, cst.Call) for small in fallbacks)
            and isinstance(_statement_after(function.body, statement), cst.Return))


def _returned_after(computed: list[cst.CSTNode], statement: TryStatement, function: cst.FunctionDef | None) -> bool:
    """`try: info = locate(obj)` / ... / `return info`: the `try` computes what the function returns right after it."""
    after = _statement_after(function.body, statement) if function is not None else None
    if not (isinstance(after, cst.Return) and isinstance(after.value, cst.Name)):
        return False
    return any(_target_text(target) == after.value.value for small in computed for target in _assign_targets(small))


def _attaches_when_built(computed: list[cst.CSTNode]) -> bool:
    """`binding = TokenBinding(status=status)`, `if "id" in raw: binding.id = raw["id"]`, then `data.binding = binding`:
    the `try` only builds a value in names and attributes of its own, and its last statement attaches it to an object,
    so after a failure the object goes on without that optional part, as it was before."""
    assignments = list(_assignments(computed))
    last = computed[-1]
    if None in assignments or not isinstance(last, cst.Assign) or not isinstance(last.value, cst.Name) \
            or not all(isinstance(target.target, cst.Attribute) for target in last.targets):
        return False
    built = {t.value for small in assignments if small is not None for t in _assign_targets(small) if isinstance(t, cst.Name)}
    return last.value.value in built


def _assignments(statements: list[cst.CSTNode]) -> Iterator[cst.CSTNode | None]:
    """The assignments to names and attributes among `statements`, also inside `if` blocks; None for anything else."""
    for small in statements:
        if isinstance(small, cst.If):
            yield from _assignments(suite_statements(small.body))
            if small.orelse is not None:
                yield from _assignments([small.orelse] if isinstance(small.orelse, cst.If)
                                        else suite_statements(small.orelse.body))
        elif isinstance(small, (cst.Assign, cst.AnnAssign)) and small.value is not None \
                and all(isinstance(t, (cst.Name, cst.Attribute)) for t in _assign_targets(small)):
            yield small
        else:
            yield None


def _updates_itself(small: cst.CSTNode) -> bool:
    """`value = loads(value)`: an assignment to names that its value reads, which therefore held a value before."""
    if not isinstance(small, (cst.Assign, cst.AnnAssign)) or small.value is None:
        return False
    targets = _assign_targets(small)
    read = {node.value for node in walk_own(small.value) if isinstance(node, cst.Name)}
    return bool(targets) and all(isinstance(t, cst.Name) and t.value in read for t in targets)


def _statement_after(suite: cst.BaseSuite, statement: cst.CSTNode) -> cst.CSTNode | None:
    """The small statement (or compound statement) that follows `statement` in its block, searched from `suite`."""
    rest = _code_after(suite, statement, beyond_block=False)
    return rest[0] if rest else None


def _code_after(suite: cst.BaseSuite, statement: cst.CSTNode, *, beyond_block: bool = True,
                through: tuple[type[cst.CSTNode], ...] = (cst.CSTNode,)) -> list[cst.CSTNode] | None:
    """The statements that run after `statement`: those after it in its block, then (with `beyond_block`) those after
    each block that holds it (`if found is None: try: found = load(name)` ... then, after that `if`, `if found is
    None: raise`), only beyond the compound statements of the `through` types. None when `suite` does not hold it."""
    statements = suite_statements(suite)
    for index, current in enumerate(statements):
        if current is statement:
            return statements[index + 1:]
        for block in _blocks_of(current):
            found = _code_after(block, statement, beyond_block=beyond_block, through=through)
            if found is not None:
                return found + statements[index + 1:] if beyond_block and isinstance(current, through) else found
    return None


# Constant answers a function may give on its normal path too (`return None`, `return False`, `return ""`).
ANSWER_LITERALS = (cst.Integer, cst.SimpleString)
ANSWER_NAMES = frozenset({"None", "False", "True"})
# Compound statements whose block, once run to its end, goes on to the statement after them.
FALL_THROUGH = (cst.If, cst.With)


def _raises_after(function: cst.FunctionDef, statement: TryStatement) -> bool:
    """The block goes on to `raise`, through plain calls only (`self._abort_all_streams()`, then `raise
    ProtocolError(...)`), also after the `if` or `with` the `try` ends (`if isinstance(name, Undefined): try: ...
    except Exception as e: msg += f" ({e})"`, then `raise Error(msg)` after the `if`): the code fails whether or not the
    `try` did, so its handler hides nothing. A loop's next round, or a `try` around it, may go elsewhere: not followed."""
    rest = _code_after(function.body, statement, through=FALL_THROUGH) or []
    after_calls = next((small for small in rest
                        if not (isinstance(small, cst.Expr) and isinstance(small.value, (cst.Call, cst.Await)))), None)
    return isinstance(after_calls, cst.Raise)


def _tries_each_then_raises(handler: Handler, function: cst.FunctionDef, statement: TryStatement) -> bool:
    """A loop over candidates whose `try` returns (or breaks) on the first that works, whose handler moves on to the
    next, and after which the function raises (`for d in dirs: try: d.mkdir(); return d`, `except Exception:
    continue`, then `raise RuntimeError("no writable folder")`), or a polling loop with a limit (`while time.monotonic()
    < end:`, not `while True:`) that raises once it runs out: a failure is hidden only while another may succeed."""
    return all(isinstance(s, (cst.Pass, cst.Continue)) for s in handler_statements(handler)) \
        and tries_each_then_raises(function, statement)


def tries_each_then_raises(function: cst.FunctionDef, statement: TryStatement) -> bool:
    """The `try` is the last statement of a loop over candidates (or a polling loop with a limit), returns or breaks
    on the first that works, and the function raises once the loop runs out: whatever its handler does, the caller
    learns of the failure when no candidate worked."""
    if not any(type(node) in (cst.Return, cst.Break) for node in walk_own(statement.body)):
        return False
    loop = next((node for node in walk_own(function.body) if (type(node) is cst.For or (
                 type(node) is cst.While and not (type(node.test) is cst.Name and node.test.value == "True")))
                 and (body := suite_statements(node.body)) and body[-1] is statement), None)
    if loop is None:
        return False
    rest = suite_statements(loop.orelse.body) if loop.orelse is not None else \
        _code_after(function.body, loop, through=FALL_THROUGH) or []
    after_calls = next((small for small in rest
                        if not (isinstance(small, cst.Expr) and isinstance(small.value, (cst.Call, cst.Await)))), None)
    return isinstance(after_calls, cst.Raise)


# What lists an object's attribute names (`dir(obj)`, also sorted or copied first): a loop over them reads each.
ATTRIBUTE_LISTINGS = frozenset({"dir"})
LISTING_WRAPPERS = frozenset({"sorted", "list", "reversed", "tuple", "set"})


def _skips_unreadable_attribute(handler: Handler, function: cst.FunctionDef, statement: TryStatement) -> bool:
    """`for name in dir(obj): try: value = getattr(obj, name)`, `except Exception: continue`: a walk over an object's
    attributes (boltons' `get_module_callables`, a tracing wrapper) that skips those whose reading raises (a property
    or descriptor that fails, a lazy module attribute): any error is possible there by design, and the walk is over
    what can be read, not one value the code needs."""
    if not all(type(s) is cst.Continue for s in handler_statements(handler)):
        return False
    tried = suite_statements(statement.body)
    reads = [_attribute_read(small.value) if type(small) is cst.Assign and len(small.targets) == 1
             and type(small.targets[0].target) is cst.Name else None for small in tried]
    loop = next((node for node in walk_own(function.body) if type(node) is cst.For
                 and any(line is statement for line in suite_statements(node.body))), None)
    if not reads or loop is None or not isinstance(loop.target, cst.Name):
        return False
    listed = loop.iter
    while isinstance(listed, cst.Call) and isinstance(listed.func, cst.Name) and listed.func.value in LISTING_WRAPPERS \
            and len(listed.args) == 1:
        listed = listed.args[0].value
    if not (isinstance(listed, cst.Call) and isinstance(listed.func, cst.Name)
            and listed.func.value in ATTRIBUTE_LISTINGS and len(listed.args) == 1):
        return False
    owner = get_full_name_for_node(listed.args[0].value)
    return owner is not None and all(read == (owner, loop.target.value) for read in reads)


def _attribute_read(node: cst.BaseExpression) -> tuple[str, str] | None:
    """(owner, name) of `getattr(owner, name)` whose attribute's name is a variable, else None."""
    if not (isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "getattr"
            and len(node.args) == 2):
        return None
    owner, name = get_full_name_for_node(node.args[0].value), node.args[1].value
    return (owner, name.value) if owner is not None and isinstance(name, cst.Name) else None


def _collects_for_raise(handler: Handler, function: cst.FunctionDef) -> bool:
    """The handler records the failure in a local collection or counter (`failed.append(job)`, `errors += 1`) that an
    `if` of the function tests before it raises (`if failed: raise RuntimeError(...)`): the failures are gathered, then
    raised together."""
    collected = set()
    for node in walk_own(handler.body):
        if type(node) is cst.Call and type(node.func) is cst.Attribute and type(node.func.value) is cst.Name \
                and node.func.attr.value in COLLECTING_METHODS:
            collected.add(node.func.value.value)
        elif type(node) is cst.AugAssign and type(node.target) is cst.Name:
            collected.add(node.target.value)
    return bool(collected) and any(
        type(node) is cst.If and not collected.isdisjoint(names_in(node.test))
        and any(type(inner) is cst.Raise for inner in walk_own(node.body)) for node in walk_own(function.body))


def _blocks_of(compound: cst.CSTNode) -> list[cst.BaseSuite]:
    """The blocks a compound statement holds (not nested functions or classes: `statement` is in this scope).
    A `match` has no block of its own, only its cases'."""
    if isinstance(compound, (cst.FunctionDef, cst.ClassDef)) or not isinstance(compound, cst.BaseCompoundStatement):
        return []
    blocks = [compound.body] if hasattr(compound, "body") else []
    for name in ("orelse", "finalbody"):
        part = getattr(compound, name, None)
        while isinstance(part, cst.If):
            blocks.append(part.body)
            part = part.orelse
        if part is not None:
            blocks.append(part.body)
    blocks.extend(handler.body for handler in getattr(compound, "handlers", ()))
    blocks.extend(case.body for case in getattr(compound, "cases", ()))
    return blocks


def _explained(handler: Handler) -> bool:
    """A comment in words (not a tool's directive) on the `except` line, above the handler's first statement or at the
    end of its line (`pass  # fall back to the manual mapping`)."""
    body = handler.body
    if isinstance(body, cst.SimpleStatementSuite):
        return _explains(body.trailing_whitespace.comment)
    if not isinstance(body, cst.IndentedBlock):
        return False
    if _explains(body.header.comment):
        return True
    first = body.body[0] if body.body else None
    if type(first) is cst.SimpleStatementLine and _explains(first.trailing_whitespace.comment):
        return True
    return first is not None and any(_explains(line.comment) for line in getattr(first, "leading_lines", ()))


# A comment that states the handler's availability decision in the term of art: the code fails open on purpose.
FAIL_OPEN = lazy_pattern(r"\bfail(?:s|ing)?[- ]open\b", re.IGNORECASE)


def states_fail_open(handler: Handler) -> bool:
    """A comment on the `except` line, on the lines just above it or above the handler's first statement says the code
    fails open there (`# Fail-open on malformed URL parsing`): the author decided that the work goes on."""
    body = handler.body
    comments = [line.comment for line in getattr(handler, "leading_lines", ())]
    if isinstance(body, cst.SimpleStatementSuite):
        comments.append(body.trailing_whitespace.comment)
    elif isinstance(body, cst.IndentedBlock):
        comments.append(body.header.comment)
        comments += [line.comment for line in getattr(body.body[0], "leading_lines", ())] if body.body else []
    return any(comment is not None and FAIL_OPEN.search(comment.value) is not None for comment in comments)


def _explains(comment: cst.Comment | None) -> bool:
    return comment is not None and TOOL_DIRECTIVE.match(comment.value) is None


def _assign_targets(small: cst.CSTNode) -> list[cst.BaseExpression]:
    if isinstance(small, cst.Assign):
        return [target.target for target in small.targets]
    return [small.target] if isinstance(small, (cst.AnnAssign, cst.AugAssign)) else []


def _target_text(target: cst.BaseExpression) -> str | None:
    return get_full_name_for_node(target) if isinstance(target, (cst.Name, cst.Attribute)) else None


def stores_attributes_only(statement: TryStatement | cst.With) -> bool:
    """`try: request._parsed_accept_list = parsed` (or `with suppress(Exception): llm.stream = False`): the block only
    keeps a value it has, or a constant, on an object (a memo, an option); if the object refuses it (a frozen model),
    the code goes on with the same value."""
    stores = suite_statements(statement.body)
    return bool(stores) and all(
        isinstance(small, cst.Assign) and (isinstance(small.value, cst.Name) or is_constant(small.value))
        and all(isinstance(target.target, cst.Attribute) for target in small.targets) for small in stores)


def _resets_to_none(handler: Handler, statement: TryStatement) -> bool:
    """The handler only sets names the `try` assigns to `None` (`except Exception: field = None`): the value the code
    after it tests (see `_tested_after`), as a `pass` after `field = None` above the `try` would leave it."""
    computed = {t.value for small in suite_statements(statement.body) for t in _assign_targets(small)
                if isinstance(t, cst.Name)}
    fallbacks = handler_statements(handler)
    return bool(fallbacks) and all(isinstance(small, cst.Assign) and is_none(small.value) and all(
        isinstance(t, cst.Name) and t.value in computed for t in _assign_targets(small)) for small in fallbacks)


def _tested_after(function: cst.FunctionDef, statement: TryStatement) -> bool:
    """`ts = None` / `try: ts = parse(raw)` / `except Exception: pass` / `if ts is not None:`: the `try` only assigns
    names, and the code after it (also after the blocks that hold it) asks whether they are still `None`, so it goes
    on knowing whether the `try` worked."""
    computed = suite_statements(statement.body)
    names = {t.value for small in computed for t in _assign_targets(small) if isinstance(t, cst.Name)}
    if not computed or not all(isinstance(small, (cst.Assign, cst.AnnAssign)) for small in computed) \
            or len(names) != sum(len(_assign_targets(small)) for small in computed):
        return False
    rest = _code_after(function.body, statement) or []
    return any((isinstance(node, cst.Comparison) and _is_none_test(node, names))
               or (isinstance(node, (cst.If, cst.While)) and _tests_value(node.test, names))
               for after in rest for node in walk_own(after))


def _is_none_test(node: cst.Comparison, names: set[str]) -> bool:
    """`ts is not None`, `ts is None` of one of `names`."""
    return isinstance(node.left, cst.Name) and node.left.value in names \
        and any(isinstance(c.operator, (cst.Is, cst.IsNot)) and is_none(c.comparator) for c in node.comparisons)


def _tests_value(test: cst.BaseExpression, names: set[str]) -> bool:
    """A condition that asks whether one of `names` holds what the `try` would have made: its truth (`if data and
    "method" in data:`, `if not data:`), its type (`isinstance(message, dict)`) or whether it is `None`."""
    if isinstance(test, cst.Name):
        return test.value in names
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _tests_value(test.expression, names)
    if isinstance(test, cst.BooleanOperation):
        return _tests_value(test.left, names) or _tests_value(test.right, names)
    if isinstance(test, cst.Comparison):
        return _is_none_test(test, names)
    return isinstance(test, cst.Call) and isinstance(test.func, cst.Name) and test.func.value == "isinstance" \
        and bool(test.args) and isinstance(test.args[0].value, cst.Name) and test.args[0].value.value in names


def on_failure_path(function: cst.FunctionDef, statement: TryStatement | cst.With) -> bool:
    """The `try` sits in an `except` block of the same function: the code is already handling a failure (it logged
    it, it answers with an error page), and this is a best effort on that path (`try: send_status(FAILURE)`). So is
    one in a `finally:` block (`finally: try: readline.write_history_file(path)`): it runs on the way out, where a new
    error would replace the one in flight or the result."""
    return any(any(inner is statement for inner in walk_own(block))
               for block in _failure_path_blocks(function))


def _failure_path_blocks(function: cst.FunctionDef) -> list[cst.BaseSuite]:
    blocks: list[cst.BaseSuite] = []
    for node in walk_own(function.body):  # (exact types, not `isinstance`: ABCMeta is dear on every node)
        if type(node) is cst.ExceptHandler or type(node) is cst.ExceptStarHandler:
            blocks.append(node.body)
        elif (type(node) is cst.Try or type(node) is cst.TryStar) and node.finalbody is not None:
            blocks.append(node.finalbody.body)
    return blocks


def is_cleanup_name(name: str) -> bool:
    """`close`, `safe_close`, `unlink`, `rmtree`: a call that releases a resource."""
    return name in CLEANUP_CALLS or bool(CLOSERS.intersection(name.split("_")))


def is_teardown(function_name: str) -> bool:
    """`close`, `aclose`, `shutdown`, `close_connection`, `__exit__`: a function that tears its object down (named
    for that first: `flush_then_close` does work before it closes)."""
    first = function_name.lower().lstrip("_").split("_", 1)[0]
    return function_name in TEARDOWN_FUNCTIONS or first in CLOSERS or first in TEARDOWN_FUNCTIONS


def only_records_telemetry(statement: TryStatement) -> bool:
    """The `try` only hands measurements to telemetry (`collector.record_operation_duration(...)`,
    `_send_telemetry_in_thread(...)`, `span.set_attribute(...)`): instrumentation must never break what it observes."""
    names = [get_full_name_for_node(call.func) or "" for call in _body_calls(statement)]
    return bool(names) and all(TELEMETRY_WORDS.intersection(w.lower() for w in _WORD.findall(name)) for name in names)


def is_best_effort_cleanup(statement: TryStatement | cst.With) -> bool:
    """The `try` (or `with suppress(...)`) only releases resources (`self.stream.close()`, `os.unlink(path)`): a failure
    to clean up must not replace the outcome of the work, and there is nothing else to do about it."""
    tails = [callee_tail(call.func) or "" for call in _body_calls(statement)]
    return bool(tails) and all(is_cleanup_name(tail) for tail in tails)


def _body_calls(statement: TryStatement | cst.With) -> list[cst.Call]:
    """The calls (awaited or not) that make up the whole body, one per statement; empty when anything else is there."""
    calls = []
    for small in suite_statements(statement.body):
        value = small.value if isinstance(small, cst.Expr) else None
        if isinstance(value, cst.Await):
            value = value.expression
        if not isinstance(value, cst.Call):
            return []
        calls.append(value)
    return calls


def swallows_test_failure(handler: Handler, resolve: Resolver) -> bool:
    """A bare, broad or `AssertionError` handler whose body only passes, returns, prints or logs (VC305's)."""
    caught = handler.type
    members = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
    if not any(m is None or resolve(m) in TEST_FAILURE_TYPES or (isinstance(m, cst.Name) and m.value == "AssertionError")
               for m in members):
        return False
    statements = handler_statements(handler)
    return bool(statements) and all(is_swallowing(s) for s in statements)


def checks_caught_error(handler: Handler) -> bool:
    """The handler asserts (`assert "timeout" in str(exc)`, `self.assertIn(...)`): in a test, that is its check."""
    return any(isinstance(node, cst.Assert) or (isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute)
                                                and node.func.attr.value.startswith("assert"))
               for node in walk_own(handler.body))


def logs_failure_then_returns(handler: Handler, statements: list[cst.CSTNode], resolve: Resolver) -> bool:
    """A narrow handler that only logs the failure at error level, then returns: `logger.error(...); return None`.

    The code says it failed, yet hands its caller a value. A "nothing there" exception (`KeyError`,
    `FileNotFoundError`) is the normal default idiom, and a handler that does anything besides logging
    (records the error, cleans up) handles it; neither is this.
    """
    caught = handler.type
    members = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
    if any(m is None or (resolve(m) or "").rpartition(".")[2] in NOTHING_THERE for m in members):
        return False
    logged = [s for s in statements[:-1] if not is_inert(s)]
    return bool(logged) and all(_logs_at(s, ERROR_LEVELS | {"warning", "warn", "info", "debug", "log"}) for s in logged) \
        and any(_logs_at(s, ERROR_LEVELS) for s in logged)


def _logs_at(statement: cst.CSTNode, levels: frozenset[str]) -> bool:
    """`logger.error(...)`, `logging.critical(...)`, `self.log.exception(...)`: a log call at one of `levels`."""
    if not (isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call)):
        return False
    func = statement.value.func
    if not (isinstance(func, cst.Attribute) and func.attr.value in levels):
        return False
    receiver = func.value.attr.value if isinstance(func.value, cst.Attribute) else getattr(func.value, "value", "")
    return isinstance(receiver, str) and "log" in receiver.lower()


def returns_error_code(statements: list[cst.CSTNode]) -> bool:
    """The handler returns a non-zero status (`return 1`) or an HTTP error response (`return json_response(...,
    status=400)`): the caller learns of the failure."""
    return any(isinstance(s, cst.Return) and (is_error_code(s.value) or _is_error_response(s.value)) for s in statements)


def _is_error_response(value: cst.BaseExpression | None) -> bool:
    return isinstance(value, cst.Call) and any(
        arg.keyword is not None and arg.keyword.value in STATUS_KEYWORDS and isinstance(arg.value, cst.Integer)
        and int(arg.value.value) >= 400 for arg in value.args)


def _reports_then_fails(handler: Handler, statements: list[cst.CSTNode],
                        function: cst.FunctionDef | None) -> bool:
    """`print(f"Failed to install: {e}")` / `return False` in a function that returns `True` when it worked (a
    command-line step): the user reads why, and the caller learns that it failed from the flag."""
    last = statements[-1] if statements else None
    if function is None or not (isinstance(last, cst.Return) and is_name(last.value, "False")):
        return False
    name = caught_name(handler)
    return any(mentions(s, name) for s in statements[:-1]) and any(
        isinstance(node.value, cst.Name) and node.value.value == "True" for node in own_returns(function.body))


def _prints_only(handler: Handler, statements: list[cst.CSTNode], broad: bool, resolve: Resolver) -> bool:
    """`print(...)` and inert statements only (no error code returned); broad, or printing the caught error."""
    prints = [s for s in statements if is_print(s, resolve)]
    if not prints or not all(is_print(s, resolve) or is_inert(s) for s in statements):
        return False
    if returns_error_code(statements):
        return False
    return broad or any(mentions(s, caught_name(handler)) for s in prints)


def is_main_guard(node: cst.If) -> bool:
    """`if __name__ == "__main__":`, the script's top-level boundary."""
    test = node.test
    if not (type(test) is cst.Comparison and type(test.left) is cst.Name and test.left.value == "__name__"):
        return False
    return any(isinstance(c.comparator, cst.SimpleString) and literal_value(c.comparator) == "__main__"
               for c in test.comparisons)


class FunctionStackRule(Rule):
    """A rule that knows the functions enclosing the current node and whether it is under a `__main__` guard."""

    def __init__(self, context: RuleContext, options: object = None) -> None:
        super().__init__(context, options)
        self.functions: list[cst.FunctionDef] = []
        self.main_guards: list[cst.If] = []
        self.tries: dict[int, TryStatement] = {}  # handler id -> its `try` statement
        self.classes: list[cst.ClassDef] = []

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.functions.pop()

    def visit_Try(self, node: cst.Try) -> None:
        for handler in node.handlers:
            self.tries[id(handler)] = node

    def visit_TryStar(self, node: cst.TryStar) -> None:
        for star_handler in node.handlers:
            self.tries[id(star_handler)] = node

    def visit_If(self, node: cst.If) -> None:
        if is_main_guard(node):
            self.main_guards.append(node)

    def leave_If(self, node: cst.If) -> None:
        if self.main_guards and self.main_guards[-1] is node:
            self.main_guards.pop()

    def outcome(self, handler: Handler) -> Outcome:
        """`classify` for the handler in its function, once per file: VC101-VC105 all ask about every handler."""
        function = self.functions[-1] if self.functions else None
        key = ("handler-outcome", id(handler), id(function))
        known = self.context.shared.get(key)
        if known is None:
            if self.in_test() and swallows_test_failure(handler, self.qualified_name):
                outcome = Outcome.TEST_FAILURE_SWALLOWED
            elif self.in_test() and checks_caught_error(handler):
                outcome = Outcome.HANDLED  # the test's check of the error; VC311 judges whether it can be skipped
            else:
                outcome = classify(handler, self.qualified_name, function, self.context.module, self.tries.get(id(handler)),
                                   self._raising())
            known = self.context.shared[key] = (handler, function, outcome)
        return known[2]

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.append(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.classes.pop()

    def _raising(self) -> frozenset[str]:
        """The calls that always raise here: with `self.fail` in a test file or a `unittest` test case's class."""
        if self.context.is_test_file:
            return TEST_CASE_RAISING_CALLS
        bases = self.classes[-1].bases if self.classes else ()
        test_case = any((get_full_name_for_node(base.value) or "").endswith(TEST_CASE_SUFFIX) for base in bases)
        return TEST_CASE_RAISING_CALLS if test_case else RAISING_CALLS

    def in_test(self) -> bool:
        """Inside a test function (`test*`, not a fixture) of a test file, at any depth."""
        outer = self.functions[0] if self.functions else None
        return (self.context.is_test_file and outer is not None and outer.name.value.startswith("test")
                and not is_fixture(outer))

    def handler_label(self, handler: Handler) -> str:
        """`a bare \\`except:\\`` `\\`except ValueError\\`` or `\\`except* OSError\\`` for messages."""
        if handler.type is None:
            return "a bare `except:`"
        star = "*" if type(handler) is cst.ExceptStarHandler else ""
        return f"`except{star} {self.context.module.code_for_node(handler.type)}`"
