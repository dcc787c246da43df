"""VC233: a sign-in, session, reset or invitation token that never expires (CWE-613)."""

from __future__ import annotations

import libcst as cst

from vibecheck.analysis.tokens import (
    DJANGO_MAX_AGE_POSITION,
    DJANGO_SIGNING_LOADS,
    TIMED_MAX_AGE_POSITION,
    TIMED_READS,
    TIMED_SERIALIZERS,
)
from vibecheck.cst_fields import own_nodes, walk_own
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import (
    argument,
    assignment_targets,
    has_star_args,
    is_config_object,
    is_name,
    is_none,
    target_name,
)
from vibecheck.rules.auth.names import is_dev_name, is_dev_path, words
from vibecheck.rules.auth.token_claims import claims_have_expiry

# Signers of a JWT: qualified name -> (position, keyword) of the claims (PyJWT, python-jose, authlib's header first).
ENCODERS: dict[str, tuple[int, str]] = {
    "jwt.encode": (0, "payload"), "jwt.api_jwt.encode": (0, "payload"), "jwt.PyJWT.encode": (0, "payload"),
    "jose.jwt.encode": (0, "claims"), "authlib.jose.jwt.encode": (1, "payload"),
    "authlib.jose.JsonWebToken.encode": (1, "payload"), "authlib.jose.rfc7519.jwt.encode": (1, "payload"),
}
# Words that say a token signs someone in or stands for them: in the signing function's name, the name the token
# is stored under, the claims' keys, or what a `type`/`scope` claim says it is for.
CREDENTIAL_WORDS = frozenset({
    "access", "session", "auth", "authenticate", "authentication", "login", "signin", "bearer", "reset", "password",
    "verify", "verification", "invite", "invitation", "magic", "activate", "activation", "confirm", "confirmation",
    "sub", "uid", "userid", "user", "email", "username", "account",
    # a share link: whoever holds it reads what it names
    "share", "sharing"})
# Words that say the token grants nothing by itself: a cursor, an OAuth `state`, an unsubscribe link, a webhook's
# or service's own assertion; an API key (revoked by deleting its stored hash, not by age).
NOT_CREDENTIAL_WORDS = frozenset({"unsubscribe", "cursor", "page", "pagination", "state", "csrf", "preview",
                                  "tracking", "track", "apikey", "webhook", "cache", "etag"})
PURPOSE_CLAIMS = frozenset({"type", "typ", "token_type", "scope", "purpose", "kind", "use"})
REFRESH_WORDS = frozenset({"refresh"})
# A refresh token is checked against its stored row: a module that keeps one with an expiry column checks its age.
STORED_EXPIRY = lazy_pattern(r"expires?_(at|on|in)|expir(y|ation)|valid_until|revoked")
# Words of a reader or a salt that say the token signs someone in: such a token needs an age limit.
SIGN_IN_WORDS = frozenset({"login", "signin", "magic", "reset", "password", "invite", "invitation", "activate",
                           "activation", "verify", "verification", "confirm", "confirmation", "auth", "session"})
# Words of the token's own name that say it is a link (a session's data is kept with its own expiry date).
LINK_NAME_WORDS = SIGN_IN_WORDS - {"session", "auth"}
# A function or result so named reads an expired token on purpose: to refresh it, or to revoke or log it out.
EXPIRY_REASON_WORDS = frozenset({"refresh", "refreshed", "renew", "expired", "revoke", "revoked", "logout",
                                 "blacklist", "blocklist", "denylist"})
DJANGO_TIMESTAMP_SIGNER = "django.core.signing.TimestampSigner"
# Settings whose `False` (or zero) makes every access token signed without an expiry: Flask-JWT-Extended's lifetime,
# written as `app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False`, a config class's attribute or `app.config.update(...)`.
NEVER_EXPIRING_SETTINGS = frozenset({"JWT_ACCESS_TOKEN_EXPIRES"})
CONFIG_WRITERS = frozenset({"update", "from_mapping", "setdefault"})
# Signers whose lifetime argument set to `False` (or zero) signs a token without an expiry: qualified name -> (position,
# keyword) of the lifetime (Flask-JWT-Extended's `create_access_token(identity, fresh, expires_delta)`).
NO_EXPIRY_ARGUMENTS: dict[str, tuple[int, str]] = {"flask_jwt_extended.create_access_token": (2, "expires_delta"),
                                                   "flask_jwt_extended.utils.create_access_token": (2, "expires_delta")}
