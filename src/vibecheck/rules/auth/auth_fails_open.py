"""VC216: an auth check that lets everyone in when a setting is empty or the client sends no credential."""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass

import libcst as cst

from vibecheck.analysis.app_model.frameworks import checks_signature, name_words
from vibecheck.analysis.flow import short_code
from vibecheck.analysis.nodes import callee_tail
from vibecheck.analysis.tokens import DECODERS, skips_expiry
from vibecheck.cst_fields import child_nodes, own_nodes_of, own_returns, walk_own
from vibecheck.imports import full_name
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import is_false, is_none

CONFIG_ROOTS = frozenset({"settings", "config", "conf", "app.config", "current_app.config", "os.environ", "env",
                          "self.settings", "self.config", "CONFIG", "SETTINGS"})
ENV_CALLS = frozenset({"os.getenv", "os.environ.get", "getenv", "environ.get", "config", "env", "env.str"})
CREDENTIAL_WORDS = frozenset({"token", "key", "keys", "apikey", "secret", "secrets", "signature", "password", "auth",
                              "authorization", "bearer", "hmac", "credential", "credentials", "tokens"})
# Words before `key` that make it a lookup key, not a credential: `issue_key`, `cache_key`, `sort_key`, `primary_key`.
DATA_KEY_QUALIFIERS = frozenset({"issue", "project", "cache", "sort", "primary", "foreign", "dict", "map", "lookup",
                                 "partition", "row", "object", "bucket", "idempotency", "group", "item", "field",
                                 "column", "index", "order", "route", "file", "name", "config", "setting", "storage",
                                 "event", "message", "queue", "record", "entity", "node", "page", "space", "board",
                                 "dedup", "dedupe", "hash", "unique", "composite", "natural", "resource", "metadata"})
IDENTIFIER = lazy_pattern(r"[A-Za-z_][A-Za-z0-9_]*")
# Browser automation: a module that drives a browser checks whether its own session logged in (`verify_login_success`:
# the login form is gone), which lets no request of anyone else in.
BROWSER_DRIVERS = ("selenium", "playwright", "pyppeteer", "splinter", "helium")
# Words that make an identifier a feature's on/off switch (`enable_secret_scanning`, `SIGNATURE_CHECK_ENABLED`), which
# names no credential whatever it switches.
TOGGLE_WORDS = frozenset({"enable", "enabled", "disable", "disabled"})
# Last words that make an identifier describe a credential rather than hold it (`token_type`, `signature_algorithm`,
# `key_format`): checking it against the allowed values validates an argument, and lets no request in.
DESCRIPTOR_WORDS = frozenset({"type", "types", "kind", "kinds", "algorithm", "algorithms", "format", "formats",
                              "length", "size", "version", "mode", "scheme", "style", "name", "names"})
# Last words that make an identifier where a credential is kept (`client_key_path`, `TOKEN_FILE`, `secrets_dir`), not
# the credential: checking that the file exists validates a setting, and lets no request in.
LOCATION_WORDS = frozenset({"path", "paths", "file", "files", "filename", "filepath", "dir", "directory", "folder",
                            "location"})
DENY_WORDS = lazy_pattern(r"\b(401|403|500|503)\b|Unauthorized|Forbidden|PermissionDenied|NotAuthenticated|AuthenticationFailed"
                          r"|UNAUTHENTICATED|PERMISSION_DENIED")  # gRPC's status codes
# What a guard raises to turn the caller away, not a server error it reports (`HTTPException(500, ...)`).
CALLER_REFUSALS = lazy_pattern(r"\b(401|403)\b|HTTP_40[13]_|Unauthorized|Forbidden|PermissionDenied|NotAuthenticated"
                               r"|AuthenticationFailed|UNAUTHENTICATED|PERMISSION_DENIED")
ALL_CAPS = lazy_pattern(r"^[A-Z][A-Z0-9_]*$")
# Words of a call whose answer turns the caller away: `deny(...)`, `_reject(request)`, `refuse_call(...)`.
DENYING_VERBS = frozenset({"deny", "reject", "refuse"})
# Exceptions whose handler decides an auth check: the broad ones and those token and permission checks raise.
BROAD_EXCEPTIONS = frozenset({"Exception", "BaseException"})
AUTH_ERROR_WORDS = frozenset({"jwt", "token", "signature", "expired", "decode", "auth", "authentication",
                              "unauthorized", "permission", "denied", "forbidden", "credentials", "verification"})
# Calls that deny by raising: `verify_jwt_in_request()` raises when the token is missing or invalid.
RAISING_CHECKS = frozenset({"verify_jwt_in_request", "check_permissions", "check_object_permissions",
                            "permission_denied"})
# A handler class's methods named for the HTTP verbs they answer (Tornado's `RequestHandler.get`, a Django or Flask
# class-based view's `post`): the endpoint itself, not a guard that lets the request on by returning normally.
ENDPOINT_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
# Names under which middleware receives the rest of the request's handling.
NEXT_HANDLERS = frozenset({"call_next", "get_response", "handler", "next_handler"})
# A function named as an auth check (`check_token`, `is_authorized`, `verify_api_key`): its `return True` lets in.
# Keys of a record that hold the caller's roles: `{"role": "admin"}`, `{"roles": ["admin"]}`.
ROLE_KEY_WORDS = frozenset({"role", "roles", "group", "groups", "scope", "scopes", "permissions"})
# Keys of a claim or a user record that grant a role or say the caller was let in: read with a default of `True`
# (`claims.get("is_admin", True)`), a token or record that lacks them is taken as an admin's. Not a policy's verdict
# (`result.get("allowed", True)` of a content filter), whose default is the filter's own choice.
PRIVILEGE_KEY_WORDS = frozenset({"admin", "superuser", "staff", "moderator", "owner", "authorized", "authorised",
                                 "authenticated"})
# Words before a privilege word that make the key name an item's audience (`visible_for_authenticated`, `shown_to_staff`:
# whom a menu entry is shown to), not a claim that the caller holds the privilege.
AUDIENCE_WORDS = frozenset({"for", "to"})
CHECK_NAME = lazy_pattern(r"^_*(authenticate|authorize|authorise|is_logged_in|(is|has|check|verify|validate|ensure)_\w*"
                          r"(auth|admin|staff|perm|access|role|token|jwt|api_?key|signature|credential|login|allowed"
                          r"|permitted|valid|webhook|hmac)\w*)$")
# Words of a check named for the failing state it detects (`is_token_expired`, `is_api_key_revoked`), or for a further
# check it demands (`is_reauthentication_required`, `is_mfa_needed`): its `True` refuses or steps up, its `False` lets in.
FAILED_STATE_WORDS = frozenset({"expired", "invalid", "revoked", "blocked", "banned", "blacklisted", "blocklisted",
                                "denylisted", "locked", "forbidden", "denied", "missing", "stale", "tampered",
                                "compromised", "suspended", "disabled", "unauthorized", "unauthorised", "unverified",
                                "required", "needed"})
# Last words of a check named for the form of a piece of text (h11's `is_next_line_obviously_invalid_request_line`,
# `is_valid_json`, `validate_header_syntax`): a parser's sanity check, whose `valid` is about syntax, not about a caller;
# unless the name also says what credential it is about (`is_valid_token_format`).
SYNTAX_WORDS = frozenset({"line", "lines", "syntax", "format", "json", "xml", "yaml", "utf8", "encoding", "byte", "bytes",
                          "char", "chars", "character", "characters", "chunk", "frame", "packet", "text"})
CREDENTIAL_SUBJECT_WORDS = frozenset({"auth", "token", "jwt", "signature", "credential", "credentials", "password",
                                      "key", "apikey", "api", "session", "login", "hmac", "webhook", "access", "perm",
                                      "permission", "role", "admin", "staff", "cookie", "otp", "code"})
