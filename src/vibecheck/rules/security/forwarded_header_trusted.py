"""VC419: a forwarding header the client sets decides access, keys a rate limit or names the host of a link."""

from __future__ import annotations

import re
from typing import Any

import libcst as cst

from vibecheck.analysis.flow import (
    CLEAN,
    SUMMARISED_KINDS,
    FlowRule,
    FlowState,
    Taint,
    call_argument,
    dotted_name,
    iter_expressions,
    scan_roots,
    short_code,
    string_value,
    walked_statements,
    walked_text,
)
from vibecheck.analysis.summary_keys import VERDICT
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rules.security._forwarded_host import links_on_forwarded_host

# Headers a client can set itself, unless a proxy you run overwrites them (lower case, `-` for `_`).
FORWARDED_HEADERS = frozenset({"x-forwarded-for", "x-real-ip", "x-client-ip", "true-client-ip", "forwarded",
                               "x-cluster-client-ip", "x-original-forwarded-for", "client-ip"})
# What the name of each of those headers holds, as a function's lower-cased words spell it (`walked_text`), and
# werkzeug's `access_route`: a function whose words hold none reads no forwarding header (but in a lambda).
FORWARDED_MARKERS = ("forwarded", "real-ip", "real_ip", "client-ip", "client_ip", "access_route")
# Where a request object keeps its headers: Flask/Starlette `headers`, Django `META`/`headers`, WSGI `environ`.
HEADER_MAPS = frozenset({"headers", "META", "environ"})
HEADER_READERS = frozenset({"get", "getlist", "get_all", "getall", "getone"})
# Werkzeug's list of addresses from `X-Forwarded-For`: its first item is whatever the client sent.
FORWARDED_ATTRIBUTES = frozenset({"access_route"})
# Calls that hand on the address they are given.
ADDRESS_CALLS = frozenset({"ipaddress.ip_address", "ipaddress.IPv4Address", "ipaddress.IPv6Address",
                           "ipaddress.ip_network", "ipaddress.ip_interface"})
# What an address is compared against when the comparison is an access rule: `ALLOWED_IPS`, `admin_networks`.
ADDRESS_LIST_WORDS = lazy_pattern(r"ip|addr|allow|white|trust|block|black|deny|ban|admin|internal|network|subnet|cidr|"
                                  r"office|vpn|proxy", re.IGNORECASE)
IP_LITERAL = lazy_pattern(r"^(\d{1,3}\.){1,3}\d{0,3}(/\d+)?$|^[0-9a-f:]+::|^::1$|^localhost$", re.IGNORECASE)
RATE_LIMIT_KEYWORDS = frozenset({"key_func", "key", "identifier"})
# Of those, the keyword that may name a function of the module (`key_func=client_ip`), joined in `leave_Module`.
KEY_FUNC = "key_func"
# A store a hand-rolled limiter keys on the address: `_attempts[ip]`, `failed_logins[ip]`, `self.buckets[ip]`.
RATE_STORE_WORDS = lazy_pattern(r"attempt|hits|rate|limit|throttl|fail|bucket|window|lockout|banned", re.IGNORECASE)
# The comparisons that allow or refuse an address: `==`, `!=`, `in`, `not in`.
DECIDING_OPERATORS = frozenset({cst.In, cst.NotIn, cst.Equal, cst.NotEqual})
ACCESS_CWE = (348, 290)
LINK_CWE = (640, 348)
RATE_CWE = (348, 307)
HINT = ("Use the address the server saw (`request.remote_addr` behind werkzeug's `ProxyFix(x_for=1)`, uvicorn's "
        "`--forwarded-allow-ips`), or the right-most `X-Forwarded-For` entry added by your own proxy.")


def _header_name(node: cst.BaseExpression | None) -> str | None:
    text = string_value(node)
    if text is None:
        return None
    name = text.lower().replace("_", "-")
    return name[len("http-"):] if name.startswith("http-") else name


def _is_negative_index(node: cst.Subscript) -> bool:
    """`parts[-1]`, `parts[-count]`: counted from the right, the entries your own proxies appended."""
    index = node.slice[0].slice if len(node.slice) == 1 else None
    return type(index) is cst.Index and type(index.value) is cst.UnaryOperation \
        and type(index.value.operator) is cst.Minus