ENCODE_HINT = ('Add an `exp` claim (`"exp": datetime.now(timezone.utc) + timedelta(minutes=15)`), as short as the '
               "token's use allows; PyJWT and python-jose then refuse the token once it has expired.")
AGE_HINT = "Pass `max_age=` (in seconds) to the read, as long as the link should stay valid."
# Flask-JWT-Extended turns an `int` lifetime into `timedelta(seconds=...)` and adds `exp` only `if expires_delta:`, so
# a zero lifetime (`0`, `timedelta(0)`, `timedelta(minutes=0)`) is as falsy as `False`: the token never expires.
TIMEDELTA = "datetime.timedelta"
SETTING_HINT = "Give access tokens a short lifetime (`timedelta(minutes=15)`) and renew them with a refresh token."


class TokenWithoutExpiry(Rule):
    """A sign-in, session, reset or invitation token never expires.

    ## What it does
    Reports a JWT signed for a user, a sign-in or a share link (`jwt.encode(claims, key)` of PyJWT or python-jose, authlib's
    `jwt.encode(header, claims, key)`, also through aliases) whose claims carry no `exp`: a dict display, a dict built
    over several lines, without `claims["exp"] = ...`, `claims.update(exp=...)` or `dict(**claims, exp=...)`, nor a
    claim of the project's own named for when the token ends (`session_expired_at`, `expires_at`, `valid_until`; not
    `expires_in`, a length with no start), which the code reading the token checks as a reader of `exp` would. Claims
    that go through a helper before they are signed (`add_expiry(claims)`), a parameter or a `**` merge the function
    does not show are not reported, nor are tokens that are no credential (a cursor, an OAuth `state`, an
    unsubscribe link, an API key) or a refresh token in a module that stores tokens with an expiry column.

    It also reports signed, timed tokens read without an age limit (no `max_age`, or `max_age=None`): `loads`/`unsign`
    of an itsdangerous `URLSafeTimedSerializer`, `TimedSerializer` or `TimestampSigner`, built on the spot or bound to a
    name, and Django's `signing.loads(...)` or `TimestampSigner(...).unsign(...)` where the reading function, the salt,
    the signer's or the token's name says it signs someone in (`read_login`, `salt="magic-login"`, a reset, an
    invitation). A function named for a refresh, a logout or a revocation reads old tokens on purpose and is not
    reported.

    It also reports Flask-JWT-Extended told to sign access tokens without an expiry: `JWT_ACCESS_TOKEN_EXPIRES = False`
    (in `app.config[...]`, `app.config.update(...)` or a config class, not a development one) and
    `create_access_token(..., expires_delta=False)`; a zero lifetime (`0`, `timedelta(0)`, `timedelta(minutes=0)`) too,
    since the library adds `exp` only when the lifetime is truthy. Test files are not checked.

    ## Why is this bad?
    A token without an expiry is a password that cannot be changed: a reset link found in an old mailbox, a session
    token copied from a log or a stolen laptop, or an invitation forwarded years later still signs in. Logging out or
    changing the password does not end it, since nothing is stored to revoke (CWE-613).

    ## Example
    ```python
    import jwt

    def issue_access_token(user, secret):
        return jwt.encode({"sub": str(user.id), "role": user.role}, secret, algorithm="HS256")
    ```

    ## Use instead
    ```python
    from datetime import datetime, timedelta, timezone

    import jwt

    def issue_access_token(user, secret):
        claims = {"sub": str(user.id), "role": user.role}
        claims["exp"] = datetime.now(timezone.utc) + timedelta(minutes=15)
        return jwt.encode(claims, secret, algorithm="HS256")
    ```

    ## References
    - [CWE-613: Insufficient Session Expiration](https://cwe.mitre.org/data/definitions/613.html)
    - [RFC 7519: JSON Web Token, the `exp` claim](https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4)
    - [itsdangerous: `URLSafeTimedSerializer.loads`](https://itsdangerous.palletsprojects.com/en/stable/timed/)
    """

    code = "VC233"
    name = "token-without-expiry"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (613,)
    applies_to_tests = False  # a test signs the token it checks; nobody keeps it
    # Every finding calls a signer or reader of a module the file names: PyJWT, python-jose, authlib, itsdangerous or
    # Django's `signing`.
    file_hints = ("jwt", "jose", "itsdangerous", "signing")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._functions: list[cst.FunctionDef] = []
        self._classes: list[str] = []
        # names bound to a timed serializer or signer -> its qualified name, and the words of its salt
        self._timed: dict[str, tuple[str, set[str]]] = {}
        self._stores_expiry: bool | None = None

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in assignment_targets(node):
            if type(target) is not cst.Subscript or is_config_object(target.value):
                self._check_setting(node, target_name(target), node.value)
        if type(node.value) is cst.Call:
            qualified = self.qualified_name(node.value)
            if qualified in TIMED_SERIALIZERS:
                salt = set(words(string_value(argument(node.value, 1, "salt")) or ""))
                self._timed.update((name, (qualified, salt)) for name in (target_name(t.target) for t in node.targets)
                                   if name)

    def _check_setting(self, node: cst.CSTNode, name: str | None, value: cst.BaseExpression) -> None:
        """`JWT_ACCESS_TOKEN_EXPIRES = False` (or `0`) outside a development configuration."""
        if name not in NEVER_EXPIRING_SETTINGS or is_dev_path(self.context.path) \
                or any(is_dev_name(c) for c in self._classes):
            return
        spelled = self._no_lifetime(value)
        if spelled is not None:
            self.report(node, f"`{name} = {spelled}` signs every access token without an expiry, so a token that leaked "
                        "from a log, a browser or a mailbox signs in for ever.", hint=SETTING_HINT)

    def _no_lifetime(self, value: cst.BaseExpression | None) -> str | None:
        """How a lifetime that Flask-JWT-Extended reads as "no expiry" is spelled: `False`, `0`, a zero `timedelta`."""
        if value is None:
            return None
        if is_name(value, "False"):
            return "False"
        if _is_zero(value):
            return "0"
        if type(value) is cst.Call and self.qualified_name(value) == TIMEDELTA \
                and all(_is_zero(arg.value) for arg in value.args):
            return "timedelta(0)"
        return None

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if type(func) is cst.Attribute and func.attr.value in CONFIG_WRITERS and is_config_object(func.value):
            for arg in node.args:
                if arg.keyword is not None:
                    self._check_setting(arg, arg.keyword.value, arg.value)
                elif type(arg.value) is cst.Dict:
                    for element in arg.value.elements:
                        if type(element) is cst.DictElement:
                            self._check_setting(element, string_value(element.key), element.value)
        qualified = self.qualified_name(node)
        lifetime = NO_EXPIRY_ARGUMENTS.get(qualified or "")
        spelled = None if lifetime is None else self._no_lifetime(argument(node, *lifetime))
        if lifetime is not None and spelled is not None:
            self.report(node, f"`{lifetime[1]}={spelled}` signs this access token without an expiry, so a token that "
                        "leaked signs in for ever.", hint=SETTING_HINT)
        if qualified in ENCODERS:
            self._check_encode(node, qualified)
        elif qualified == DJANGO_SIGNING_LOADS:
            self._check_age_limit(node, DJANGO_MAX_AGE_POSITION, django=True)
        else:
            reader = self._timed_reader(node)
            if reader is not None:
                self._check_age_limit(node, TIMED_MAX_AGE_POSITION, django=reader == DJANGO_TIMESTAMP_SIGNER)

    def _scope(self) -> cst.CSTNode:
        return self._functions[-1].body if self._functions else self.context.module

    def _context_words(self, node: cst.Call) -> set[str]:
        """The words of the enclosing function's and class's names and of the names the call's result is stored
        under (`access_token = jwt.encode(...)`, `self.session_token = ...`)."""
        found = set(words(self._functions[-1].name.value)) if self._functions else set()
        found.update(words(self._classes[-1]) if self._classes else ())
        for statement in own_nodes(self._scope()):
            if type(statement) is cst.Assign and node in walk_own(statement.value):
                for target in statement.targets:
                    found.update(words(target_name(target.target) or ""))
        return found

    def _check_encode(self, node: cst.Call, qualified: str) -> None:
        claims = argument(node, *ENCODERS[qualified])
        if claims is None or has_star_args(node):
            return
        nodes = own_nodes(self._scope())
        if claims_have_expiry(claims, nodes, node) is not False:
            return
        named = self._context_words(node) | _claim_words(claims, nodes)
        if not named & CREDENTIAL_WORDS or named & NOT_CREDENTIAL_WORDS or {"api", "key"} <= named:
            return
        if named & REFRESH_WORDS and self._module_stores_expiry():
            return
        shown = self.context.module.code_for_node(node.func)
        self.report(node, f"`{shown}()` signs a token for a user whose claims carry no `exp`, so it never expires: "
                    "a token that leaked from a log, a browser or a mailbox signs in for ever.", hint=ENCODE_HINT)

    def _module_stores_expiry(self) -> bool:
        if self._stores_expiry is None:
            self._stores_expiry = STORED_EXPIRY.search(self.context.source.lower()) is not None
        return self._stores_expiry

    def _timed_reader(self, node: cst.Call) -> str | None:
        """`serializer.loads(token)` on a timed serializer or signer, built on the spot or bound to a name: its
        qualified name."""
        func = node.func
        if type(func) is not cst.Attribute or func.attr.value not in TIMED_READS:
            return None
        owner = func.value
        if type(owner) is cst.Call:
            qualified = self.qualified_name(owner)
            return qualified if qualified in TIMED_SERIALIZERS else None
        bound = self._timed.get(target_name(owner) or "")
        return bound[0] if bound is not None else None

    def _check_age_limit(self, node: cst.Call, position: int, *, django: bool) -> None:
        """A timed token read without `max_age`; Django's only where the reader, the salt, the signer or the token
        is named for a sign-in (`read_login`, `salt="magic-login"`)."""
        if has_star_args(node):
            return
        limit = argument(node, position, "max_age")
        if limit is not None and not is_none(limit):
            return
        function = self._functions[-1].name.value if self._functions else ""
        if EXPIRY_REASON_WORDS & set(words(function)):
            return
        if django and not SIGN_IN_WORDS & self._reader_words(node, function):
            return
        shown = self.context.module.code_for_node(node.func)
        self.report(node, f"`{shown}()` reads a signed, timed token without `max_age`, so a link that leaked or was "
                    "already used is accepted for ever.", hint=AGE_HINT)

    def _reader_words(self, node: cst.Call, function: str) -> set[str]:
        found = set(words(function))
        func = node.func
        salts = [argument(node, 2, "salt")]
        if type(func) is cst.Attribute:
            owner = func.value
            name = target_name(owner) or ""
            found.update(words(name))
            found.update(self._timed[name][1] if name in self._timed else ())
            if type(owner) is cst.Call:
                salts.append(argument(owner, 1, "salt"))
        token = argument(node, 0, "s")  # `reset_token`, not `session_data`: a stored session has its own expiry
        found.update(set(words(target_name(token) or "")) & LINK_NAME_WORDS if token is not None else ())
        for salt in salts:
            found.update(words(string_value(salt) or ""))
        return {word.removesuffix("s") if word.endswith("s") and word[:-1] in SIGN_IN_WORDS else word for word in found}


def _claim_words(claims: cst.BaseExpression, nodes: tuple[cst.CSTNode, ...] | list[cst.CSTNode]) -> set[str]:
    """The words of the claims' keys and of what a purpose claim says (`"type": "access"`), from the display passed
    or bound to the name passed."""
    displays = [claims] if type(claims) is cst.Dict else [
        node.value for node in nodes if type(node) is cst.Assign and type(node.value) is cst.Dict and type(claims) is
        cst.Name and any(type(t.target) is cst.Name and t.target.value == claims.value for t in node.targets)]
    found: set[str] = set()
    for display in displays:
        for element in display.elements:  # type: ignore[attr-defined]
            key = string_value(element.key) if type(element) is cst.DictElement else None
            if key is None:
                continue
            found.update(words(key))
            if key in PURPOSE_CLAIMS:
                found.update(words(string_value(element.value) or ""))
    return found


def _is_zero(value: cst.BaseExpression) -> bool:
    """The integer literal `0` (also `0x0`, `0_0`): an `int` lifetime of no seconds."""
    return type(value) is cst.Integer and int(value.value.replace("_", ""), 0) == 0