BUILTIN_NAMES = frozenset(dir(builtins))
# Words of a value the client sends to prove its request was signed (`X-Hub-Signature-256` read into `signature`).
SIGNATURE_VALUE_WORDS = frozenset({"signature", "sig", "hmac", "signed"})
# Words of a flag that switches a check off for a mode (`STRIPE_TEST_MODE`, `settings.skip_verification`).
# Words of a call that does a request's work: changes, sends or runs something (`pull_and_deploy`, `relay.delay`).
WORK_VERBS = frozenset({"deploy", "save", "commit", "delete", "remove", "create", "update", "send", "publish", "process",
                        "handle", "execute", "relay", "forward", "charge", "refund", "trigger", "dispatch", "enqueue",
                        "delay", "apply_async", "write", "insert", "pull", "push", "sync", "transfer", "payout",
                        "restart", "install", "upgrade", "drop", "purge", "notify", "upload", "fulfil", "fulfill",
                        "grant", "provision"})
MODE_WORDS = frozenset({"test", "testing", "debug", "dev", "development", "local", "skip", "bypass", "insecure",
                        "sandbox", "mock", "fake", "mode", "disable", "disabled", "no"})
# FastAPI security schemes that, built with `auto_error=False`, hand the dependant None when the client sends no key.
LENIENT_SCHEMES = frozenset({"APIKeyHeader", "APIKeyQuery", "APIKeyCookie", "OAuth2PasswordBearer"})
# FastAPI parameter sources of a credential: `x_token: str = Header(None)` is None when the client leaves it out.
CLIENT_PARAMETER_SOURCES = frozenset({"fastapi.Header", "fastapi.Cookie", "fastapi.Query", "fastapi.params.Header",
                                      "fastapi.params.Cookie", "fastapi.params.Query"})


def _code(node: cst.CSTNode) -> str:
    return cst.Module([]).code_for_node(node)


def _tested_empty(test: cst.BaseExpression) -> str | None:
    """The name an `if not NAME:` or `if NAME is None:` tests for empty or unset."""
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not and type(test.expression) is cst.Name:
        return test.expression.value
    if type(test) is cst.Comparison and type(test.left) is cst.Name and len(test.comparisons) == 1 \
            and type(test.comparisons[0].operator) is cst.Is and is_none(test.comparisons[0].comparator):
        return test.left.value
    return None


# A Socket.IO connect handler refuses a connection only by returning `False`, raising (`ConnectionRefusedError`) or
# calling `disconnect()`: any other return, a bare `return` too, accepts it.
SOCKET_MODULES = ("flask_socketio", "socketio")
SOCKET_REFUSALS = frozenset({"disconnect", "ConnectionRefusedError"})
CONNECT_EVENT = "connect"
# Words of a test about who connects: `current_user.is_authenticated`, `not token`, `user is None`.
CALLER_WORDS = frozenset({"authenticated", "auth", "token", "user", "login", "logged", "session", "key"})


def _is_connect_handler(function: cst.FunctionDef) -> bool:
    """`@socketio.on("connect")`, `@sio.on("connect")`, `@sio.event def connect(...)`."""
    for decorator in function.decorators:
        expression = decorator.decorator
        if type(expression) is cst.Call and type(expression.func) is cst.Attribute and expression.func.attr.value == "on" \
                and expression.args and string_value(expression.args[0].value) == CONNECT_EVENT:
            return True
        if type(expression) is cst.Attribute and expression.attr.value == "event" \
                and function.name.value == CONNECT_EVENT:
            return True
    return False


def _accepts_anyway(block: cst.BaseSuite) -> bool:
    """A block that ends in a bare `return` (or `return None`) and refuses nothing: no `False`, raise or disconnect."""
    statements = block.body if isinstance(block, cst.IndentedBlock) else ()
    last = statements[-1] if statements else None
    if not isinstance(last, cst.SimpleStatementLine) or type(last.body[-1]) is not cst.Return:
        return False
    value = last.body[-1].value  # type: ignore[attr-defined]
    if value is not None and not is_none(value):
        return False
    return not any(type(node) is cst.Raise or (type(node) is cst.Call and callee_tail(node.func) in SOCKET_REFUSALS)
                   for node in walk_own(block))


def _tested_present(test: cst.BaseExpression) -> str | None:
    """The name an `and`'s left side requires to be set: `KEY`, `bool(KEY)`, `KEY is not None`."""
    if type(test) is cst.Call and full_name(test.func) == "bool" and len(test.args) == 1:
        test = test.args[0].value
    if type(test) is cst.Comparison and len(test.comparisons) == 1 \
            and type(test.comparisons[0].operator) is cst.IsNot and is_none(test.comparisons[0].comparator):
        test = test.left
    return test.value if type(test) is cst.Name else None


def _leaves(block: cst.BaseSuite) -> bool:
    """A block whose last statement returns, raises or aborts: what follows it runs only when its test was false."""
    statements = block.body if isinstance(block, cst.IndentedBlock) else [block]
    last = statements[-1] if statements else None
    if not isinstance(last, (cst.SimpleStatementLine, cst.SimpleStatementSuite)) or not last.body:
        return False
    final = last.body[-1]
    return type(final) in (cst.Return, cst.Raise) or (type(final) is cst.Expr and type(final.value) is cst.Call
                                                      and (full_name(final.value.func) or "").rpartition(".")[2] == "abort")


def _denies(block: cst.BaseSuite | cst.CSTNode, *, reraises: bool = True, refusal: str = "False") -> bool:
    """A block that refuses: `raise`, `abort(...)`, or a return of 401/403/`refusal`/a forbidden response. Without
    `reraises`, a bare `raise` (an inner `except` handing on what it caught) is no refusal of the block's own."""
    pending: list[cst.CSTNode] = [block]
    while pending:
        node = pending.pop()
        if type(node) is cst.Raise and (reraises or node.exc is not None):
            return True
        if type(node) is cst.Call and (full_name(node.func) or "").rpartition(".")[2] == "abort":
            return True
        if type(node) is cst.Return and node.value is not None:
            text = _code(node.value)
            if DENY_WORDS.search(text) or text == refusal or _answers_denial(node.value):
                return True
        pending.extend(child_nodes(node))
    return False


def _answers_denial(value: cst.BaseExpression) -> bool:
    """`return deny(...)`, `return self._reject(request)`: an answer made by a call named for turning the caller away."""
    return type(value) is cst.Call and bool(DENYING_VERBS.intersection(name_words(callee_tail(value.func) or "")))


def _guards_access(switch: str, check: cst.CSTNode, denial: cst.CSTNode, *, settings_only: bool = False) -> bool:
    """The skipped check is about access: it names a credential (`token`, `api_keys`, `signature`) or denies as
    access is denied (401/403, `abort`, `PermissionDenied`). A setting's own validation (`if conf.certfile and not
    os.path.exists(conf.certfile): raise ValueError(...)`, and with `settings_only`, a check that reads nothing but
    settings: `if PGCRYPTO and not PGCRYPTO_KEY: raise ValueError(...)`, a feature that needs its key configured) is
    no auth check that an empty setting skips, unless it refuses as access is refused."""
    if not settings_only and _credential_words(f"{switch} {_code(check)}"):
        return True
    return any(_refuses_access(node) for node in walk_own(denial))


def _credential_words(text: str) -> set[str]:
    """The credential words of the names in `text`; a lookup key (`issue_key`, `cache_key`), a feature's switch
    (`enable_secret_scanning`) or the place a credential is kept (`client_key_path`) names no credential."""
    found: set[str] = set()
    for identifier in IDENTIFIER.findall(text):
        words = name_words(identifier)
        if not TOGGLE_WORDS.isdisjoint(words) or (words and (words[-1] in LOCATION_WORDS or words[-1] in DESCRIPTOR_WORDS)):
            continue
        found.update(word for index, word in enumerate(words) if word in CREDENTIAL_WORDS and not (
            word in ("key", "keys") and index > 0 and words[index - 1] in DATA_KEY_QUALIFIERS))
    return found


def _uses(code: str, switch: str) -> bool:
    """`switch` occurs in `code` as a whole name (`PGCRYPTO` does not occur in `not PGCRYPTO_KEY`)."""
    return re.search(rf"(?<![\w.]){re.escape(switch)}(?!\w)", code) is not None