def forwarded_source(node: cst.BaseExpression, state: FlowState) -> Taint | None:
    """`request.headers.get("X-Forwarded-For")`, `request.META["HTTP_X_REAL_IP"]`, `request.access_route`."""
    if type(node) is cst.Subscript:  # exact types here and in `check`: `isinstance` on libcst's classes goes through ABCMeta
        if _is_negative_index(node):
            return CLEAN
        base = node.value
        if type(base) is cst.Attribute and base.attr.value in HEADER_MAPS and state.is_request_object(base.value) \
                and type(node.slice[0].slice) is cst.Index \
                and _header_name(node.slice[0].slice.value) in FORWARDED_HEADERS:
            return Taint("xff", string_value(node.slice[0].slice.value) or short_code(node))
        return None
    if type(node) is cst.Attribute and node.attr.value in FORWARDED_ATTRIBUTES and state.is_request_object(node.value):
        return Taint("xff", short_code(node))
    return _forwarded_call(node, state) if type(node) is cst.Call else None


def _forwarded_call(node: cst.Call, state: FlowState) -> Taint | None:
    """`request.headers.get("X-Forwarded-For")` and the address helpers; `reversed(...)` of the header is clean."""
    func = node.func
    if type(func) is cst.Name and func.value == "reversed" and node.args \
            and (taint := state.taint_of(node.args[0].value)) is not None and taint.kind == "xff":
        return CLEAN  # the entries from the right: the walk that skips your own proxies to the first hop they saw
    if isinstance(func, cst.Attribute) and func.attr.value in HEADER_READERS and isinstance(func.value, cst.Attribute) \
            and func.value.attr.value in HEADER_MAPS and state.is_request_object(func.value.value) \
            and _header_name(call_argument(node, 0, "key")) in FORWARDED_HEADERS:
        return Taint("xff", string_value(call_argument(node, 0, "key")) or short_code(node))
    if state.qualified_name(node) in ADDRESS_CALLS and node.args:
        return state.taint_of(node.args[0].value)
    return None


def _looks_like_address_rule(node: cst.BaseExpression) -> bool:
    """`ALLOWED_IPS`, `settings.ADMIN_NETWORKS`, `"10.0.0.1"`, `("127.0.0.1", "::1")`, `ip_network(...)`."""
    for inner in iter_expressions(node):
        text = string_value(inner) if isinstance(inner, (cst.SimpleString, cst.ConcatenatedString)) else None
        if text is not None and IP_LITERAL.match(text.strip()):
            return True
        if isinstance(inner, cst.Name) and ADDRESS_LIST_WORDS.search(inner.value):
            return True
        if isinstance(inner, cst.Attribute) and ADDRESS_LIST_WORDS.search(inner.attr.value):
            return True
    return False


def _verdicts(statement: cst.CSTNode) -> set[int]:
    """The comparisons whose truth a statement gives back as its function's answer (`return ip in ADMIN_IPS`,
    `if ip in LOCAL_IPS: return True`): a predicate's verdict, which decides only where a caller acts on it."""
    if type(statement) is cst.Return and statement.value is not None:
        stack: list[cst.BaseExpression] = [statement.value]
    elif type(statement) is cst.If and _returns_a_bool(statement.body):
        stack = [statement.test]
    else:
        return set()
    found: set[int] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, cst.BooleanOperation):
            stack += [node.left, node.right]
        elif isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            stack.append(node.expression)
        elif isinstance(node, cst.Comparison):
            found.add(id(node))
    return found


def _returns_a_bool(body: cst.BaseSuite) -> bool:
    """A block that only answers `True` or `False`."""
    statements = list(body.body) if isinstance(body, cst.SimpleStatementSuite) else [
        small for line in body.body for small in (line.body if isinstance(line, cst.SimpleStatementLine) else [line])]
    return len(statements) == 1 and isinstance(statements[0], cst.Return) \
        and isinstance(statements[0].value, cst.Name) and statements[0].value.value in ("True", "False")


