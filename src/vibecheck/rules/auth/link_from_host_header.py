"""VC234: a reset, verification, invitation or sign-in link built on the request's Host header and e-mailed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import libcst as cst

from vibecheck.cst_fields import NESTED_SCOPE_TYPES, child_nodes, own_nodes, walk_own
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import argument, is_true, target_name
from vibecheck.rules.auth.host_pins import (
    DJANGO,
    DJANGO_CHECKED,
    DJANGO_SITE,
    FLASK,
    HOST_PINS_FACT,
    STARLETTE,
    assigned_pins,
    called_pins,
    opened,
    pinned,
    site_from_host,
)
from vibecheck.rules.auth.mail_calls import LINK_WORDS, sends_mail
from vibecheck.rules.auth.names import words

HOST_PINNED = "host-pinned"
# Attributes of a request that hold the host the client named, and the framework that reads them so.
HOST_ATTRIBUTES = {"host_url": FLASK, "url_root": FLASK, "root_url": FLASK, "host": None, "base_url": None}
# Methods of a request that build on the host: Django's `get_host()`, `build_absolute_uri()`, Starlette's `url_for()`.
# Django's two check the host against `ALLOWED_HOSTS` themselves, which admits only `localhost` when it is unset.
HOST_METHODS = {"get_host": DJANGO_CHECKED, "build_absolute_uri": DJANGO_CHECKED, "url_for": STARLETTE}
# Django's sites framework: the site of a request (`get_current_site(request).domain`), also as `CurrentSiteMiddleware`
# sets it (`request.site.domain`).
CURRENT_SITE_FUNCTIONS = frozenset({"django.contrib.sites.shortcuts.get_current_site",
                                    "django.contrib.sites.models.get_current_site"})
SITE_ATTRIBUTE = "site"
# Parts of `request.url` that are the host (Starlette, aiohttp): `request.url.netloc`.
URL_HOST_PARTS = frozenset({"netloc", "hostname", "host"})
HEADER_MAPS = frozenset({"headers", "META", "environ"})
HOST_HEADER_NAMES = frozenset({"host", "http_host"})
REQUEST_NAMES = frozenset({"request", "req"})
FLASK_URL_FOR = frozenset({"flask.url_for", "quart.url_for", "flask.helpers.url_for"})
RETURNED_LINK_WORDS = frozenset({"link", "url", "uri"})
# What makes a signal (blinker's `signal("name")`, `Namespace().signal(...)`, Django's `Signal()`), and how one is sent.
SIGNAL_FACTORIES = frozenset({"signal", "Signal"})
SIGNAL_SENDS = frozenset({"send", "send_robust", "send_async"})
# Methods whose answer about the host is a truth value or a position, not the host (`host.startswith("localhost")`).
TESTING_METHODS = frozenset({"startswith", "endswith", "count", "find", "index", "isdigit", "isascii"})
# What `_bindings` reads a name and its value from.
BINDING_TYPES = frozenset({cst.Assign, cst.AnnAssign, cst.AugAssign})
HINT = ("Build the link on a base URL from your settings (`settings.SITE_URL`, `FRONTEND_URL` from the environment), "
        "or pin the host the app answers for (`ALLOWED_HOSTS`, `SERVER_NAME`, `TrustedHostMiddleware`).")


class LinkFromHostHeader(Rule):
    """A reset, verification, invitation or sign-in link is built on the Host header and sent by e-mail.

    ## What it does
    Follows the host a request names into a link that the same function e-mails (`send_mail`, `mail.send(Message(...))`,
    `user.email_user`, a helper or task named for sending it such as `send_reset_email.delay(...)`) or returns from a
    function named for such a link (`build_reset_link`): Flask's `request.host_url`, `url_root`, `host` and
    `url_for(..., _external=True)`, Starlette's and FastAPI's `request.base_url`, `request.url_for(...)` and
    `request.url.netloc`, aiohttp's `request.host`, the `Host` header itself (`request.headers["host"]`,
    `request.META["HTTP_HOST"]`), and Django's `request.get_host()` and `build_absolute_uri()` where a file of the
    project lets every host in (`ALLOWED_HOSTS = ["*"]`: Django checks the host these two read against that setting,
    which admits only `localhost` while it is unset), and so the site Django's `get_current_site(request)` (or
    `request.site`, which `CurrentSiteMiddleware` sets) gives where, besides, no file installs `django.contrib.sites`
    (without the sites app it is the request's host; with it, the site comes from the database). A link counts when the
    function, the link's names or the function's strings speak of a password reset, a verification, an invitation or a
    sign-in. A link on a configured base URL (`settings.SITE_URL`, `os.environ["FRONTEND_URL"] or request.host_url`)
    is not reported, nor one that is only redirected to or shown to the client that asked, or handed to a signal's
    receivers (blinker's `before_login.send(app, redirect_uri=...)`, a Django `Signal()`: a signal bound to `signal(...)`
    or `Signal()` in the file, or imported from a `signals` module), which sends no mail. Neither is a link in a
    project that pins its host: Django's `ALLOWED_HOSTS` without `"*"`, Flask's `SERVER_NAME` or `TRUSTED_HOSTS`,
    Starlette's `TrustedHostMiddleware` (read from the project's other files when the whole project is checked).
    `X-Forwarded-Host` is VC419's. Flows are followed within the function. Test files are not checked.

    ## Why is this bad?
    The client chooses the Host header. An attacker asks for a password reset of the victim's account with
    `Host: evil.example`; the victim receives a genuine e-mail whose link points to the attacker's server, and one
    click hands over the reset token (password-reset poisoning, CWE-640). Invitations and magic sign-in links leak the
    same way.

    ## Example
    ```python
    from flask import Flask, request
    from flask_mail import Mail, Message

    app = Flask(__name__)
    mail = Mail(app)

    @app.post("/forgot-password")
    def forgot_password():
        token = make_reset_token(request.form["email"])
        link = f"{request.host_url}reset/{token}"
        mail.send(Message("Reset your password", recipients=[request.form["email"]], body=link))
        return "", 204
    ```

    ## Use instead
    ```python
    import os

    from flask import Flask, request
    from flask_mail import Mail, Message

    app = Flask(__name__)
    mail = Mail(app)

    @app.post("/forgot-password")
    def forgot_password():
        token = make_reset_token(request.form["email"])
        link = f"{os.environ['SITE_URL']}/reset/{token}"
        mail.send(Message("Reset your password", recipients=[request.form["email"]], body=link))
        return "", 204
    ```

    ## References
    - [CWE-640: Weak Password Recovery Mechanism for Forgotten Password](https://cwe.mitre.org/data/definitions/640.html)
    - [CWE-644: Improper Neutralization of HTTP Headers for Scripting Syntax](https://cwe.mitre.org/data/definitions/644.html)
    - [PortSwigger: Password reset poisoning](https://portswigger.net/web-security/host-header/exploiting/password-reset-poisoning)
    """

    code = "VC234"
    name = "link-from-host-header"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (640, 644)
    applies_to_tests = False  # a test's request is a fixture; no victim opens its mail
    # Every finding reads a host (`host_url`, `get_host`, a `host` header, `url.netloc`, `base_url`, `url_root`,
    # `build_absolute_uri`, `url_for`, Django's current site) and every pin names its setting (`ALLOWED_HOSTS`,
    # `SERVER_NAME`, `TRUSTED_HOSTS`, `TrustedHostMiddleware`, `INSTALLED_APPS` for the sites app).
    file_hints = ("host", "netloc", "base_url", "url_root", "root_url", "build_absolute_uri", "url_for", "server_name",
                  "get_current_site", "request.site", "installed_apps")

    @classmethod
    def cleared(cls, project: Any, relative: str, kind: str, subject: str) -> bool:
        """A file of the project pins the host of the framework the link was built with."""
        pins = (pin for _, pins in project.facts(HOST_PINS_FACT) for pin in pins)
        if kind != HOST_PINNED:
            return False
        if subject == DJANGO_SITE:
            return not site_from_host(pins)
        return not opened(pins, DJANGO) if subject == DJANGO_CHECKED else pinned(pins, subject)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pins: list[str] = []
        self._signals: set[str] = set()  # names bound to a signal (`before_login = ns.signal("before-login")`)
        imports = self.context.imports
        self._framework = next((framework for framework, modules in (
            (DJANGO, ("django", "rest_framework")), (STARLETTE, ("starlette", "fastapi")), (FLASK, ("flask", "quart")))
            if imports.imports_any(modules)), None)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._pins += assigned_pins((t.target for t in node.targets), node.value, self.qualified_name)
        if type(node.value) is cst.Call and _callee_tail(node.value.func) in SIGNAL_FACTORIES:
            self._signals.update(t.target.value for t in node.targets if type(t.target) is cst.Name)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._pins += assigned_pins((node.target,), node.value, self.qualified_name)

    def visit_Call(self, node: cst.Call) -> None:
        self._pins += called_pins(node, self.qualified_name)

    def leave_Module(self, node: cst.Module) -> None:
        if self._pins:
            self.context.facts[HOST_PINS_FACT] = sorted(set(self._pins))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        nodes = own_nodes(node.body)
        if not any(type(n) is cst.Call for n in nodes):
            return
        sent_values = list(self._sent_values(node, nodes))
        if not sent_values:  # (most functions mail nothing: the host names they bind need not be followed)
            return
        bindings = _bindings_of(nodes)
        origins = self._host_names(bindings)
        sent = [(value, found) for value in sent_values if (found := self._carried(value, origins)) is not None]
        linked = [value for _, value in bindings if self._carried(value, origins) is not None]
        if sent and self._about_access(node, origins, [*(value for value, _ in sent), *linked]):
            for source in {id(found[0]): found for _, found in sent}.values():
                self._report(source)

    def _host_source(self, node: cst.CSTNode) -> str | None:
        """The framework whose request host `node` reads ("" when the file's framework is unknown), else None."""
        if type(node) is cst.Attribute:
            attr = node.attr.value
            if attr in HOST_ATTRIBUTES and _is_request(node.value):
                return HOST_ATTRIBUTES[attr] or self._framework or ""
            if attr == SITE_ATTRIBUTE and _is_request(node.value) and self._framework == DJANGO:
                return DJANGO_SITE
            if attr in URL_HOST_PARTS and type(node.value) is cst.Attribute and node.value.attr.value == "url" \
                    and _is_request(node.value.value):
                return self._framework or STARLETTE
            return None
        if type(node) is cst.Subscript:
            return self._framework or "" if _is_host_header(node.value, node.slice[0].slice) else None
        if type(node) is cst.Call:
            func = node.func
            if type(func) is cst.Attribute and _is_request(func.value):
                if func.attr.value in HOST_METHODS:
                    return HOST_METHODS[func.attr.value]
                if func.attr.value == "get" and node.args and type(func.value) is cst.Attribute:
                    return self._framework or "" if _is_host_header(func.value, cst.Index(node.args[0].value)) else None
            if type(func) is cst.Attribute and func.attr.value == "get" and node.args \
                    and _is_host_header(func.value, cst.Index(node.args[0].value)):
                return self._framework or ""
            if self.qualified_name(node) in FLASK_URL_FOR and is_true(argument(node, None, "_external")):
                return FLASK
            if self.qualified_name(node) in CURRENT_SITE_FUNCTIONS:
                return DJANGO_SITE
        return None

    def _carried(self, node: cst.CSTNode, origins: dict[str, tuple[cst.CSTNode, str]]) -> tuple[cst.CSTNode, str] | None:
        """The host read an expression carries (directly or through a name bound to one), with its framework; a
        comparison or test of the host carries a truth value, and `configured or request.host_url` the configured
        base where there is one."""
        pending: list[cst.CSTNode] = [node]
        while pending:
            current = pending.pop()
            kind = type(current)
            if kind is cst.Name:
                if current.value in origins:  # type: ignore[attr-defined]
                    return origins[current.value]  # type: ignore[attr-defined]
                continue
            framework = self._host_source(current)
            if framework is not None:
                return current, framework
            if kind in (cst.Comparison, *NESTED_SCOPE_TYPES) or _tests_value(current):
                continue
            if kind is cst.BooleanOperation and type(current.operator) is cst.Or:  # type: ignore[attr-defined]
                pending.append(current.left)  # type: ignore[attr-defined]
                continue
            if kind is cst.Attribute:
                pending.append(current.value)  # type: ignore[attr-defined]
                continue
            pending.extend(child_nodes(current))
        return None

    def _host_names(self, bindings: list[tuple[str, cst.BaseExpression]]) -> dict[str, tuple[cst.CSTNode, str]]:
        """Names bound (`_bindings_of`) to what carries the host, in any order of binding (`base = request.host_url`,
        then `link = f"{base}reset/{token}"`, then `body = render_to_string(..., {"link": link})`)."""
        origins: dict[str, tuple[cst.CSTNode, str]] = {}
        grown = True
        while grown:
            grown = False
            for name, value in bindings:
                if name not in origins:
                    found = self._carried(value, origins)
                    if found is not None:
                        origins[name] = found
                        grown = True
        return origins

    def _sent_values(self, function: cst.FunctionDef, nodes: Sequence[cst.CSTNode]) -> Iterator[cst.CSTNode]:
        """The arguments of the calls that send mail, and what a function named for a link returns."""
        for node in nodes:
            if type(node) is cst.Call and self._sends_mail(node):
                yield from (arg.value for arg in node.args)
        name = set(words(function.name.value))
        if name & RETURNED_LINK_WORDS and name & LINK_WORDS:
            yield from (node.value for node in nodes if type(node) is cst.Return and node.value is not None)

    def _sends_mail(self, call: cst.Call) -> bool:
        """A call that mails the link (`sends_mail`), unless it is a signal's send (`_signal_sent`)."""
        return not self._signal_sent(call) and sends_mail(call, self.qualified_name(call))

    def _signal_sent(self, call: cst.Call) -> bool:
        """`before_login_redirect.send(app, redirect_uri=...)`: a blinker or Django signal bound here to `signal(...)`
        or `Signal()`, or imported from a `signals` module, hands the link to the app's own receivers, not a mailbox."""
        func = call.func
        if type(func) is not cst.Attribute or func.attr.value not in SIGNAL_SENDS:
            return False
        if type(func.value) is cst.Name and func.value.value in self._signals:
            return True
        return "signals" in (self.qualified_name(func.value) or "").split(".")

    @staticmethod
    def _about_access(function: cst.FunctionDef, origins: dict[str, tuple[cst.CSTNode, str]],
                      carriers: Sequence[cst.CSTNode]) -> bool:
        """The function, a name bound to the host's link, or a string of what carries the host (the link's path, the
        message's subject) speaks of a reset, a verification, an invitation or a sign-in."""
        named = set(words(function.name.value))
        for name in origins:
            named.update(words(name))
        for carrier in carriers:
            for node in walk_own(carrier):
                text = string_value(node) if type(node) is cst.SimpleString else (
                    node.value if type(node) is cst.FormattedStringText else None)
                if text:
                    named.update(words(text))
        return bool(named & LINK_WORDS)

    def _report(self, source: tuple[cst.CSTNode, str]) -> None:
        node, framework = source
        if framework == DJANGO_SITE:
            if pinned(self._pins, DJANGO) or f"{DJANGO_SITE}:pinned" in self._pins:
                return
        elif framework == DJANGO_CHECKED:
            if pinned(self._pins, DJANGO):
                return
            if opened(self._pins, DJANGO):
                framework = ""  # this file lets every host in: nothing elsewhere can pin it
        elif framework and pinned(self._pins, framework):
            return
        shown = self.context.module.code_for_node(node)
        if len(shown) > 60:
            shown = shown[:57] + "..."
        self.report(node, f"A reset, verification, invitation or sign-in link is built on `{shown}`, the host the "
                    "client names in its Host header, and sent by e-mail, so an attacker who asks for a victim's link "
                    "with `Host: evil.example` receives the token when the victim clicks.", hint=HINT,
                    unless=(HOST_PINNED, framework) if framework else None)


def _bindings_of(nodes: Sequence[cst.CSTNode]) -> list[tuple[str, cst.BaseExpression]]:
    """The (name, value) pairs the assignments among `nodes` bind, in their order (an exact type test per node: a
    function's own nodes are mostly names and attributes)."""
    return [(name, value) for node in nodes if type(node) in BINDING_TYPES for name, value in _bindings(node)]


def _bindings(node: cst.CSTNode) -> Iterator[tuple[str, cst.BaseExpression]]:
    if type(node) is cst.Assign:
        for target in node.targets:
            name = target_name(target.target) if type(target.target) in (cst.Name, cst.Attribute) else None
            if name is not None:
                yield name, node.value
    elif (type(node) is cst.AnnAssign or type(node) is cst.AugAssign) and type(node.target) is cst.Name \
            and node.value is not None:
        yield node.target.value, node.value


def _tests_value(node: cst.CSTNode) -> bool:
    """`host.startswith("localhost")`: a truth value or a position, not the host."""
    return type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in TESTING_METHODS


def _is_request(node: cst.CSTNode) -> bool:
    """`request`, `req`, `self.request`."""
    if type(node) is cst.Name:
        return node.value in REQUEST_NAMES
    return type(node) is cst.Attribute and node.attr.value in REQUEST_NAMES


def _is_host_header(mapping: cst.CSTNode, key: cst.BaseSlice) -> bool:
    """`request.headers["host"]`, `request.META["HTTP_HOST"]`, `environ["HTTP_HOST"]`."""
    if type(key) is not cst.Index:
        return False
    header = (string_value(key.value) or "").lower().replace("-", "_")
    if header not in HOST_HEADER_NAMES:
        return False
    if type(mapping) is cst.Attribute:
        return mapping.attr.value in HEADER_MAPS and _is_request(mapping.value)
    return type(mapping) is cst.Name and mapping.value == "environ"


def _callee_tail(func: cst.CSTNode) -> str:
    return func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