MESSAGES = frozenset({cst.SimpleString, cst.FormattedString, cst.ConcatenatedString})


def _refuses_access(node: cst.CSTNode) -> bool:
    """`abort(...)` with a status (not a command line's `app.abort("message")`), or a return or raise that answers
    401/403 or names a refusal (`PermissionDenied`)."""
    if isinstance(node, cst.Call):
        first = node.args[0].value if node.args and node.args[0].keyword is None else None
        return (full_name(node.func) or "").rpartition(".")[2] == "abort" and type(first) not in MESSAGES
    answer = node.value if isinstance(node, cst.Return) else node.exc if isinstance(node, cst.Raise) else None
    return answer is not None and DENY_WORDS.search(_code(answer)) is not None


def _negative_check(test: cst.BaseExpression) -> bool:
    """`x != y`, `x not in y`, `x is not y`, `not check(x)`: a test that is true when the credential is wrong. Not
    `auth is not NOT_SET`: no credential is told by its identity with a module's constant object, a sentinel for an
    argument left out (`NOT_SET`, `MISSING`), so that is a test of what the caller passed."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return True
    if isinstance(test, cst.Comparison):
        return any(isinstance(c.operator, (cst.NotEqual, cst.NotIn))
                   or (isinstance(c.operator, cst.IsNot) and not _sentinel(c.comparator)) for c in test.comparisons)
    if isinstance(test, cst.BooleanOperation):
        return _negative_check(test.left) or _negative_check(test.right)
    return False


def _sentinel(node: cst.BaseExpression) -> bool:
    """`NOT_SET`, `api.MISSING`: an upper-case constant, which `is` compares by identity as a sentinel object."""
    name = full_name(node)
    return name is not None and bool(ALL_CAPS.match(name.rpartition(".")[2]))


def _tests_something_else(check: cst.BaseExpression, switch: str) -> bool:
    """The check compares the switch with another value (a credential, a user), not only the switch's own shape.

    `if not all(isinstance(a, tuple) for a in settings.ADMINS): raise ValueError(...)` validates a setting; it
    names nothing but the setting, builtins and its own loop variables, so it is no auth check to skip.
    """
    bound: set[str] = set()
    names: set[str] = set()
    pending: list[cst.CSTNode] = [check]
    while pending:
        node = pending.pop()
        if _code(node) == switch:
            continue
        if isinstance(node, cst.CompFor):
            bound.update(n.value for n in _names(node.target))
        if isinstance(node, cst.Name):
            names.add(node.value)
        pending.extend(child_nodes(node))
    return bool(names - bound - BUILTIN_NAMES)


def _names(node: cst.CSTNode) -> list[cst.Name]:
    if isinstance(node, cst.Name):
        return [node]
    return [name for child in child_nodes(node) for name in _names(child)]


def _checked_by_helper(switch: str, check: cst.BaseExpression) -> bool:
    """`if WEBHOOK_SECRET and not signature_ok(body, sig):` -- the switch names a credential and the negated call a
    check of one: the helper uses the secret out of view (a feature switch such as `AUTH_ENABLED` names none)."""
    if not (type(check) is cst.UnaryOperation and type(check.operator) is cst.Not and type(check.expression) is cst.Call):
        return False
    return bool(_credential_words(switch)) and bool(_credential_words(callee_tail(check.expression.func) or ""))


def _present(test: cst.BaseExpression) -> cst.BaseExpression:
    """`token is not None` tests the same presence as `token`."""
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 \
            and isinstance(test.comparisons[0].operator, cst.IsNot) \
            and isinstance(test.comparisons[0].comparator, cst.Name) and test.comparisons[0].comparator.value == "None":
        return test.left
    return test


def _operands(test: cst.BaseExpression) -> list[cst.BaseExpression]:
    """`a and b and c` -> [a, b, c]."""
    if type(test) is cst.BooleanOperation and type(test.operator) is cst.And:
        return [*_operands(test.left), *_operands(test.right)]
    return [test]


@dataclass(frozen=True)
class OwnTry:
    """A `try` in a function's own blocks, the statement after it, and whether an `if` before it in the same
    block lets some requests through first (a public-path exemption)."""

    statement: cst.Try
    following: cst.BaseStatement | None
    exempts_first: bool


class AuthFailsOpen(Rule):
    """An auth check that lets everyone in when a setting is empty or the client sends no credential.

    ## What it does
    Reports checks that only run when something is present: `if settings.api_keys and key not in settings.api_keys:
    raise ...` (an empty or unset setting switches authentication off), `if API_TOKEN:` around the comparison, `if token
    and token != EXPECTED: abort(401)` (a client that sends no token is let in), and `if not SECRET: return` (or `if
    SECRET is None:`, `if SECRET == "":`; or `return True`, `return await call_next(request)`) before the check that uses
    `SECRET` (or, when the switch names a credential, a negated call of a check named for one that uses it out of view:
    `if WEBHOOK_SECRET and not signature_ok(body, sig):`; also spelled the other way round, `if
    key in API_KEYS: return continuation(details)` followed by a denial, as a gRPC interceptor does). The switch is a setting
    (`settings.x`, `app.config[...]`, an ALL-CAPS constant, `os.getenv(...)` or a variable assigned from it) or a
    credential-named value (a lookup key such as `issue_key` or `cache_key` names none), and the block it skips denies
    (raises, aborts, or answers 401/403). It also reports `if request.headers.get("X-API-Key") != API_KEY: abort(401)`
    where `API_KEY = os.getenv("API_KEY")` has no default: when the variable is unset, a request without the header
    compares `None != None`, which is false, and gets in (and `request.headers.get("X-Admin-Token") == ADMIN_TOKEN` is
    true, wherever it is tested); so does a variable read with an empty default (`os.environ.get("API_KEY", "")`)
    compared with a header read with the same (`request.headers.get("X-API-Key", "")`): both are `""`. The same holds
    for a FastAPI parameter that is None when the client omits it
    (`x_token: str = Header(None)`, `Header(default=None)`, `Annotated[str | None, Header()] = None`, also `Cookie` and
    `Query`, and `Security(api_key_header)` where `api_key_header = APIKeyHeader(name=..., auto_error=False)`). Not
    after a statement of the same function that leaves it when the setting is empty (`if not API_KEY: raise ...`, or
    `return await call_next(request)`, which is reported itself): the comparison then meets a set value.
    A setting's own validation is not reported: a check that reads only settings (`if PGCRYPTO and not
    PGCRYPTO_KEY: raise ValueError(...)`, a feature that needs its key) unless it refuses as access is refused
    (401/403), and a check that only names a longer setting beginning with the switch's name. Nor is an argument's
    validation: a value that describes a credential (`token_type`, `signature_algorithm`, `key_format`) checked
    against its allowed values, or a command line's `app.abort("message")` when a tool is too old: neither refuses a
    request.

    It reports a webhook's signature check that runs only when the request sends a signature (`signature =
    request.headers.get("X-Hub-Signature-256")`, then `if signature:` around the comparison and its denial), and a
    mode flag of the deployment (`if settings.stripe_test_mode:`, `if not SKIP_VERIFICATION:`, a flag named for a test,
    debug, sandbox or skip mode) whose branch parses the request without the signature check that the other branch
    makes (`stripe.Webhook.construct_event`, `hmac.compare_digest`, `verify_signature(...)`), or the signing secret's
    own setting as the switch (`if settings.stripe_webhook_secret: <verify> else: event = json.loads(payload)`, also
    `if not os.environ.get("WEBHOOK_SECRET"):`), whose unset branch parses the request unverified and denies
    nothing. It reports an `except`
    that catches the failure of such a check (a signature or verification error, or a broad one) and, denying
    nothing, makes the checked object again without it (`event = construct_event(...)`, then `except
    SignatureVerificationError: event = json.loads(payload)`): a forged event is handled as a signed one. And it
    reports a check of a credential or a signature that refuses access (`if not verify_signature(...): abort(401)`,
    `if token != settings.token: raise HTTPException(403)`) after a statement of the same block that already did the
    request's work, a call named for changing, sending or running something (`pull_and_deploy(branch)`,
    `relay_event.delay(event)`, `save_order(data)`): the refusal comes too late. Reading the body or logging first is
    no work.

    It reports a Socket.IO connect handler (`@socketio.on("connect")`, `@sio.event def connect`) whose check of the
    caller ends in a bare `return`: Socket.IO accepts the connection unless the handler returns `False`, raises
    `ConnectionRefusedError` or calls `disconnect()`.

    It reports a privilege read with a default of `True` (`claims.get("is_admin", True)`, `user.get("is_staff",
    True)`): a token or record that lacks the claim is taken as granted. Not a key that names whom an item is shown
    to (django-cms's `node.attr.get("visible_for_authenticated", True)`, `shown_to_staff`): a menu entry's audience,
    not the caller's privilege.

    It reports a decode that retries with the expiry check off when the token has expired (`except
    jwt.ExpiredSignatureError: payload = jwt.decode(token, KEY, algorithms=[...], options={"verify_exp":
    False})`, also `verify_expiration=False`): the check fails open, which is why it is here and not under
    VC202, whose concern is the signature.

    It also reports an `except` (bare, `Exception`, or a token or permission error) that swallows a failed check:
    the `try` refuses (raises, aborts, answers 401/403, or calls `verify_jwt_in_request()`), and the handler neither
    denies nor re-raises but hands the request on (`return view(*args, **kwargs)`, `return await
    call_next(request)`, `return self.get_response(request)`, or falls through to such a return), or, in a function
    named as a check (`check_token`, `is_authorized`, `verify_webhook`; there whatever the `except` catches, a
    verification service that is down too, but not a URL lookup's error alone, `except NoReverseMatch:`, which says
    the app's routes lack a name; not a parser's check named for the form of a text about no credential,
    h11's `is_next_line_obviously_invalid_request_line`), answers `True` (`False` in one named for the failing state it
    detects, or for a further check it demands: `is_api_key_revoked`, whose `return True` in `is_token_expired` or
    `is_reauthentication_required` refuses or asks for more; and so in a function that answers `return False` once
    the `try` passed: django-filer's `_check_move_perms` answers whether permissions are missing); or, in a guard that refuses
    only by raising and answers no value anywhere (a FastAPI dependency such as `def require_service_token(...) ->
    None`; a `raise` of 401/403 or of a refusal, not a server error's `HTTPException(500)` in a streaming loop), returns
    None or ends the function, so the request goes on as if the check had passed; or, after the
    `try`, hands back the parameter it was given (a role checker's `return user`, the caller a framework injected;
    not a flag typed or defaulted as a boolean, such as the `default: bool = False` a predicate falls back on).
    An `except` around any check that answers a made-up privileged caller (`return {"id": 0, "role": "admin"}`,
    `return User(is_admin=True)`) is reported too. A `try` that only identifies the caller (`request.state.user =
    None` on failure, or an anonymous guest record) leaves the decision to the routes and is not reported. A
    middleware that first lets public paths through (`if request.url.path in PUBLIC: return await
    call_next(request)`) and then decodes the token is a guard: an `except` there that hands the request on without
    recording an anonymous caller is reported too. A module that drives a browser (selenium, playwright) asks
    whether its own session logged in, which lets no one else in: its `try` blocks are not judged so.

    ## Why is this bad?
    The code fails open: the day the environment variable is missing, the list of keys is empty or a
    client simply leaves the header out, the check is skipped and every request is accepted, with nothing
    in the logs (CWE-636). A missing secret must stop the app from starting, or deny every request.

    ## Example
    ```python
    import os

    from fastapi import Header, HTTPException

    API_KEY = os.getenv("API_KEY")

    def verify_key(x_api_key: str = Header(default="")):
        if API_KEY and x_api_key != API_KEY:
            raise HTTPException(status_code=401)
    ```

    ## Use instead
    ```python
    import os
    import secrets

    from fastapi import Header, HTTPException

    API_KEY = os.environ["API_KEY"]

    def verify_key(x_api_key: str = Header(default="")):
        if not secrets.compare_digest(x_api_key, API_KEY):
            raise HTTPException(status_code=401)
    ```

    ## References
    - [CWE-636: Not Failing Securely ('Failing Open')](https://cwe.mitre.org/data/definitions/636.html)
    - [CWE-1188: Initialization of a Resource with an Insecure Default](https://cwe.mitre.org/data/definitions/1188.html)
    - [OWASP: Fail securely](https://owasp.org/www-project-developer-guide/draft/design/web_app_checklist/fail_securely/)
    """

    code = "VC216"
    name = "auth-fails-open"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (636,)
    applies_to_tests = False  # a guard in a test file is a fixture that no client reaches

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.configured: set[str] = set()  # variables assigned from a setting or the environment
        self.lenient_schemes: set[str] = set()  # `APIKeyHeader(..., auto_error=False)` instances: None for a missing key
        # variables read from the environment without a default (None when unset) or with an empty one (`""`): what
        # they hold when unset
        self.maybe_unset: dict[str, str] = {}
        # per function: variables read with `.get(name)` and no default (None) or an empty one (`""`), and parameters
        # the client may omit (None then): what they hold when the client sends nothing
        self.maybe_missing: list[dict[str, str]] = [{}]
        # per function: its own statements, and the settings an earlier one of them left the function for when they
        # are empty (`if not API_KEY: return ...`): the statements after it run only with the setting set
        self.own_statements: list[frozenset[int]] = [frozenset()]
        self.settled: list[set[str]] = [set()]
        # (comparison, setting): a comparison on the right of an `and` whose left tests the setting is set
        self.present_when: set[tuple[int, str]] = set()
        self.outer_params: list[set[str]] = []  # parameters of the enclosing functions: the view a decorator wraps
        # per enclosing scope, the `try` statements of a function's own blocks, each with the statement after it
        # (None for a class body, whose blocks belong to no function); collected as the walk meets the blocks
        self.tries: list[list[OwnTry] | None] = []

    def visit_Call(self, node: cst.Call) -> None:
        """`claims.get("is_admin", True)`: a missing privilege claim reads as granted."""
        func = node.func
        if type(func) is not cst.Attribute or func.attr.value != "get" or len(node.args) != 2:
            return
        default = node.args[1].value
        key = node.args[0].value
        if type(default) is not cst.Name or default.value != "True" or type(key) is not cst.SimpleString:
            return
        text = key.evaluated_value
        if isinstance(text, str) and _claims_privilege(name_words(text)):
            self.report(node, f"`{self.context.module.code_for_node(node)}` takes a missing `{text}` as granted, so a "
                        "token or record without it passes the check.",
                        hint=f"Default `{text}` to `False`, so that only a value that says so grants it.")

    def visit_Assign(self, node: cst.Assign) -> None:
        if len(node.targets) == 1 and type(node.targets[0].target) is cst.Name:
            name = node.targets[0].target.value
            if self._is_setting(node.value):
                self.configured.add(name)
            unset, missing = self._unset_env_read(node.value), _client_value_missing(node.value)
            if unset is not None:
                self.maybe_unset[name] = unset
            elif missing is not None:
                self.maybe_missing[-1][name] = missing
            if type(node.value) is cst.Call and self._lenient_scheme(node.value):
                self.lenient_schemes.add(name)

    def _lenient_scheme(self, call: cst.Call) -> bool:
        """`APIKeyHeader(name="X-API-Key", auto_error=False)`: a security scheme that gives None for a missing key."""
        return (self.qualified_name(call.func) or "").rpartition(".")[2] in LENIENT_SCHEMES and any(
            a.keyword is not None and a.keyword.value == "auto_error" and is_false(a.value) for a in call.args)

    def _unset_env_read(self, node: cst.BaseExpression) -> str | None:
        """`os.getenv("API_KEY")`, `os.environ.get("API_KEY", "")`: what it gives when the variable is unset (`None`,
        `""`), if it is such a read."""
        missing = _missing_value(node) if type(node) is cst.Call else None
        if missing is None:
            return None
        name = self.qualified_name(node.func) or full_name(node.func) or ""  # type: ignore[attr-defined]
        return missing if name in ("os.getenv", "os.environ.get") else None

    def _none_equals_none(self, test: cst.BaseExpression, operator: type[cst.BaseCompOp] = cst.NotEqual
                          ) -> tuple[str, str] | None:
        """(the setting, the value both hold) of `client_value != SETTING` (or `==`) when both may be None, or both
        `""` (an unset variable read with that default, a credential the client left out, read with the same):
        `None != None` is false, `None == None` true, and the check lets the request in."""
        if not (type(test) is cst.Comparison and len(test.comparisons) == 1
                and isinstance(test.comparisons[0].operator, operator)):
            return None
        sides = (test.left, test.comparisons[0].comparator)
        for setting, given in (sides, sides[::-1]):
            unset = self.maybe_unset.get(setting.value) if isinstance(setting, cst.Name) \
                else self._unset_env_read(setting)
            missing = self.maybe_missing[-1].get(given.value) if isinstance(given, cst.Name) \
                else _client_value_missing(given)
            if unset is not None and unset == missing:
                return _code(setting), unset
        return None

    def _none_when_omitted(self, param: cst.Param) -> bool:
        """`x: str = Header(None)`, `Header(default=None)`, `x: Annotated[str | None, Header()] = None`, and
        `key: str = Security(api_key_header)` where `api_key_header = APIKeyHeader(..., auto_error=False)`."""
        default = param.default
        annotation = param.annotation.annotation if param.annotation is not None else None
        sources = [default] if default is not None else []
        if type(annotation) is cst.Subscript:
            sources += [e.slice.value for e in annotation.slice if isinstance(e.slice, cst.Index)]
        if any(type(s) is cst.Call and self._lenient_dependency(s) for s in sources):
            return True
        if type(default) is cst.Call and self._client_source(default):
            return any(is_none(a.value) and (a.keyword.value == "default" if a.keyword is not None else index == 0)
                       for index, a in enumerate(default.args) if not a.star)
        if default is None or not is_none(default) or not isinstance(annotation, cst.Subscript):
            return False
        return any(isinstance(e.slice, cst.Index) and isinstance(e.slice.value, cst.Call)
                   and self._client_source(e.slice.value) for e in annotation.slice)

    def _lenient_dependency(self, call: cst.Call) -> bool:
        if (self.qualified_name(call.func) or "").rpartition(".")[2] not in ("Security", "Depends") or not call.args:
            return False
        target = call.args[0].value
        return (isinstance(target, cst.Name) and target.value in self.lenient_schemes) or (
            isinstance(target, cst.Call) and self._lenient_scheme(target))

    def _client_source(self, call: cst.Call) -> bool:
        return (self.qualified_name(call.func) or "") in CLIENT_PARAMETER_SOURCES

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        """`ADMIN_KEY and key == ADMIN_KEY`: the comparison on the right runs only when the setting is set."""
        if type(node.operator) is cst.And:
            tested = _tested_present(node.left)
            if tested is not None:
                self.present_when.update((id(inner), tested) for inner in walk_own(node.right)
                                         if type(inner) is cst.Comparison)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        """`return request.headers.get("X-Admin-Token") == ADMIN_TOKEN`: true for every request while it is unset."""
        found = self._none_equals_none(node, cst.Equal)
        unset, empty = found if found is not None else (None, "")
        # a credential (not `page == PAGE`), compared where the setting may still be unset
        if unset is not None and unset not in self.settled[-1] and (id(node), unset) not in self.present_when \
                and _credential_words(_code(node)):
            self.report(node, f"`{short_code(node)}` is true when `{unset}` is unset and the request carries no "
                        f"credential: both are {empty} then, and `{empty} == {empty}`.",
                        hint=f"Read `{unset}` with `os.environ[...]` (fail at start-up when it is unset) and treat a "
                        "missing credential as a failure: `bool(key) and secrets.compare_digest(key, SECRET)`.")

    def _is_setting(self, node: cst.BaseExpression) -> bool:
        if type(node) is cst.BooleanOperation:
            return self._is_setting(node.left)
        if type(node) is cst.Call:
            name = self.qualified_name(node.func) or full_name(node.func) or ""
            return name in ENV_CALLS or name.rpartition(".")[2] in ("getenv",) or self._is_setting(node.func)
        if type(node) is cst.Subscript:
            return self._is_setting(node.value)
        dotted = full_name(node)
        if dotted is None:
            return False
        root = dotted.rpartition(".")[0]
        return dotted in self.configured or bool(ALL_CAPS.match(dotted.rpartition(".")[2])) \
            or root in CONFIG_ROOTS or dotted.partition(".")[0] in ("settings", "config")

    def _is_switch(self, node: cst.BaseExpression) -> bool:
        """A value whose mere presence turns the check on: a setting, or a credential the client may omit."""
        if self._is_setting(node):
            return True
        dotted = full_name(node)
        return dotted is not None and bool(_credential_words(dotted.rpartition(".")[2]))

    def _against_setting(self, switch: cst.BaseExpression, check: cst.BaseExpression) -> bool:
        """A switch that is a setting, or a client credential compared with a setting (not with the user's data)."""
        if self._is_setting(switch):
            return True
        pending: list[cst.CSTNode] = [check]
        while pending:
            node = pending.pop()
            if isinstance(node, (cst.Name, cst.Attribute, cst.Subscript)) and self._is_setting(node):
                return True
            pending.extend(child_nodes(node))
        return False

    def _settings_only(self, check: cst.BaseExpression) -> bool:
        """The check reads settings and builtins only (`not PGVECTOR_PGCRYPTO_KEY`): no request, user or credential
        the client sends."""
        names = [n for n in _names(check) if n.value not in BUILTIN_NAMES]
        return bool(names) and all(self._is_setting(n) for n in names)

    def visit_If(self, node: cst.If) -> None:
        empty = _tested_empty(node.test)
        if empty is not None and id(node) in self.own_statements[-1] and _leaves(node.body):
            self.settled[-1].add(empty)
        found = self._none_equals_none(node.test)
        unset, empty = found if found is not None else (None, "")
        if unset is not None and unset not in self.settled[-1] and _denies(node.body):
            self.report(node, f"`if {short_code(node.test)}:` lets a request in when `{unset}` is unset: it is {empty} "
                        f"then, a request without the credential gives {empty} too, and `{empty} != {empty}` is false.",
                        hint=f"Read `{unset}` with `os.environ[...]` (fail at start-up when it is unset) and deny a "
                        "missing credential before comparing: `if not key or not secrets.compare_digest(key, SECRET):`.")
            return
        operands = _operands(node.test)
        for index, switch in enumerate(operands[:-1]):
            switch = _present(switch)
            if not self._is_switch(switch):  # (asked before its code is rendered: most operands are no switch)
                continue
            text = _code(switch)
            rest = operands[index + 1:]
            if any(_negative_check(r) and (_uses(_code(r), text) or _checked_by_helper(text, r))
                   and self._against_setting(switch, r) and _tests_something_else(r, text)
                   and _guards_access(text, r, node.body, settings_only=self._settings_only(r))
                   for r in rest) and _denies(node.body):
                self._report(node, text, f"if {short_code(node.test)}:")
                return
        if self._mode_skips_signature(node):
            return
        if len(operands) == 1 and node.orelse is None and self._signature_checked_if_sent(node):
            return
        if len(operands) == 1 and self._is_setting(node.test) and node.orelse is None:
            text = _code(node.test)
            inner = _first_if(node.body)
            if inner is not None and _negative_check(inner.test) and _uses(_code(node.body), text) \
                    and _tests_something_else(inner.test, text) and _denies(inner.body) \
                    and _guards_access(text, inner.test, inner.body, settings_only=self._settings_only(inner.test)):
                self._report(node, text, f"if {text}:")

    def _mode_skips_signature(self, node: cst.If) -> bool:
        """`if settings.stripe_test_mode: event = json.loads(payload) else: event = construct_event(...)`: a flag of
        the deployment that takes the branch without the signature check, which then accepts forged requests. So does
        the signing secret's own setting as the switch (`if settings.webhook_secret: <construct_event> else: event =
        json.loads(payload)`): the day the secret is unset, every forged event is parsed as a signed one."""
        test, negated = node.test, False
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            test, negated = test.expression, True
        dotted = full_name(test)
        if type(test) is cst.Call and test.args and self._is_setting(test):
            dotted = string_value(test.args[0].value)  # `os.environ.get("WEBHOOK_SECRET")`: the variable's name
        if dotted is None or not isinstance(node.orelse, cst.Else):
            return False
        last = dotted.rpartition(".")[2]
        on_secret = self._is_setting(test) and bool(_credential_words(last))
        if not on_secret and not MODE_WORDS & set(name_words(last)):
            return False
        checked, unchecked = (node.body, node.orelse.body) if negated is not on_secret else (node.orelse.body, node.body)
        if not _checks_a_signature(checked) or _checks_a_signature(unchecked) or _denies(unchecked):
            return False
        when = "the secret is unset" if on_secret else "the flag is set"
        self.report(node, f"`if {short_code(node.test)}:` takes a branch without the signature check, so wherever "
                    f"{when}, forged requests are accepted as the signed ones.",
                    hint="Verify the signature in every mode: test with the provider's test signing secret instead of "
                    "skipping the check" + (", and refuse to start (or deny every request) without the secret." if on_secret
                                            else "."))
        return True

    def _signature_checked_if_sent(self, node: cst.If) -> bool:
        """`if signature: <check it, deny on mismatch>` with no `else`: a request without the signature header skips
        the check and gets in."""
        test = _present(node.test)
        dotted = full_name(test)
        if dotted is None or not SIGNATURE_VALUE_WORDS & set(name_words(dotted.rpartition(".")[2])):
            return False
        if not _checks_a_signature(node.body) or not _denies(node.body):
            return False
        self.report(node, f"`if {short_code(node.test)}:` checks the signature only when the request sends one, so a "
                    "request without the header skips the check and is let in.",
                    hint="Deny a request whose signature header is missing, then compare it with "
                    "`hmac.compare_digest`.")
        return True

    def _check_socket_connect(self, node: cst.FunctionDef) -> None:
        """`@socketio.on("connect")` whose check of the caller ends in a bare `return`: the connection is accepted."""
        statements = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        for statement in statements:
            if type(statement) is cst.If and CALLER_WORDS & set(name_words(_code(statement.test))) \
                    and _accepts_anyway(statement.body):
                self.report(statement, f"`if {short_code(statement.test)}:` ends in a bare `return` in a Socket.IO "
                            "connect handler, which accepts the connection: only `return False`, `raise "
                            "ConnectionRefusedError(...)` or `disconnect()` refuses it.",
                            hint="Return `False` (or raise `ConnectionRefusedError`) when the caller is not signed in.")

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        if self.context.imports.imports_any(SOCKET_MODULES) and _is_connect_handler(node):
            self._check_socket_connect(node)
        params = node.params
        every = (*params.posonly_params, *params.params, *params.kwonly_params)
        self.outer_params.append({p.name.value for p in every})
        self.maybe_missing.append({p.name.value: "None" for p in every if self._none_when_omitted(p)})
        self.own_statements.append(frozenset(map(id, node.body.body)) if isinstance(node.body, cst.IndentedBlock)
                                   else frozenset())
        self.settled.append(set())
        self.tries.append([])

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.tries.append(None)

    def leave_ClassDef(self, original_node: cst.ClassDef) -> None:
        self.tries.pop()

    def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
        tries = self.tries[-1] if self.tries else None
        if tries is None:
            return
        statements = node.body
        for index, statement in enumerate(statements):
            if type(statement) is cst.Try:
                following = statements[index + 1] if index + 1 < len(statements) else None
                # `if path in PUBLIC: return await call_next(request)` first: what follows is meant to guard the rest
                exempts_first = any(isinstance(s, cst.If) and _allows(s.body) for s in statements[:index])
                tries.append(OwnTry(statement, following, exempts_first))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.outer_params.pop()
        self.maybe_missing.pop()
        self.own_statements.pop()
        self.settled.pop()
        tries = self.tries.pop()
        if not isinstance(node.body, cst.IndentedBlock):
            return
        self._check_skipped_when_unset(node.body)
        self._check_work_before_refusal(node.body)
        if tries and not self.context.imports.imports_any(BROWSER_DRIVERS):
            endpoint = bool(self.tries) and self.tries[-1] is None and node.name.value in ENDPOINT_METHODS
            self._check_swallowed_refusals(node, tries, endpoint=endpoint)
            self._check_expiry_retry(tries)
            self._check_unverified_fallback(tries)

    def _check_unverified_fallback(self, tries: list[OwnTry]) -> None:
        """`try: event = stripe.Webhook.construct_event(...)` then `except SignatureVerificationError: event =
        json.loads(payload)`: the object a failed signature check refused is made again without it, and used."""
        for own in tries:
            verified = _signature_checked_names(own.statement.body)
            if not verified:
                continue
            for handler in own.statement.handlers:
                if not _catches_auth_errors(handler) or _denies(handler.body):
                    continue
                remade = next((n for n in walk_own(handler.body) if type(n) is cst.Assign and n.targets
                               and type(n.targets[0].target) is cst.Name and n.targets[0].target.value in verified
                               and type(n.value) is cst.Call), None)
                if remade is not None:
                    name = remade.targets[0].target.value  # type: ignore[attr-defined]
                    self.report(handler, f"When the signature check fails, this `except` makes `{name}` again "
                                f"without it (`{short_code(remade.value)}`), so a forged request is handled as if it "
                                "were signed.",
                                hint="Answer 400 or 401 in the `except` block and handle only the object the "
                                "signature check returned.")
                    return

    def _check_work_before_refusal(self, body: cst.IndentedBlock) -> None:
        """`pull_and_deploy(branch)` then `if not verify_signature(...): abort(401)`: the check refuses a request whose
        work is already done."""
        work: cst.Call | None = None
        for statement in body.body:
            if type(statement) is cst.If and work is not None and _negative_check(statement.test) \
                    and _checks_credential(statement.test) and any(_refuses_access(n) for n in walk_own(statement.body)):
                self.report(statement, f"The check `if {short_code(statement.test)}:` refuses the request only after "
                            f"`{short_code(work)}` has run, so a forged or unauthorised request gets its work done "
                            "before the refusal.",
                            hint="Check the signature or credential first, before reading the payload for work, and "
                            "deny before anything changes.")
                return
            work = work or _work_call(statement)

    def _check_expiry_retry(self, tries: list[OwnTry]) -> None:
        """`except jwt.ExpiredSignatureError: payload = jwt.decode(..., options={"verify_exp": False})`: the token
        that failed the expiry check is accepted anyway, so a stolen token never expires."""
        for own in tries:
            for handler in own.statement.handlers:
                if not _catches_auth_errors(handler) or _ends_in_raise(handler.body):
                    continue
                retry = next((n for n in own_nodes_of(handler.body, cst.Call) if skips_expiry(n, self.qualified_name)),
                             None)
                if retry is not None:
                    caught = _code(handler.type) if handler.type is not None else ""
                    self.report(retry, f"`{short_code(retry)}` decodes again with the expiry check off after "
                                f"`except{' ' + caught if caught else ''}:`, so an expired token is still accepted.",
                                hint="Answer 401 when the token has expired and let the client refresh it through a "
                                "separate, verified refresh token.")
                    return

    def _check_swallowed_refusals(self, node: cst.FunctionDef, tries: list[OwnTry], *, endpoint: bool) -> None:
        """`try: <auth check> except Exception: pass` followed by the view, or an `except` that returns the view
        (or `True`): a check that fails lets the request in. An `endpoint` (a handler class's `get`) is no raising
        guard: ending it normally ends the request, and hands it on to nothing."""
        views = set().union(*self.outer_params) | NEXT_HANDLERS
        named_check = bool(CHECK_NAME.match(node.name.value)) and not _names_syntax_check(node.name.value)
        # `is_token_expired`: True is its refusal, False lets in
        admits, refusal = ("False", "True") if FAILED_STATE_WORDS & set(name_words(node.name.value)) else ("True", "False")
        for own in tries:
            statement, following = own.statement, own.following
            # `try: check(...) except PermissionDenied: return True` then `return False`: the function answers whether
            # the check failed (django-filer's `perms_needed = self._check_move_perms(...)`), so True is its refusal
            admitting, refusing = ("False", "True") if _answers_false(following) else (admits, refusal)
            checks: bool | None = None  # whether the `try` checks something: asked once a handler could let in
            # after a public-path exemption, a token that does not decode must stop the request
            decodes = own.exempts_first and any((self.qualified_name(n) or "") in DECODERS
                                                for n in own_nodes_of(statement.body, cst.Call))
            for handler in statement.handlers:
                # a check's own `except` lets in whatever it catches: a verification service that is down too
                if not (_catches_auth_errors(handler) or named_check) or _denies(handler.body, refusal=refusing) \
                        or _catches_only_routing_errors(handler):
                    continue
                if checks is None:
                    checks = _denies(statement.body, reraises=False, refusal=refusing) \
                        or _calls_any(statement.body, RAISING_CHECKS)
                if decodes and not any(isinstance(n, (cst.Assign, cst.AnnAssign)) for n in walk_own(handler.body)):
                    checks = True  # it does not record an anonymous caller for the routes to judge
                returns = list(own_returns(handler.body))
                if any(_grants_privilege(r) for r in returns):
                    checks = True  # whatever the `try` checked, its failure makes the caller an administrator
                lets_in = any(_lets_in(r, views, named_check, admitting) and not _tells_the_failure(r, handler)
                              for r in returns) or any(_grants_privilege(r) for r in returns) or (
                    not returns and following is not None and checks and (
                        _lets_in_statement(following, views) or _returns_parameter(following, node))) or (
                    not endpoint and _ends_normally(statement, returns, node) and _raising_guard(node, statement.body))
                if lets_in and (checks or named_check):
                    caught = _code(handler.type) if handler.type is not None else ""
                    self.report(handler, f"`except{' ' + caught if caught else ''}:` lets the request in when the "
                                "auth check in its `try` fails, so a missing or invalid credential gets through.",
                                hint="Deny in the `except` block (raise 401/403, `abort(401)` or `return False`) and "
                                "catch only the errors the check raises.")
                    return

    def _check_skipped_when_unset(self, body: cst.IndentedBlock) -> None:
        """`if not SECRET: return` (or `if SECRET is None:`; `return True`, `return await call_next(request)`) before a
        check of `SECRET`."""
        statements = list(body.body)
        for index, statement in enumerate(statements):
            if type(statement) is not cst.If or statement.orelse is not None:
                continue
            test = statement.test
            switch = _tested_unset(test)
            if switch is None or not self._is_setting(switch) or not _allows(statement.body):
                continue
            text = _code(switch)
            later = statements[index + 1:]
            if any(isinstance(s, cst.If) and _negative_check(s.test) and text in _code(s.test)
                   and _tests_something_else(s.test, text) and _denies(s.body) and _guards_access(text, s.test, s.body)
                   for s in _ifs(later)) or _lets_in_then_denies(later, text):
                self._report(statement, text, f"if {_code(test)}:")
                return

    def _report(self, node: cst.CSTNode, switch: str, spelled: str) -> None:
        self.report(node, f"`{spelled}` skips the auth check when `{switch}` is empty or missing, so every request "
                    "is let in.",
                    hint=f"Require `{switch}` (fail at start-up when it is unset) and deny the request when the "
                    "credential is missing or wrong.")


