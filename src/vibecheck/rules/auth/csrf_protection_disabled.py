"""VC208: CSRF protection switched off for a view, a form, or the whole app."""

from __future__ import annotations

import ast
from collections.abc import Sequence

import libcst as cst

from vibecheck.analysis.app_model import frameworks as fw
from vibecheck.analysis.tornado_settings import application_settings
from vibecheck.cst_fields import child_nodes, own_nodes_of, walk_own
from vibecheck.imports import full_name
from vibecheck.literals import text_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.names import is_test_settings_path
from vibecheck.rules.auth.oauth_state import CODE_HINTS, unchecked_code_read

# Settings whose False value turns CSRF checks off (Flask-WTF; `CSRF_ENABLED` is its old spelling).
CSRF_SWITCHES = frozenset({"WTF_CSRF_ENABLED", "WTF_CSRF_CHECK_DEFAULT", "CSRF_ENABLED"})
# Keywords whose False turns CSRF checks off where they are given: Pyramid's
# `config.set_default_csrf_options(require_csrf=False)` for every view, `@view_config(..., require_csrf=False)` for one.
# Keyword -> what it turns off.
CSRF_KEYWORDS = {"require_csrf": "Pyramid's CSRF check"}
CSRF_MIDDLEWARE = "django.middleware.csrf.CsrfViewMiddleware"
SESSION_MIDDLEWARE = frozenset({"django.contrib.sessions.middleware.SessionMiddleware",
                                "django.contrib.auth.middleware.AuthenticationMiddleware"})
FLASK_WTF_PROTECTORS = frozenset({"CSRFProtect", "CsrfProtect"})
# Endpoints that other servers call, or that a protocol defines for clients without cookies: they prove who
# they are with a signature, a client secret or a bearer token. OAuth 2.0 token, revocation (RFC 7009),
# introspection (RFC 7662), device authorization (RFC 8628) and client registration (RFC 7591) endpoints,
# OpenID Connect's userinfo and JWKS, SAML's assertion consumer and single logout services (ACS/SLS), all
# of which identity providers POST to cross-site by design.
SERVER_TO_SERVER_WORDS = frozenset({"webhook", "webhooks", "hook", "callback", "ipn", "notify", "notification",
                                    "token", "revoke", "revocation", "introspect", "introspection", "userinfo",
                                    "jwks", "acs", "sls", "device"})
SERVER_TO_SERVER_PHRASES = (("client", "registration"), ("user", "info"), ("assertion", "consumer"),
                            ("single", "logout"))
# Form fields that an identity provider posts through the user's browser, cross-site by design: CAS's single logout
# `logoutRequest`, SAML's HTTP-POST binding `SAMLResponse` (to the assertion consumer) and `SAMLRequest` (a logout
# request). A view that reads one is the protocol's endpoint, whatever its name: the signed message authenticates it.
IDENTITY_PROVIDER_FIELDS = frozenset({"logoutRequest", "SAMLResponse", "SAMLRequest"})
# A path parameter (`<auth_token>`, `<string:api_key>`, `{token}`) named for a credential: a client that authenticates
# by its URL, as e-readers and feed readers do.
PATH_PARAMETER = lazy_pattern(r"<(?:\w+:)?(\w+)>|\{(\w+)(?::[^}]*)?\}")
CREDENTIAL_PARAMETER_WORDS = frozenset({"token", "apikey", "key", "secret"})


def _url_prefixes(module: cst.Module) -> dict[str, str]:
    """`kobo = Blueprint("kobo", __name__, url_prefix="/kobo/<auth_token>")` -> {"kobo": "/kobo/<auth_token>"}."""
    found: dict[str, str] = {}
    for line in module.body:
        for small in line.body if isinstance(line, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Assign) and isinstance(small.value, cst.Call) and len(small.targets) == 1:
                prefix = next((text_value(a.value) for a in small.value.args
                               if a.keyword is not None and a.keyword.value in ("url_prefix", "prefix")), None)
                target = full_name(small.targets[0].target)
                if prefix and target:
                    found[target] = prefix
    return found