def _tests_affix(call: cst.Call) -> bool:
    """`value.startswith(...)`, `value.endswith(...)` with an argument."""
    func = call.func
    return type(func) is cst.Attribute and func.attr.value in ("startswith", "endswith") and bool(call.args)


def _may_decide(node: cst.CSTNode) -> bool:
    """Whether `check` may find a value deciding something here that is no forwarding header read in the function: a
    lambda's body, an equality or membership test with an address rule, the key of a limiter's store."""
    kind = type(node)
    if kind is cst.Lambda:
        return True
    if kind is cst.Comparison:
        comparison: cst.Comparison = node  # type: ignore[assignment]
        return any(type(c.operator) in DECIDING_OPERATORS for c in comparison.comparisons) and any(
            _looks_like_address_rule(operand) for operand in (comparison.left, *(c.comparator for c in comparison.comparisons)))
    if kind is cst.Subscript:
        subscript: cst.Subscript = node  # type: ignore[assignment]
        return bool(RATE_STORE_WORDS.search((dotted_name(subscript.value) or "").rpartition(".")[2]))
    return False


def _is_punctuation(node: cst.BaseExpression) -> bool:
    """`"."`, `":"`, `"["`: a literal with no letter or digit, which names a form of address, not an address."""
    text = string_value(node) if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)) else None
    return bool(text) and not any(character.isalnum() for character in text or "")


def _tests_form(node: cst.Comparison) -> bool:
    """`"." in addr and ":" in addr`, `"[" in addr`: whether the address is IPv4 with a port or IPv6, to strip the port
    off; no address is allowed or refused by it."""
    return len(node.comparisons) == 1 and isinstance(node.comparisons[0].operator, (cst.In, cst.NotIn)) \
        and _is_punctuation(node.left)


def _is_empty(node: cst.BaseExpression) -> bool:
    return (isinstance(node, cst.Name) and node.value == "None") or string_value(node) == ""


