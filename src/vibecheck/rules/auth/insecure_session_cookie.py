"""VC210: a session or auth cookie that may travel over plain HTTP, is readable by scripts, or is sent cross-site."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from vibecheck.analysis.unpacked_options import module_bindings, passed_keywords
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import (
    argument,
    assignment_targets,
    has_star_args,
    is_config_object,
    is_false,
    is_none,
    is_true,
    string_value,
    target_name,
    value_name,
)
from vibecheck.rules.auth.names import COMPARED_SECRETS, is_auth_cookie_name, is_dev_name, is_dev_path, names_any, words

SECURE, HTTPONLY, SAMESITE = "secure", "httponly", "samesite"
# Settings (Flask, Django, Flask-Login, Flask-JWT-Extended) -> the cookie flag they control.
COOKIE_SETTINGS: dict[str, str] = {
    "SESSION_COOKIE_SECURE": SECURE, "SESSION_COOKIE_HTTPONLY": HTTPONLY, "SESSION_COOKIE_SAMESITE": SAMESITE,
    "CSRF_COOKIE_SECURE": SECURE, "CSRF_COOKIE_SAMESITE": SAMESITE,
    "REMEMBER_COOKIE_SECURE": SECURE, "REMEMBER_COOKIE_HTTPONLY": HTTPONLY, "REMEMBER_COOKIE_SAMESITE": SAMESITE,
    "JWT_COOKIE_SECURE": SECURE, "JWT_COOKIE_SAMESITE": SAMESITE,
}
# CherryPy's session tool, configured by dict keys (`{"tools.sessions.on": True, "tools.sessions.secure": False}`, given
# to `quickstart`, `tree.mount`, `config.update` or a `_cp_config`): its `secure` and `httponly` flags default to off.
CHERRYPY_MODULES = ("cherrypy",)
CHERRYPY_SESSIONS_ON = "tools.sessions.on"
CHERRYPY_SESSION_KEYS: dict[str, str] = {"tools.sessions.secure": SECURE, "tools.sessions.httponly": HTTPONLY}
CONFIG_WRITERS = frozenset({"update", "from_mapping", "configure", "setdefault"})
COOKIE_SETTERS = frozenset({"set_cookie", "set_signed_cookie"})
# Factories of a framework's session or auth-ticket cookie whose flags default to off: Pyramid's
# `SignedCookieSessionFactory(secret)` and `AuthTktCookieHelper(secret)` send it over plain HTTP and to scripts unless
# told otherwise. Qualified name -> the keywords of its `Secure` and `HttpOnly` flags.
COOKIE_FACTORIES: dict[str, tuple[str, str]] = {
    "pyramid.session.SignedCookieSessionFactory": ("secure", "httponly"),
    "pyramid.authentication.AuthTktCookieHelper": ("secure", "http_only"),
    "pyramid.authentication.AuthTktAuthenticationPolicy": ("secure", "http_only"),
    # aiohttp-session's storages: `secure` defaults to unset, `httponly` to on
    **{f"aiohttp_session.{module}{storage}": ("secure", "httponly") for module in ("", "cookie_storage.")
       for storage in ("EncryptedCookieStorage", "SimpleCookieStorage")},
    "aiohttp_session.nacl_storage.NaClCookieStorage": ("secure", "httponly"),
    "aiohttp_session.redis_storage.RedisStorage": ("secure", "httponly"),
    "aiohttp_session.memcached_storage.MemcachedStorage": ("secure", "httponly"),
}
# The factories above whose `HttpOnly` flag is on unless written out as `False`.
HTTPONLY_BY_DEFAULT = frozenset(name for name in COOKIE_FACTORIES if name.startswith("aiohttp_session."))
CSRF_WORDS = frozenset({"csrf", "xsrf", "csrftoken"})
# A cookie's value named like a server-side session's id (`sid`, `session_key`): the cookie is the session.
SESSION_VALUE_WORDS = frozenset({"sid", "sessionid", "sesskey"})
SESSION_VALUE_PAIRS = frozenset({("session", "id"), ("session", "key"), ("sess", "id")})
EFFECTS = {
    SECURE: "it is also sent over plain HTTP",
    HTTPONLY: "page scripts (and any XSS) can read it",
    SAMESITE: "browsers send it on cross-site requests, which enables CSRF",
}
# Methods that add a header line given as (name, value): `headers.add("Set-Cookie", ...)`, `add_header(...)`.
HEADER_ADDERS = frozenset({"add", "append", "add_header", "set", "setdefault", "__setitem__", "add_unredirected_header"})
SET_COOKIE = "set-cookie"
HEADER_HINT = ("Add `; Secure; HttpOnly; SameSite=Lax` to the `Set-Cookie` value, or set the cookie with "
               "`set_cookie(..., secure=True, httponly=True)`.")
HINT = 'Set the cookie with `secure=True, httponly=True, samesite="Lax"` (or the matching settings) outside development.'


def _template_text(node: cst.CSTNode | None) -> str | None:
    """The text of a literal, f-string or `+` chain, with each non-literal part as `\x00`; None if there is none."""
    if isinstance(node, cst.FormattedString):
        return "".join(p.value if isinstance(p, cst.FormattedStringText) else "\x00" for p in node.parts)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        left, right = _template_text(node.left), _template_text(node.right)
        return None if left is None and right is None else (left or "\x00") + (right or "\x00")
    return string_value(node)


def _names_session_id(name: str | None) -> bool:
    """`sid`, `session_id`, `new_session_key`: the id a server-side session store is keyed by."""
    parts = words(name or "")
    return bool(SESSION_VALUE_WORDS.intersection(parts)) or any(
        pair in SESSION_VALUE_PAIRS for pair in zip(parts, parts[1:], strict=False))


def _module_strings(body: Sequence[cst.BaseStatement]) -> dict[str, str]:
    """Module-level names bound to a string literal (`COOKIE = "sid"`)."""
    strings: dict[str, str] = {}
    for statement in body:
        if type(statement) is not cst.SimpleStatementLine:
            continue
        for small in statement.body:
            if type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name:
                text = string_value(small.value)
                if text is not None:
                    strings[small.targets[0].target.value] = text
    return strings


def _weakens(flag: str, value: cst.BaseExpression) -> bool:
    """`False` for secure/httponly; `None` or `"None"` for samesite."""
    if flag == SAMESITE:
        return is_none(value) or (string_value(value) or "").lower() == "none"
    return is_false(value)


class InsecureSessionCookie(Rule):
    """A session or auth cookie lacks `Secure`, `HttpOnly` or `SameSite` protection.

    ## What it does
    Reports:
    - settings that weaken the session, CSRF, remember-me or JWT cookie: `SESSION_COOKIE_SECURE = False`,
      `SESSION_COOKIE_HTTPONLY = False`, `SESSION_COOKIE_SAMESITE = None` (or `"None"`),
      `CSRF_COOKIE_SECURE = False`, `REMEMBER_COOKIE_SECURE = False`, `JWT_COOKIE_SECURE = False`, ...,
      as module or class assignments, `app.config[...] = ...`, or `app.config.update(...)`/`from_mapping(...)`
      with keywords or a dict;
    - `response.set_cookie(...)` / `set_signed_cookie(...)` for a session or auth cookie (its name is
      like `session`, `sessionid`, `sid`, `token`, `auth`, `jwt`, `access_token`, `refresh_token`,
      `remember_token`, also through a module constant such as `COOKIE = "sid"`, or its value is named like a
      token or a server-side session's id: `sid`, `session_key`) without `secure=True` or `httponly=True`, or
      with `samesite=None`/`"None"` (flags given through a module-level dict it unpacks, `**COOKIE_FLAGS`,
      count as written; flags of a dict that cannot be seen, `**kwargs`, are not judged); and any other cookie set
      with a written-out `secure=False` (low
      severity: a `theme` cookie without `httponly` is normal, one sent over plain HTTP on purpose is not);
    - a raw `Set-Cookie` header for such a cookie without `Secure` or `HttpOnly` (or with `SameSite=None`):
      `response.headers["Set-Cookie"] = f"session={token}; Path=/"`, `headers.add("Set-Cookie", ...)`,
      `add_header(...)`, `{"Set-Cookie": ...}` or a WSGI `("Set-Cookie", ...)` pair, when the value is a
      literal, f-string or `+` chain whose cookie name is written out;
    - Starlette/FastAPI `SessionMiddleware` without `https_only=True` (its default sends the session cookie
      over plain HTTP), or with `same_site="none"`;
    - aiohttp-session's storages (`EncryptedCookieStorage(key)`, `RedisStorage(redis)`...) without `secure=True`
      (unset by default), or with `httponly=False`;
    - Pyramid's `SignedCookieSessionFactory(...)` without `secure=True` and `httponly=True`, and its
      `AuthTktCookieHelper(...)` (or `AuthTktAuthenticationPolicy`) without `secure=True` and `http_only=True`: both
      flags default to off;
    - CherryPy's session tool configured with `"tools.sessions.secure": False` or `"tools.sessions.httponly": False`,
      or switched on (`"tools.sessions.on": True`) in a module that sets neither flag: both default to off.

    A CSRF cookie needs `secure` but not `httponly`: the double-submit pattern reads it from JavaScript.
    A missing `samesite` is not reported (browsers default to `Lax`); an explicit `None` is. Test files,
    development, CI and demo settings files (`settings/dev.py`, `local_settings.py`, `ci_settings.py`) and classes such as
    `DevelopmentConfig` are not reported, since local servers run over plain HTTP. Calls that forward
    `**kwargs` are not reported.

    ## Why is this bad?
    A session cookie without `Secure` is sent in clear text over any HTTP request (a captive portal, a
    mistyped `http://` link) and can be stolen on the network; without `HttpOnly` one XSS bug reads it
    from `document.cookie`. Either way the attacker has the user's session.

    ## Example
    ```python
    def login(response, token):
        response.set_cookie("access_token", token)
        return response
    ```

    ## Use instead
    ```python
    def login(response, token):
        response.set_cookie("access_token", token, secure=True, httponly=True, samesite="Lax")
        return response
    ```

    ## References
    - [CWE-614: Sensitive Cookie in HTTPS Session Without 'Secure' Attribute](https://cwe.mitre.org/data/definitions/614.html)
    - [CWE-1004: Sensitive Cookie Without 'HttpOnly' Flag](https://cwe.mitre.org/data/definitions/1004.html)
    - [Flask: session cookie settings](https://flask.palletsprojects.com/en/stable/security/#set-cookie-options)
    - [OWASP Session Management Cheat Sheet: cookies](https://cheatsheetseries.owasp.org/cheatsheets/Session_Management_Cheat_Sheet.html#cookies)
    """

    code = "VC210"
    name = "insecure-session-cookie"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.HIGH
    cwe = (614, 1004, 1275)
    applies_to_tests = False  # a test's settings configure the test run, not a deployment
    # Every finding names `cookie` (the `*_COOKIE_*` settings, `set_cookie`, a `Set-Cookie` header) or a
    # `SessionMiddleware`.
    file_hints = ("cookie", "sessionmiddleware", "authtkt", "tools.sessions", "aiohttp_session")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._skip_file = is_dev_path(self.context.path)
        self._classes: list[str] = []
        self._strings = _module_strings(self.context.module.body)
        self._module_bindings: dict[str, cst.BaseExpression] | None = None  # made for the first call that unpacks a dict

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

    def _in_dev(self) -> bool:
        return self._skip_file or any(is_dev_name(c) for c in self._classes)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in assignment_targets(node):
            self._check_setting(node, target_name(target), node.value, target)
            if type(target) is cst.Subscript and len(target.slice) == 1 and type(target.slice[0].slice) is cst.Index:
                self._check_header(target.slice[0].slice.value, node.value)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._check_header(node.key, node.value)
        key = string_value(node.key)
        if key is not None and key.startswith("tools.sessions.") and not self._in_dev() \
                and self.context.imports.imports_any(CHERRYPY_MODULES):
            self._check_cherrypy_session(node, key)

    def _check_cherrypy_session(self, node: cst.DictElement, key: str) -> None:
        """`"tools.sessions.secure": False` weakens CherryPy's session cookie; `"tools.sessions.on": True` in a module
        that never names its flags leaves both at their default, off."""
        flag = CHERRYPY_SESSION_KEYS.get(key)
        if flag is not None and _weakens(flag, node.value):
            self.report(node, f"`{key}` is off, so CherryPy's session cookie is weakened: {EFFECTS[flag]}.", hint=HINT)
        elif key == CHERRYPY_SESSIONS_ON and is_true(node.value) \
                and not any(setting in self.context.source for setting in CHERRYPY_SESSION_KEYS):
            self.report(node, "CherryPy's session tool is on with its cookie flags at their defaults, off: "
                        f"{EFFECTS[SECURE]}, and {EFFECTS[HTTPONLY]}.",
                        hint='Add `"tools.sessions.secure": True` and `"tools.sessions.httponly": True` beside it.')

    def visit_Tuple(self, node: cst.Tuple) -> None:
        if len(node.elements) == 2:
            self._check_header(node.elements[0].value, node.elements[1].value)

    def _check_header(self, name: cst.BaseExpression, value: cst.BaseExpression) -> None:
        """A raw `Set-Cookie` header line for a session or auth cookie, without `Secure` or `HttpOnly`."""
        if (string_value(name) or "").lower() != SET_COOKIE or self._in_dev():
            return
        text = _template_text(value)
        if text is None or "=" not in text:
            return
        cookie, _, rest = text.partition("=")
        cookie = cookie.strip()
        if "\x00" in cookie or not is_auth_cookie_name(cookie):
            return
        attributes = {part.strip().split("=", 1)[0].strip().lower() for part in rest.split(";")[1:]}
        flags = [flag for flag in (SECURE, HTTPONLY) if flag not in attributes
                 and not (flag == HTTPONLY and CSRF_WORDS & set(words(cookie)))]
        if "samesite=none" in rest.lower().replace(" ", ""):
            flags.append(SAMESITE)
        if not flags:
            return
        missing = " and ".join(f"`{'HttpOnly' if flag == HTTPONLY else 'Secure'}`" for flag in flags if flag != SAMESITE)
        wording = f"without {missing}" if missing else "with `SameSite=None`"
        effects = "; ".join(EFFECTS[flag] for flag in flags)
        self.report(value, f"The `{cookie}` cookie is set by a raw `Set-Cookie` header {wording}: {effects}.",
                    hint=HEADER_HINT)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._check_setting(node, target_name(node.target), node.value, node.target)

    def _check_setting(self, node: cst.CSTNode, name: str | None, value: cst.BaseExpression,
                       target: cst.BaseExpression | None) -> None:
        if name is None or self._in_dev():
            return
        flag = COOKIE_SETTINGS.get(name.upper())
        if flag is None or not _weakens(flag, value):
            return
        if isinstance(target, cst.Subscript) and not is_config_object(target.value):
            return
        shown = self.context.module.code_for_node(value)
        self.report(node, f"`{name} = {shown}` weakens the cookie: {EFFECTS[flag]}.", hint=HINT,
                    severity=Severity.LOW if flag == SAMESITE else None)

    def visit_Call(self, node: cst.Call) -> None:
        if self._in_dev():
            return
        if self._is_session_middleware(node):
            self._check_session_middleware(node)
            return
        factory = COOKIE_FACTORIES.get(self.qualified_name(node) or "")
        if factory is not None and not has_star_args(node):
            self._check_cookie_factory(node, factory)
            return
        func = node.func
        if not isinstance(func, cst.Attribute):
            return
        method = func.attr.value
        if method in CONFIG_WRITERS and is_config_object(func.value):
            for arg in node.args:
                if arg.keyword is not None:
                    self._check_setting(arg, arg.keyword.value, arg.value, None)
                elif isinstance(arg.value, cst.Dict):
                    for element in arg.value.elements:
                        if isinstance(element, cst.DictElement):
                            self._check_setting(element, string_value(element.key), element.value, None)
        elif method in COOKIE_SETTERS and (options := self._cookie_options(node)) is not None:
            self._check_set_cookie(node, options)
        elif method in HEADER_ADDERS and len(node.args) >= 2 and node.args[0].keyword is None:
            self._check_header(node.args[0].value, node.args[1].value)

    def _is_session_middleware(self, node: cst.Call) -> bool:
        """`SessionMiddleware(app, ...)`, `app.add_middleware(SessionMiddleware, ...)`, `Middleware(SessionMiddleware, ...)`."""
        if (self.qualified_name(node) or "").endswith("SessionMiddleware"):
            return True
        first = node.args[0].value if node.args and node.args[0].keyword is None else None
        return first is not None and (self.qualified_name(first) or "").endswith("SessionMiddleware")

    def _check_session_middleware(self, node: cst.Call) -> None:
        if has_star_args(node):
            return
        https_only = argument(node, None, "https_only")
        same_site = argument(node, None, "same_site")
        if https_only is None or is_false(https_only):
            self.report(node, "`SessionMiddleware` is set up without `https_only=True`, so the session cookie is also "
                        "sent over plain HTTP.", hint="Pass `https_only=True` to `SessionMiddleware` outside development.")
        elif same_site is not None and _weakens(SAMESITE, same_site):
            self.report(node, '`SessionMiddleware` is set up with `same_site="none"`: browsers send the session cookie on '
                        "cross-site requests, which enables CSRF.", hint='Use `same_site="lax"` (the default) or "strict".')

    def _check_cookie_factory(self, node: cst.Call, flags: tuple[str, str]) -> None:
        """`SignedCookieSessionFactory(secret)`: a flag left out is off, as one written out as `False` is (but
        aiohttp-session's `httponly`, on by default)."""
        on_by_default = {HTTPONLY} if self.qualified_name(node) in HTTPONLY_BY_DEFAULT else set()
        off = [flag for flag, keyword in zip((SECURE, HTTPONLY), flags, strict=True)
               if ((given := argument(node, None, keyword)) is None and flag not in on_by_default) or is_false(given)]
        if off:
            name = (self.qualified_name(node) or "").rpartition(".")[2]
            shown = " and ".join(f"`{keyword}=True`" for flag, keyword in zip((SECURE, HTTPONLY), flags, strict=True)
                                 if flag in off)
            self.report(node, f"`{name}` makes its cookie without {shown}: {'; '.join(EFFECTS[f] for f in off)}.",
                        hint=f"Pass {shown} outside development.")

    def _cookie_options(self, node: cst.Call) -> dict[str, cst.BaseExpression] | None:
        """The flags a `set_cookie` call passes, also through a module-level dict it unpacks (`**COOKIE_FLAGS`); None
        when it unpacks anything else, whose flags cannot be seen."""
        if not has_star_args(node):
            return {arg.keyword.value: arg.value for arg in node.args if arg.keyword is not None}
        if self._module_bindings is None:
            self._module_bindings = module_bindings(self.context.module)
        bindings = self._module_bindings
        return passed_keywords(node, lambda name: bindings.get(name.value) if type(name) is cst.Name else None,
                               self.context.source)

    def _check_any_cookie(self, node: cst.Call, cookie: str | None, options: dict[str, cst.BaseExpression]) -> None:
        """Any other cookie: only a written-out `secure=False` is reported. Scripts may read a `theme` cookie, and
        a cookie without `secure` may be meant for a site that is HTTPS-only anyway; `secure=False` says it is not."""
        given = options.get(SECURE)
        if given is None or not is_false(given):
            return
        label = f"The `{cookie}` cookie" if cookie else "This cookie"
        self.report(node, f"{label} is set with `secure=False`: {EFFECTS[SECURE]}, where anyone on the network can read "
                    "or change it.", hint="Remove `secure=False` (or pass `secure=True`) outside development; keep "
                    "plain-HTTP cookies to local servers.", severity=Severity.LOW)

    def _check_set_cookie(self, node: cst.Call, options: dict[str, cst.BaseExpression]) -> None:
        key = argument(node, 0, "key")
        cookie = string_value(key) or (self._strings.get(key.value) if type(key) is cst.Name else None) or value_name(key)
        value_label = value_name(argument(node, 1, "value"))
        if not ((cookie and is_auth_cookie_name(cookie)) or names_any(value_label, COMPARED_SECRETS)
                or _names_session_id(value_label)):
            self._check_any_cookie(node, cookie, options)
            return
        csrf = bool(cookie and CSRF_WORDS & set(words(cookie)))
        problems = []
        for flag in (SECURE, HTTPONLY):
            if flag == HTTPONLY and csrf:
                continue
            given = options.get(flag)
            if given is None or is_false(given):
                problems.append(flag)
        samesite = options.get(SAMESITE)
        if samesite is not None and _weakens(SAMESITE, samesite):
            problems.append(SAMESITE)
        if not problems:
            return
        label = f"`{cookie}`" if cookie else "session"
        missing = " and ".join(f"`{flag}=True`" for flag in problems if flag != SAMESITE)
        wording = f"without {missing}" if missing else ""
        if SAMESITE in problems:
            wording = f"{wording} and with `samesite=None`" if wording else "with `samesite=None`"
        effects = "; ".join(EFFECTS[flag] for flag in problems)
        self.report(node, f"The {label} cookie is set {wording}: {effects}.", hint=HINT)