def _tested_unset(test: cst.BaseExpression) -> cst.BaseExpression | None:
    """The value `if not API_KEY:`, `if API_KEY is None:` or `if API_KEY == "":` tests for unset or empty."""
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        return test.expression
    if type(test) is cst.Comparison and len(test.comparisons) == 1:
        target = test.comparisons[0]
        if type(target.operator) is cst.Is and is_none(target.comparator) or type(target.operator) is cst.Equal \
                and (is_none(target.comparator) or string_value(target.comparator) == ""):
            return test.left
    return None


def _lets_in_then_denies(statements: list[cst.BaseStatement], switch: str) -> bool:
    """`if key in API_KEYS: return continuation(details)` followed by a denial (`return deny(UNAUTHENTICATED)`): the
    check of the switch, spelled the other way round, that an earlier `if not API_KEYS: return ...` skips."""
    for current, following in zip(statements, statements[1:], strict=False):
        if isinstance(current, cst.If) and current.orelse is None and not _negative_check(current.test) \
                and switch in _code(current.test) and _tests_something_else(current.test, switch) \
                and _allows(current.body) and _denies(following) and _guards_access(switch, current.test, following):
            return True
    return False


def _ends_normally(statement: cst.Try, returns: list[cst.Return], function: cst.FunctionDef) -> bool:
    """The `except` ends the function without a value: it returns None, or the `try` is the function's last statement."""
    if returns:
        return all(r.value is None or is_none(r.value) for r in returns)
    body = function.body.body if isinstance(function.body, cst.IndentedBlock) else ()
    return bool(body) and body[-1] is statement