class ForwardedHeaderTrusted(FlowRule):
    """The client's IP address is taken from `X-Forwarded-For` or `X-Real-IP` and decides access or keys a rate limit.

    ## What it does
    Follows the value of a forwarding header (`X-Forwarded-For`, `X-Real-IP`, `X-Client-IP`,
    `True-Client-IP`, `Forwarded`) read from a request (`request.headers.get(...)`,
    `request.headers[...]`, Django's `request.META["HTTP_X_FORWARDED_FOR"]`, WSGI `environ`,
    werkzeug's `request.access_route`), through `split(",")[0]`, `strip()`, `ipaddress.ip_address()`
    and assignments, and reports it where it decides something: compared with `==`/`in` (an allow-list,
    a block-list, `ip_address(ip) in ADMIN_NETWORK`), tested with `startswith("10.")`, or returned by a
    function used as a rate limiter's `key_func` (Flask-Limiter, slowapi; also a `lambda`), or used as the key of
    a hand-rolled limiter's store (`_attempts[ip]`, `failed_logins[ip]`, `self.buckets[ip]`). An entry counted from
    the right (`split(",")[-1]`, `[-num_proxies]`, or walked from the right with `reversed()` past your trusted
    proxies) is what your own proxy appended, and is not reported; nor is a test of the address's form against a literal
    with no letter or digit (`"." in addr and ":" in addr`, `addr.startswith("[")`: IPv4 with a port or IPv6, to strip
    the port), which allows and refuses no address (`addr.startswith("10.")` still fires).
    It records its summaries too, so that VC417 reports
    a `get_client_ip()` helper that reads the header in one function and an allow-list check on its result in another;
    a predicate that answers whether its argument is in a list (`return ip in ADMIN_IPS`, `if ip in LOCAL_IPS: return
    True`) is reported where a caller acts on its answer (`if not is_admin(ip): abort(403)`), not where the caller
    only hands the answer on (`scope.set_attribute("is_local", is_local(ip))`).

    It also reports a link built on the host the client names in `X-Forwarded-Host` (or `X-Original-Host`, `X-Host`,
    Django's `request.META["HTTP_X_FORWARDED_HOST"]`): the header's value, a name bound to it (also as the first
    choice of an `or`, `request.headers.get("X-Forwarded-Host") or request.get_host()`), right after the scheme of an
    f-string or a concatenation (`f"https://{host}/reset/{token}"`), as password-reset links are poisoned.

    ## Why is this bad?
    The client sends these headers itself. Unless a proxy you run replaces them, `X-Forwarded-For:
    127.0.0.1` passes an "internal only" check, and a new made-up address on every request escapes a
    per-IP rate limit on a login form (brute force). Agents read the header because it "works behind
    the load balancer" and take its first entry, the one the client wrote.

    ## Example
    ```python
    from flask import Flask, abort, request

    app = Flask(__name__)
    ADMIN_IPS = {"10.0.0.5"}

    @app.before_request
    def admin_only_from_office():
        client_ip = request.headers.get("X-Forwarded-For", request.remote_addr).split(",")[0].strip()
        if request.path.startswith("/admin") and client_ip not in ADMIN_IPS:
            abort(403)
    ```

    ## Use instead
    ```python
    from flask import Flask, abort, request
    from werkzeug.middleware.proxy_fix import ProxyFix

    app = Flask(__name__)
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)
    ADMIN_IPS = {"10.0.0.5"}

    @app.before_request
    def admin_only_from_office():
        if request.path.startswith("/admin") and request.remote_addr not in ADMIN_IPS:
            abort(403)
    ```

    ## References
    - [CWE-348: Use of Less Trusted Source](https://cwe.mitre.org/data/definitions/348.html)
    - [CWE-290: Authentication Bypass by Spoofing](https://cwe.mitre.org/data/definitions/290.html)
    - [MDN: X-Forwarded-For, security and privacy concerns](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Forwarded-For#security_and_privacy_concerns)
    - [Werkzeug: ProxyFix](https://werkzeug.palletsprojects.com/en/stable/middleware/proxy_fix/)
    """

    code = "VC419"
    applies_to_tests = False  # a handler in a test file is a fixture that no client reaches
    name = "forwarded-header-trusted"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.MEDIUM
    cwe = (348, 290, 307, 640)
    file_hints = ("forwarded", "real_ip", "real-ip", "client_ip", "client-ip", "access_route", "original-host", "x-host")
    summarises = True
    untrusted_kinds = frozenset({"xff"})

    def __init__(self, context: Any, options: Any = None) -> None:
        super().__init__(context, options)
        self._function: list[str] = []
        self._forwarding_functions: dict[str, cst.CSTNode] = {}
        self._key_funcs: list[cst.Name] = []

    def new_state(self) -> FlowState:
        return FlowState(self.context.imports, forwarded_source, checks_clear=False, comparisons_propagate=False)

    def start_function(self, function: cst.FunctionDef, state: FlowState) -> None:
        self._function.append(function.name.value)  # taken off by `leave_FunctionDef`
        super().start_function(function, state)
        for link in links_on_forwarded_host(function):
            self.report(link, "A link is built on the host the client names in `X-Forwarded-Host`: a password-reset or "
                        "sign-in link mailed from here points at the attacker's server when the attacker asks for it, and "
                        "its token goes there.", hint="Build links from a configured base URL (`settings.PUBLIC_URL`), or "
                        "from the host the framework checks against its allowed hosts (`request.get_host()`).",
                        cwe=LINK_CWE, severity=Severity.MEDIUM)

    def leave_FunctionDef(self, original_node: cst.FunctionDef) -> None:
        super().leave_FunctionDef(original_node)
        self._function.pop()

    def searches(self, function: cst.FunctionDef) -> bool:
        """Where the function may read a forwarding header (its words name one, or it holds a lambda, whose body
        `_check_call` reads), or compares a value with an address rule or keys a limiter's store with one: where
        `check` can report or record."""
        text = walked_text(function)
        if text is None or any(marker in text for marker in FORWARDED_MARKERS):
            return True
        return any(_may_decide(inner) for statement in walked_statements(function) or ()
                   for root in scan_roots(statement) for inner in iter_expressions(root))

    def check(self, node: cst.CSTNode, state: FlowState) -> None:
        self.note(node, state)
        verdicts = _verdicts(node)
        for root in scan_roots(node):
            for inner in iter_expressions(root):
                if type(inner) is cst.Comparison:
                    self._check_comparison(inner, state, id(inner) in verdicts)
                elif type(inner) is cst.Call:
                    self._check_call(inner, state)
                elif type(inner) is cst.Subscript:
                    self._check_store_key(inner, state)

    def note(self, node: cst.CSTNode, state: FlowState) -> None:
        """What `leave_Module` joins: the functions returning the header's value, and the limiters' `key_func=`."""
        if type(node) is cst.Return and node.value is not None and self._function:
            taint = state.taint_of(node.value)
            if taint is not None and taint.kind == "xff":
                self._forwarding_functions.setdefault(self._function[-1], node.value)
        for root in scan_roots(node):
            for inner in iter_expressions(root):
                if type(inner) is cst.Call and not _tests_affix(inner):
                    self._key_funcs.extend(arg.value for arg in inner.args if arg.keyword is not None
                                           and arg.keyword.value == KEY_FUNC and type(arg.value) is cst.Name)

    def _check_store_key(self, node: cst.Subscript, state: FlowState) -> None:
        """`_attempts[ip]` in a hand-rolled limiter: the address keys the count of a login or request limit."""
        store = (dotted_name(node.value) or "").rpartition(".")[2]
        index = node.slice[0].slice
        if not RATE_STORE_WORDS.search(store) or len(node.slice) != 1 or not isinstance(index, cst.Index):
            return
        taint = state.taint_of(index.value)
        if taint is not None and taint.kind == "xff":
            self._report_rate_limit(node, taint.origin)
        elif taint is not None and taint.kind in SUMMARISED_KINDS:
            with self.recording(taint, state) as placeholder:
                self._report_rate_limit(node, placeholder.origin)

    def _check_comparison(self, node: cst.Comparison, state: FlowState, verdict: bool) -> None:
        operands = [node.left, *(c.comparator for c in node.comparisons)]
        if not any(isinstance(c.operator, (cst.In, cst.NotIn, cst.Equal, cst.NotEqual)) for c in node.comparisons) \
                or _tests_form(node):
            return
        for operand in operands:
            taint = state.taint_of(operand)
            if taint is None:
                continue
            others = [o for o in operands if o is not operand]
            if any(_is_empty(o) for o in others):
                return
            if taint.kind == "xff":
                self._report_access(node, taint)
            elif taint.kind in SUMMARISED_KINDS and any(_looks_like_address_rule(o) for o in others):
                with self.recording(taint, state, VERDICT if verdict else "") as placeholder:
                    self._report_access(node, placeholder)
            return

    def _check_call(self, node: cst.Call, state: FlowState) -> None:
        """`ip.startswith("10.")`, and a limiter keyed by a lambda (`key_func=lambda: ...`); `note` keeps the named
        key functions."""
        func = node.func
        if _tests_affix(node):
            if all(_is_punctuation(arg.value) for arg in node.args):  # `addr.startswith("[")`: an IPv6 form
                return
            taint = state.taint_of(func.value)  # type: ignore[attr-defined]  # (an `Attribute`: `_tests_affix`)
            if taint is not None and taint.kind == "xff":
                self._report_access(node, taint)
            return
        for arg in node.args:
            if arg.keyword is not None and arg.keyword.value in RATE_LIMIT_KEYWORDS and isinstance(arg.value, cst.Lambda):
                taint = state.taint_of(arg.value.body)
                if taint is not None and taint.kind == "xff":
                    self._report_rate_limit(arg.value, taint.origin)

    def leave_Module(self, original_node: cst.Module) -> None:
        for name in self._key_funcs:
            returned = self._forwarding_functions.get(name.value)
            if returned is not None:
                self._report_rate_limit(name, f"{name.value}()")

    def _report_access(self, node: cst.CSTNode, taint: Taint) -> None:
        self.report(node, f"An address from `{taint.origin}` decides access here, but the client can send any value in "
                    "that header.", hint=HINT, cwe=ACCESS_CWE)

    def _report_rate_limit(self, node: cst.CSTNode, origin: str) -> None:
        self.report(node, f"The rate limit is keyed on `{origin}`, a forwarding header the client sets, so a new value "
                    "per request escapes the limit.", hint=HINT, cwe=RATE_CWE, severity=Severity.MEDIUM)