# Calls that check a request's signature: a view that makes one authenticates its caller without cookies.
SIGNATURE_CHECKS = frozenset({"hmac.compare_digest", "secrets.compare_digest"})
SIGNATURE_METHODS = frozenset({"construct_event", "verify_signature", "validate_signature", "verify_webhook"})
# Django's CSRF check, which a view exempted from the middleware can run itself on the requests that need it.
CSRF_CHECKER = "CsrfViewMiddleware"
# Django Channels: a `ProtocolTypeRouter`'s WebSocket stack that signs the caller in from the session cookie
# (`AuthMiddlewareStack`) takes connections that any site's page opens with that cookie, unless a validator checks
# the `Origin` header first (`AllowedHostsOriginValidator(AuthMiddlewareStack(...))`).
CHANNELS_ROUTER = "ProtocolTypeRouter"
COOKIE_STACKS = frozenset({"AuthMiddlewareStack", "SessionMiddlewareStack", "CookieMiddleware", "SessionMiddleware",
                           "AuthMiddleware"})
ORIGIN_VALIDATORS = frozenset({"AllowedHostsOriginValidator", "OriginValidator"})
HINT_EXEMPT = ("Remove the exemption and send the CSRF token from the client, or authenticate the endpoint with "
               "something a browser does not send by itself (a signed payload or a token header).")
HINT_SETTING = "Keep CSRF protection on outside tests and exempt only the endpoints that do not use cookie sessions."