def _raising_guard(function: cst.FunctionDef, checked: cst.BaseSuite) -> bool:
    """A guard that refuses only by raising (`raise HTTPException(403)` in the `try`) and answers no value anywhere, as
    a FastAPI dependency or a `before_request` hook does: returning normally lets the request on. A `raise
    HTTPException(500)` reports a failure of the server (litserve's streaming loop), which refuses no caller."""
    return any(type(n) is cst.Raise and n.exc is not None and CALLER_REFUSALS.search(_code(n.exc)) is not None
               for n in walk_own(checked)) \
        and all(r.value is None or is_none(r.value) for r in own_returns(function.body))


def _checks_a_signature(block: cst.BaseSuite) -> bool:
    """The block calls a signature check: `construct_event(...)`, `hmac.compare_digest(...)`, `verify_signature(...)`."""
    return any(type(n) is cst.Call and checks_signature(callee_tail(n.func) or "") for n in walk_own(block))


def _work_call(statement: cst.BaseStatement) -> cst.Call | None:
    """The call a simple statement runs for what it does (`pull_and_deploy(branch)`, `relay_event.delay(event)`,
    `order = fulfil_order(data)`): a callee named for changing, sending or running something."""
    if type(statement) is not cst.SimpleStatementLine:
        return None
    for small in statement.body:
        value = small.value if (type(small) is cst.Expr or type(small) is cst.Assign or type(small) is cst.AnnAssign) else None
        value = value.expression if type(value) is cst.Await else value
        if type(value) is cst.Call and WORK_VERBS.intersection(name_words(callee_tail(value.func) or "")):
            return value
    return None


def _checks_credential(test: cst.BaseExpression) -> bool:
    """The test names a credential (`signature`, `token`, `secret`) or calls a signature check (`verify_webhook`)."""
    return bool(_credential_words(_code(test))) or any(
        type(n) is cst.Call and checks_signature(callee_tail(n.func) or "") for n in walk_own(test))


def _signature_checked_names(block: cst.BaseSuite) -> set[str]:
    """Names the block binds to what a signature check returns (`event = stripe.Webhook.construct_event(...)`)."""
    return {n.targets[0].target.value for n in own_nodes_of(block, cst.Assign) if len(n.targets) == 1
            and type(n.targets[0].target) is cst.Name and type(n.value) is cst.Call
            and checks_signature(callee_tail(n.value.func) or "")}


def _ends_in_raise(body: cst.BaseSuite) -> bool:
    statements = body.body if isinstance(body, cst.IndentedBlock) else ()
    last = statements[-1] if statements else None
    return isinstance(last, cst.SimpleStatementLine) and any(isinstance(s, cst.Raise) for s in last.body)


def _answers_false(statement: cst.BaseStatement | None) -> bool:
    """`return False`: what a function says when the check in the `try` before it passed."""
    return isinstance(statement, cst.SimpleStatementLine) and type(statement.body[0]) is cst.Return \
        and is_false(statement.body[0].value)