def _false(node: cst.BaseExpression | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "False"


def _string(node: cst.BaseExpression | None) -> str | None:
    return text_value(node) if isinstance(node, cst.SimpleString) else None


def _inert(statement: cst.CSTNode) -> bool:
    """`pass`, a docstring, `...`, `return` or `return None`."""
    if isinstance(statement, cst.Expr):
        return isinstance(statement.value, (cst.SimpleString, cst.Ellipsis))
    if isinstance(statement, cst.Return):
        return statement.value is None or (isinstance(statement.value, cst.Name) and statement.value.value == "None")
    return isinstance(statement, cst.Pass)


class CsrfProtectionDisabled(Rule):
    """CSRF protection turned off for a view, a form or the whole application.

    ## What it does
    Reports Django's `@csrf_exempt` (also through `method_decorator` or `csrf_exempt(view)` in a URLconf),
    Flask-WTF's `@csrf.exempt`/`csrf.exempt(view)`, the settings `WTF_CSRF_ENABLED = False` and
    `WTF_CSRF_CHECK_DEFAULT = False` (assigned, in `app.config[...]`, `app.config.update(...)` or a dict),
    a Flask-WTF form `Meta` with `csrf = False`, a Django `MIDDLEWARE` list that has the session middleware
    but not `CsrfViewMiddleware`, a DRF `enforce_csrf` override that does nothing, and Tornado's
    `xsrf_cookies=False` given to `Application` (or in the settings dict it unpacks, `**settings`, also a
    module-level settings dict that another module unpacks), and Pyramid's `require_csrf=False` given to
    `config.set_default_csrf_options(...)` or a `@view_config(...)`.

    It also reports an OAuth 2.0 or OpenID Connect sign-in callback (a route handler named, or on a path named, for a
    callback, `oauth`, `authorize`, `sso`, `oidc`) that reads the authorization `code` from the query
    (`request.args["code"]`, `request.GET.get("code")`, `self.get_argument("code")`, a FastAPI `code` parameter) and
    never reads `state` from it, nor hands the request, its URL or its query to another call that may check it
    (requests-oauthlib's `fetch_token(..., authorization_response=request.url)`), nor calls authlib's
    `authorize_access_token()`, which checks it.

    Test files and settings modules named for test or CI runs (`test_settings.py`, `ci_settings.py`,
    `settings/test.py`: also their `MIDDLEWARE`), configuration classes or functions named for tests, dicts that also
    set `TESTING = True`, exemptions of endpoints that servers or protocol clients call without cookies (webhooks,
    callbacks, OAuth 2.0 token, revocation, introspection and device endpoints, OpenID Connect userinfo and JWKS,
    client registration, SAML ACS/SLS, also spelled out: `AssertionConsumerServiceView`, `SingleLogoutService`; named
    so by the view or by the class whose method is exempted: `@method_decorator(csrf_exempt)` on `class
    PostmarkWebhookView`'s `dispatch`; or, whatever its name, a view that reads a message an identity provider posts
    through the browser: CAS's `logoutRequest`, SAML's `SAMLResponse` or `SAMLRequest`, in the view or in any method
    of its class) or that check a signature over the request (`hmac.compare_digest`,
    `construct_event`, `verify_signature`, also through a function of the module that does) or run Django's CSRF check
    themselves where they need it (`CsrfViewMiddleware(...).process_view(...)`, also through a function of the module
    that does) or whose route's path carries a credential (a view of `Blueprint("kobo", __name__,
    url_prefix="/kobo/<auth_token>")`, `"/feeds/<api_key>"`: a client that authenticates by its URL, which a forged
    cross-site request does not know) or whose path names a server's call (`/watch/callback`, `/hooks/stripe`), and a
    framework's `csrf_exempt(view)` on a function's own parameter or local (DRF's `as_view` exempts every API view
    because its session authentication checks CSRF itself) are not reported. A Django Channels `ProtocolTypeRouter`
    whose `"websocket"` stack signs callers in from the session cookie (`AuthMiddlewareStack(...)`,
    `SessionMiddlewareStack(...)`) with no `AllowedHostsOriginValidator`/`OriginValidator` around it is reported too:
    browsers send the cookie on a WebSocket handshake that any site's page starts, and no CSRF token guards it.

    ## Why is this bad?
    When a request fails the CSRF check, the quickest fix an agent finds is to switch the check off. Any
    website the user visits can then make the user's browser submit forms to your app with the user's
    session cookie: change their e-mail, transfer money, delete data.

    ## Example
    ```python
    from django.http import JsonResponse
    from django.views.decorators.csrf import csrf_exempt

    @csrf_exempt
    def update_email(request):
        request.user.email = request.POST["email"]
        request.user.save()
        return JsonResponse({"ok": True})
    ```

    ## Use instead
    ```python
    from django.contrib.auth.decorators import login_required
    from django.http import JsonResponse
    from django.views.decorators.http import require_POST

    @login_required
    @require_POST
    def update_email(request):
        request.user.email = request.POST["email"]
        request.user.save()
        return JsonResponse({"ok": True})
    ```

    ## References
    - [CWE-352: Cross-Site Request Forgery](https://cwe.mitre.org/data/definitions/352.html)
    - [Django: Cross Site Request Forgery protection](https://docs.djangoproject.com/en/stable/ref/csrf/)
    - [Flask-WTF: CSRF protection](https://flask-wtf.readthedocs.io/en/latest/csrf/)
    - [OWASP CSRF Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
    """

    code = "VC208"
    name = "csrf-protection-disabled"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (352,)
    # Every finding names `csrf` (`csrf_exempt`, `csrf.exempt`, a `CSRFProtect` object, `WTF_CSRF_ENABLED`,
    # `enforce_csrf`, `csrf = False`), Tornado's `xsrf_cookies` or the `MIDDLEWARE` setting, or reads a sign-in
    # callback's `code`.
    file_hints = ("csrf", "xsrf", "middleware", *CODE_HINTS)

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self.scopes: list[str] = []
        self.functions: list[cst.FunctionDef] = []
        self.classes: list[cst.ClassDef] = []
        self.protectors: set[str] = {"csrf", "csrf_protect", "csrfprotect"}
        self.prefixes: dict[str, str] | None = None  # blueprint or router name -> its `url_prefix`, once asked
        self.depth = 0
        self._test_settings = context.is_test_file or is_test_settings_path(context.path)  # `ci_settings.py`
        self._enforcers: frozenset[str] | None = None  # module functions that run Django's CSRF check
        self._checkers: frozenset[str] | None = None  # module functions that check a request's signature

    # scope names, to recognise test configuration ----------------------------------------------------------

    def _in_test_setup(self) -> bool:
        return self._test_settings or any(
            "test" in fw.name_words(name) or "testing" in fw.name_words(name) for name in self.scopes)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.append(node.name.value)
        self.classes.append(node)
        if not self._checks_csrf_itself(node) and not self._receives_identity_provider_post(node):
            for decorator in node.decorators:
                self._exemption(decorator.decorator, decorator, node.name.value)
        if node.name.value == "Meta" and isinstance(node.body, cst.IndentedBlock):
            self._form_meta(node.body)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self.scopes.pop()
        self.classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        in_class = bool(self.classes) and len(self.scopes) > 0 and self.scopes[-1] == self.classes[-1].name.value
        self.scopes.append(node.name.value)
        self.functions.append(node)
        # (most functions have no decorator, so no exemption: the walks of their bodies below are skipped)
        if node.decorators and not self._checks_signature(node) and not self._checks_csrf_itself(node) \
                and not self._called_without_cookies(node) \
                and not self._receives_identity_provider_post(self.classes[-1] if in_class else node):
            for decorator in node.decorators:
                self._exemption(decorator.decorator, decorator, node.name.value)
        code_read = unchecked_code_read(node) if node.decorators and not self.context.is_test_file else None
        if code_read is not None:
            self.report(code_read, f"`{node.name.value}` exchanges the authorization code without checking the `state` "
                        "it sent at login, so an attacker's code, forced through a victim's browser, signs the victim in "
                        "to the attacker's account (login CSRF).",
                        hint="Store a random `state` in the session at login and compare it with the callback's "
                        "(`secrets.compare_digest`), or let the client library do it (authlib's "
                        "`authorize_access_token()`, requests-oauthlib's `authorization_response=request.url`).")
        if node.name.value == "enforce_csrf" and self._does_nothing(node):
            anchor = node.decorators[0] if node.decorators else node
            self.report(anchor, "`enforce_csrf` is overridden to do nothing, so session-authenticated API calls "
                        "skip Django REST framework's CSRF check.",
                        hint="Delete the override; use token authentication for clients that cannot send a CSRF token.")

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self.scopes.pop()
        self.functions.pop()

    # exemptions ---------------------------------------------------------------------------------------------

    def _exempts(self, expression: cst.BaseExpression) -> str | None:
        """The spelling of a CSRF exemption (`csrf_exempt`, `csrf.exempt`), or None."""
        name = self.qualified_name(expression)
        if name is None:
            return None
        if name.rsplit(".", 1)[-1] == "csrf_exempt":
            return "csrf_exempt"
        if isinstance(expression, cst.Attribute) and expression.attr.value == "exempt":
            receiver = full_name(expression.value) or ""
            if receiver.rsplit(".", 1)[-1].lower() in self.protectors or receiver in self.protectors:
                return f"{receiver}.exempt"
        return None

    def _exemption(self, expression: cst.BaseExpression, node: cst.CSTNode, view: str | None) -> None:
        """A decorator expression: `@csrf_exempt`, `@csrf.exempt`, `@method_decorator(csrf_exempt, ...)`."""
        spelling = self._exempts(expression)
        if spelling is None and isinstance(expression, cst.Call) and \
                (self.qualified_name(expression.func) or "").endswith("method_decorator") and expression.args:
            spelling = self._exempts(expression.args[0].value)
        # (the enclosing classes count: `@method_decorator(csrf_exempt)` on `AnymailWebhookView.dispatch`)
        if spelling is None or self._in_test_setup() or (view and self._server_to_server(".".join([*self.scopes, view]))):
            return
        target = f"the view `{view}`" if view else "this view"
        self.report(node, f"`{spelling}` turns off CSRF protection for {target}.", hint=HINT_EXEMPT)

    def _checks_signature(self, view: cst.FunctionDef) -> bool:
        """`hmac.compare_digest(sig, expected)`, `stripe.Webhook.construct_event(...)`: the view authenticates its caller
        by a signature over the body, which a forged cross-site request cannot carry; also through a function of the
        module that makes that check (`if not _valid_signature(request.body, header): return HttpResponseForbidden()`)."""
        checkers = self._signature_checkers()
        return any(self._is_signature_check(node) or (type(node.func) is cst.Name and node.func.value in checkers)
                   for node in own_nodes_of(view.body, cst.Call))

    def _is_signature_check(self, call: cst.Call) -> bool:
        func = call.func
        method = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else None
        return self.qualified_name(func) in SIGNATURE_CHECKS or method in SIGNATURE_METHODS

    def _signature_checkers(self) -> frozenset[str]:
        """The module's top-level functions that check a signature themselves."""
        if self._checkers is None:
            self._checkers = frozenset(
                statement.name.value for statement in self.context.module.body
                if type(statement) is cst.FunctionDef
                and any(self._is_signature_check(node) for node in own_nodes_of(statement.body, cst.Call)))
        return self._checkers

    def _checks_csrf_itself(self, view: cst.ClassDef | cst.FunctionDef) -> bool:
        """The view (a function, or a class's methods) runs Django's CSRF check itself, on the requests that need it:
        `CsrfViewMiddleware(...).process_view(...)`, directly or through a function of the module that does (an OpenID
        provider's authorization endpoint, which clients POST to cross-site, checks CSRF on its own consent form)."""
        if CSRF_CHECKER not in self.context.source or not isinstance(view.body, cst.IndentedBlock):
            return False
        enforcers = self._csrf_enforcers()
        pending: list[cst.CSTNode] = [view.body]
        while pending:
            node = pending.pop()
            if type(node) is cst.Call and isinstance(node.func, (cst.Name, cst.Attribute)):
                called = node.func.value if isinstance(node.func, cst.Name) else node.func.attr.value
                if called == CSRF_CHECKER or called in enforcers:
                    return True
            pending.extend(child_nodes(node))
        return False

    def _csrf_enforcers(self) -> frozenset[str]:
        """The module's top-level functions that call `CsrfViewMiddleware(...)`."""
        if self._enforcers is None:
            tree = self.context.python_ast()
            self._enforcers = frozenset(
                statement.name for statement in (tree.body if tree is not None else ())
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and any(
                    isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None))
                    == CSRF_CHECKER for node in ast.walk(statement)))
        return self._enforcers

    def _receives_identity_provider_post(self, view: cst.ClassDef | cst.FunctionDef) -> bool:
        """The view (a function, or any method of the class whose method is exempted) reads a message that an identity
        provider posts through the browser (`request.POST.get("logoutRequest")`, `request.POST["SAMLResponse"]`): CAS's
        and SAML's protocols post it cross-site, so no CSRF token can come with it."""
        if not any(field in self.context.source for field in IDENTITY_PROVIDER_FIELDS):
            return False
        functions = [s for s in view.body.body if type(s) is cst.FunctionDef] if type(view) is cst.ClassDef else [view]
        return any(text_value(string) in IDENTITY_PROVIDER_FIELDS
                   for function in functions for string in own_nodes_of(function.body, cst.SimpleString))

    def _called_without_cookies(self, view: cst.FunctionDef) -> bool:
        """`@kobo.route("/v1/library/tags")` on `kobo = Blueprint(..., url_prefix="/kobo/<auth_token>")`: the caller
        proves who it is by a token in the URL, which a forged cross-site request does not know; no cookie logs it in.
        So does a server calling a route named for it (`@gdrive.route("/watch/callback")`)."""
        if self.prefixes is None:
            self.prefixes = _url_prefixes(self.context.module)
        for decorator in view.decorators:
            call = decorator.decorator
            if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and call.args
                    and call.func.attr.value in fw.ROUTE_DECORATORS):
                continue
            path = self.prefixes.get(full_name(call.func.value) or "", "") + (text_value(call.args[0].value) or "")
            names = [angled or braced for angled, braced in PATH_PARAMETER.findall(path)]
            if any(set(fw.name_words(name)) & CREDENTIAL_PARAMETER_WORDS for name in names) \
                    or self._server_to_server(path.replace("/", ".")):
                return True  # (also a path named for a server's call: `/gdrive/watch/callback`, `/hooks/stripe`)
        return False

    def _server_to_server(self, name: str) -> bool:
        """`TokenView`, `saml_acs`, `OpenIDCallbackView.as_view`: every part of the dotted name counts."""
        words = [w for part in name.split(".") for w in fw.name_words(part)]
        pairs = set(zip(words, words[1:], strict=False))
        return any(w in SERVER_TO_SERVER_WORDS for w in words) or any(p in pairs for p in SERVER_TO_SERVER_PHRASES)

    def _wraps_any_view(self, argument: cst.BaseExpression) -> bool:
        """`csrf_exempt(view)` on a function's own parameter or local: a framework's plumbing that exempts
        every view it builds (DRF's `as_view`, which enforces CSRF itself for session logins), not one view."""
        if not isinstance(argument, cst.Name) or not self.functions:
            return False
        function = self.functions[-1]
        params = function.params
        names = {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}
        names |= {t.target.value for statement in function.body.body if isinstance(statement, cst.SimpleStatementLine)
                  for small in statement.body if isinstance(small, cst.Assign)
                  for t in small.targets if isinstance(t.target, cst.Name)}
        names |= {statement.name.value for statement in function.body.body if isinstance(statement, cst.FunctionDef)}
        return argument.value in names

    def visit_Decorator(self, node: cst.Decorator) -> None:
        self.depth += 1

    def leave_Decorator(self, node: cst.Decorator) -> None:
        self.depth -= 1

    def visit_Call(self, node: cst.Call) -> None:
        if not self.depth:
            spelling = self._exempts(node.func)
            if spelling is not None and node.args and not self._in_test_setup():
                view = full_name(node.args[0].value)
                if not (view and self._server_to_server(view)) and not self._wraps_any_view(node.args[0].value):
                    target = f"`{view}`" if view else "this view"
                    self.report(node, f"`{spelling}({view or '...'})` turns off CSRF protection for {target}.",
                                hint=HINT_EXEMPT)
        for arg in node.args:
            switch = arg.keyword is not None and arg.keyword.value in CSRF_SWITCHES and _false(arg.value)
            if switch and not self._in_test_setup() and not self._sets_testing(node.args):
                self._report_switch(arg, arg.keyword.value)  # type: ignore[union-attr]
            keyword = arg.keyword.value if arg.keyword is not None else ""
            if keyword in CSRF_KEYWORDS and _false(arg.value) and not self._in_test_setup():
                where = "every view" if (full_name(node.func) or "").endswith("csrf_options") else "this view"
                self.report(arg, f"`{keyword}=False` turns off {CSRF_KEYWORDS[keyword]} for {where}.",
                            hint=HINT_SETTING)
        callee = full_name(node.func) or ""
        if callee.rpartition(".")[2] == CHANNELS_ROUTER and node.args and type(node.args[0].value) is cst.Dict:
            self._websocket_origin(node.args[0].value)
        if callee.endswith("MIDDLEWARE.remove") and _string(node.args[0].value if node.args else None) == CSRF_MIDDLEWARE:
            self.report(node, f"Removing `{CSRF_MIDDLEWARE}` from `MIDDLEWARE` turns off CSRF protection for every view.",
                        hint="Keep `CsrfViewMiddleware` in `MIDDLEWARE` and exempt only the views that need it.")

    def _websocket_origin(self, protocols: cst.Dict) -> None:
        """`ProtocolTypeRouter({"websocket": AuthMiddlewareStack(URLRouter(...))})` with no origin validator."""
        for element in protocols.elements:
            if type(element) is not cst.DictElement or _string(element.key) != "websocket":
                continue
            called = {(full_name(n.func) or "").rpartition(".")[2] for n in walk_own(element.value) if type(n) is cst.Call}
            if called & COOKIE_STACKS and not called & ORIGIN_VALIDATORS:
                self.report(element, "The WebSocket stack signs callers in from their session cookie but checks no "
                            "`Origin`, so any site's page can open a connection as the signed-in user.",
                            hint="Wrap the stack in `AllowedHostsOriginValidator(...)`.")

    @staticmethod
    def _sets_testing(args: Sequence[cst.Arg]) -> bool:
        return any(a.keyword is not None and a.keyword.value == "TESTING" and not _false(a.value) for a in args)

    # settings ------------------------------------------------------------------------------------------------

    def visit_Assign(self, node: cst.Assign) -> None:
        value = node.value
        if type(value) is cst.Call and (self.qualified_name(value.func) or "").rsplit(".", 1)[-1] in FLASK_WTF_PROTECTORS:
            for target in node.targets:
                name = full_name(target.target)
                if name:
                    self.protectors.add(name)
        for target in node.targets:
            key = self._setting_name(target.target)
            if key in CSRF_SWITCHES and _false(value) and not self._in_test_setup():
                self._report_switch(node, key)
            elif key == "MIDDLEWARE" and not self.scopes and not self._in_test_setup():
                self._middleware(value)

    def visit_Dict(self, node: cst.Dict) -> None:
        elements = [e for e in node.elements if isinstance(e, cst.DictElement)]
        testing = any(_string(e.key) == "TESTING" and not _false(e.value) for e in elements)
        for element in elements:
            key = _string(element.key)
            if key in CSRF_SWITCHES and _false(element.value) and not testing and not self._in_test_setup():
                self._report_switch(element, key)

    def _setting_name(self, target: cst.BaseExpression) -> str | None:
        """`WTF_CSRF_ENABLED`, `self.WTF_CSRF_ENABLED` or `app.config["WTF_CSRF_ENABLED"]` -> the setting's name."""
        if type(target) is cst.Subscript and len(target.slice) == 1 and type(target.slice[0].slice) is cst.Index:
            return _string(target.slice[0].slice.value)
        name = full_name(target)
        return name.rsplit(".", 1)[-1] if name else None

    def _report_switch(self, node: cst.CSTNode, key: str) -> None:
        self.report(node, f"`{key} = False` turns off Flask-WTF's CSRF protection for every form and view.",
                    hint=HINT_SETTING)

    def _middleware(self, value: cst.BaseExpression) -> None:
        if not isinstance(value, (cst.List, cst.Tuple)):
            return
        entries = {_string(e.value) for e in value.elements if isinstance(e, cst.Element)}
        if entries & SESSION_MIDDLEWARE and CSRF_MIDDLEWARE not in entries:
            self.report(value, f"`MIDDLEWARE` uses sessions but lacks `{CSRF_MIDDLEWARE}`, so no view is protected "
                        "against CSRF.", hint=f"Add `{CSRF_MIDDLEWARE}` to `MIDDLEWARE`, after the session middleware.")

    def _form_meta(self, body: cst.IndentedBlock) -> None:
        for line in body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                if isinstance(small, cst.Assign) and full_name(small.targets[0].target) == "csrf" \
                        and _false(small.value) and not self._in_test_setup():
                    self.report(small, "`csrf = False` in the form's `Meta` turns off Flask-WTF's CSRF protection "
                                "for this form.", hint=HINT_SETTING)

    @staticmethod
    def _does_nothing(node: cst.FunctionDef) -> bool:
        body = node.body
        statements = list(body.body) if isinstance(body, (cst.IndentedBlock, cst.SimpleStatementSuite)) else []
        smalls: list[cst.CSTNode] = []
        for statement in statements:
            if not isinstance(statement, cst.SimpleStatementLine):
                return False
            smalls.extend(statement.body)
        return all(_inert(small) for small in smalls)

    def leave_Module(self, node: cst.Module) -> None:
        if self._in_test_setup():
            return
        for name, value in application_settings(node, self.context.imports, self.context.source):
            if name == "xsrf_cookies" and type(value) is cst.Name and value.value == "False":
                self.report(value, "`xsrf_cookies=False` turns off Tornado's CSRF check for every form and "
                            "state-changing request of the app.", hint="Set `xsrf_cookies=True` and send "
                            "`xsrf_form_html()` or the `X-XSRFToken` header with each form and API call.")