# Errors of a URL lookup (Django's `reverse` and `resolve`, Flask's `url_for`, Starlette's `url_path_for`): the app's
# routes lack a name, which says nothing of the caller, so what the `except` answers is no verdict on a credential
# (django-axes' `try: admin_url = reverse("admin:index") except NoReverseMatch: return True` in `is_admin_site`).
ROUTING_ERRORS = frozenset({"NoReverseMatch", "Resolver404", "BuildError", "NoMatchFound"})


def _catches_only_routing_errors(handler: cst.ExceptHandler) -> bool:
    """`except NoReverseMatch:`, `except (BuildError, NoReverseMatch):`: a missing route, not a failed check."""
    return handler.type is not None and all(name in ROUTING_ERRORS for name in _caught_names(handler.type))


def _caught_names(caught: cst.BaseExpression) -> list[str]:
    """`(jwt.InvalidTokenError, KeyError)` -> `["InvalidTokenError", "KeyError"]`."""
    types = [e.value for e in caught.elements] if isinstance(caught, cst.Tuple) else [caught]
    return [(full_name(t) or "").rpartition(".")[2] for t in types]


def _catches_auth_errors(handler: cst.ExceptHandler) -> bool:
    """`except:`, `except Exception:`, `except jwt.InvalidTokenError:`, `except (JWTError, KeyError):`."""
    if handler.type is None:
        return True
    return any(n in BROAD_EXCEPTIONS or set(name_words(n)) & AUTH_ERROR_WORDS for n in _caught_names(handler.type))


def _calls_any(node: cst.CSTNode, names: frozenset[str]) -> bool:
    return any((full_name(n.func) or "").rpartition(".")[2] in names for n in own_nodes_of(node, cst.Call))


def _names_syntax_check(name: str) -> bool:
    """`is_next_line_obviously_invalid_request_line`: named for the form of a text (`SYNTAX_WORDS`), about no credential."""
    words = name_words(name)
    return bool(words) and words[-1] in SYNTAX_WORDS and CREDENTIAL_SUBJECT_WORDS.isdisjoint(words)


def _lets_in(node: cst.Return, views: set[str], named_check: bool, admits: str = "True") -> bool:
    """`return True` (`admits`, in a function named as a check), `return view(*args)`, `return await call_next(request)`."""
    value = node.value.expression if isinstance(node.value, cst.Await) else node.value
    if isinstance(value, cst.Name) and value.value == admits:
        return named_check
    if not isinstance(value, cst.Call):
        return False
    func = value.func
    return (isinstance(func, cst.Name) and func.value in views) or (
        isinstance(func, cst.Attribute) and func.attr.value in NEXT_HANDLERS and full_name(func.value) == "self")


def _claims_privilege(words: list[str]) -> bool:
    """`is_admin`, `authenticated`: a key that says the caller holds a privilege; not one naming an item's audience
    (`visible_for_authenticated`)."""
    return any(word in PRIVILEGE_KEY_WORDS and (index == 0 or words[index - 1] not in AUDIENCE_WORDS)
               for index, word in enumerate(words))


def _grants_privilege(node: cst.Return) -> bool:
    """`return {"id": 0, "role": "admin"}`, `return User(is_admin=True)`: a record of a privileged caller, made up."""
    value = node.value
    if type(value) is cst.Dict:
        fields = [(string_value(e.key), e.value) for e in value.elements if type(e) is cst.DictElement]
    elif type(value) is cst.Call:
        fields = [(arg.keyword.value, arg.value) for arg in value.args if arg.keyword is not None]
    else:
        return False
    return any(key is not None and _grants(key, granted) for key, granted in fields)


def _grants(key: str, value: cst.BaseExpression) -> bool:
    """`"role": "admin"`, `is_admin=True`, `"roles": ["admin"]`: a field that names a privilege and holds it."""
    words = set(name_words(key))
    if type(value) is cst.Name:
        return value.value == "True" and bool(words & PRIVILEGE_KEY_WORDS)
    texts = [string_value(e.value) for e in value.elements] if isinstance(value, (cst.List, cst.Tuple, cst.Set)) \
        else [string_value(value)]
    return bool(words & ROLE_KEY_WORDS) and any(set(name_words(text or "")) & PRIVILEGE_KEY_WORDS for text in texts)


def _tells_the_failure(node: cst.Return, handler: cst.ExceptHandler) -> bool:
    """`return f(info, None, errors=Messages.exception(e))`: the view is handed the caught error, so it knows the check
    failed and answers with it (a GraphQL mutation's `errors` field), rather than going on as if it had passed."""
    if handler.name is None or not isinstance(handler.name.name, cst.Name) or node.value is None:
        return False
    caught = handler.name.name.value
    return any(type(n) is cst.Name and n.value == caught for n in walk_own(node.value))


def _lets_in_statement(statement: cst.BaseStatement, views: set[str]) -> bool:
    """The statement after a `try` hands the request on: `return view(*args, **kwargs)`."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    return any(isinstance(s, cst.Return) and _lets_in(s, views, named_check=False) for s in statement.body)


def _returns_parameter(statement: cst.BaseStatement, function: cst.FunctionDef) -> bool:
    """The statement after a `try` hands back what the check was given (`return driver` in a role checker that a
    framework injected the caller into): the caller goes on as if the check in the `try` had passed. A flag handed in
    as the answer to fall back on (`default: bool = False` of click's `_is_binary_writer`) is no caller."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    params = function.params
    names = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)
             if not _is_flag(p)} - {"self", "cls"}
    return any(isinstance(s, cst.Return) and isinstance(s.value, cst.Name) and s.value.value in names
               for s in statement.body)


def _is_flag(param: cst.Param) -> bool:
    """`default: bool = False`, `strict=True`: a parameter typed or defaulted as a boolean."""
    annotation = param.annotation.annotation if param.annotation is not None else None
    default = param.default
    return (type(default) is cst.Name and default.value in {"True", "False"}) or (
        type(annotation) is cst.Name and annotation.value == "bool")


def _missing_value(call: cst.Call) -> str | None:
    """What the call gives for a missing name: `None` for one argument or a second one that is `None`, `""` for an
    empty string default; None for any other default."""
    if len(call.args) == 1 and call.args[0].keyword is None and not call.args[0].star:
        return "None"
    if len(call.args) != 2:
        return None
    default = call.args[1].value
    if isinstance(default, cst.Name) and default.value == "None":
        return "None"
    return '""' if string_value(default) == "" else None


def _client_value_missing(node: cst.BaseExpression) -> str | None:
    """`request.headers.get("X-API-Key")` (None), `.get("X-API-Key", "")` (`""`): what it gives when the client
    leaves the value out."""
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get":
        return _missing_value(node)
    return None


def _first_if(body: cst.BaseSuite) -> cst.If | None:
    statements = body.body if isinstance(body, cst.IndentedBlock) else ()
    return next((s for s in statements if isinstance(s, cst.If)), None)


def _ifs(statements: list[cst.BaseStatement]) -> list[cst.If]:
    found = []
    pending: list[cst.CSTNode] = list(statements)
    while pending:
        node = pending.pop()
        if isinstance(node, cst.If):
            found.append(node)
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            continue
        pending.extend(child_nodes(node))
    return found


def _allows(body: cst.BaseSuite) -> bool:
    """A block that lets the request through: `return`, `return True`, `return await call_next(request)`, `pass`."""
    statements = body.body if isinstance(body, cst.IndentedBlock) else [body]
    if _denies(body):
        return False
    pending: list[cst.CSTNode] = list(statements)
    while pending:
        node = pending.pop()
        if isinstance(node, (cst.Return, cst.Pass)):
            return True
        pending.extend(child_nodes(node))
    return False
