"""VC202: a JWT decoded without checking its signature or with an algorithm the token chooses."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.import_edits import times_bound
from vibecheck.analysis.tokens import (
    DECODERS,
    EXPIRY_OPTIONS,
    SIGNATURE_OPTIONS,
    UNVERIFIED_READERS,
    hand_decoded_payloads,
    options_turn_off,
    skips_audience,
    skips_expiry,
)
from vibecheck.cst_fields import walk_own
from vibecheck.model import Category, Confidence, Severity
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import (
    argument,
    elements,
    has_star_args,
    is_false,
    is_none,
    is_true,
    keyword_names,
    string_value,
    subscript_key,
    target_name,
)
from vibecheck.rules.auth.jwt_fix import (
    DEFAULT_SIGNING,
    Verifier,
    from_constant,
    from_names,
    mixes_families,
    one_family,
    takes_header_algorithm,
    verified,
)
from vibecheck.rules.auth.names import words

# Signers: qualified name -> (position, keyword) of the algorithm (PyJWT, python-jose).
ENCODERS: dict[str, tuple[int, str]] = {
    "jwt.encode": (2, "algorithm"), "jwt.api_jwt.encode": (2, "algorithm"), "jwt.api_jws.encode": (2, "algorithm"),
    "jwt.PyJWT.encode": (2, "algorithm"), "jwt.PyJWS.encode": (2, "algorithm"), "jose.jwt.encode": (2, "algorithm"),
    "jose.jws.sign": (3, "algorithm"),
}
# Objects whose allowed algorithms are fixed when they are built (authlib): name -> (position, keyword).
ALGORITHM_HOLDERS: dict[str, tuple[int, str]] = {
    "authlib.jose.JsonWebToken": (0, "algorithms"), "authlib.jose.JsonWebSignature": (0, "algorithms"),
    "authlib.jose.rfc7519.JsonWebToken": (0, "algorithms"),
}
VERIFY_OPTIONS = SIGNATURE_OPTIONS
# Django settings of the JWT packages that verify tokens for every view (django-graphql-jwt's `GRAPHQL_JWT`,
# djangorestframework-jwt's `JWT_AUTH`): their `"JWT_VERIFY": False` accepts any signature.
JWT_SETTINGS = frozenset({"GRAPHQL_JWT", "JWT_AUTH"})
JWT_VERIFY_KEY = "JWT_VERIFY"
# A result stored under such a name is read on purpose without trust (e.g. to pick the verification key).
DELIBERATE_WORDS = frozenset({"unverified", "untrusted", "insecure"})
# A function or result so named reads an expired token on purpose: to refresh it, or to revoke or log it out.
EXPIRY_REASON_WORDS = frozenset({"refresh", "refreshed", "renew", "expired", "revoke", "revoked", "logout",
                                 "blacklist", "blocklist", "denylist", "unverified", "untrusted", "insecure"})
# Words of a client's method that reads the expiry of the token it holds (`_refresh_access_token_if_about_to_expire`,
# `token_expires_soon`): it renews its own token early, and trusts nothing the token says about anyone.
CLIENT_EXPIRY_WORDS = frozenset({"refresh", "renew", "expire", "expires", "expired", "expiry", "expiration"})
# Public-key algorithms: a token so signed comes from an identity provider, which signs tokens for many clients.
PUBLIC_KEY_PREFIXES = ("RS", "ES", "PS", "ED")
EXPIRY_HINT = ("Keep `verify_exp` on and answer 401 for an expired token; only a refresh or logout flow, in a function "
               "named for it, may read an expired token.")
# The claims that say only when a token is valid: a check that reads nothing else learns no identity from it.
TIME_CLAIMS = frozenset({"exp", "iat", "nbf"})
HINT = 'Pass the signing key and a fixed list such as `algorithms=["HS256"]`, and keep signature verification on.'
HAND_DECODE_HINT = 'Read the claims with `jwt.decode(token, key, algorithms=["HS256"])`, which checks the signature first.'


def _disables_verification(options: cst.CSTNode | None) -> bool | None:
    """True if an options dict turns signature checking off; None if it is not a dict we can read."""
    return options_turn_off(options, SIGNATURE_OPTIONS)


@dataclass
class _Decode:
    """A reported decode, kept until the end of the file, when the algorithm its fix needs is known."""

    call: cst.Call
    message: str
    severity: Severity | None
    accepted: list[str]  # the algorithm names its `algorithms=` spells
    in_function: bool  # a module-level call may run before the constant the fix would name is bound
    hint: str = HINT


def _top_level_names(module: cst.Module) -> dict[str, cst.BaseExpression | None]:
    """Names bound by the module's own simple statements, with the value of an assignment (None for an import)."""
    bound: dict[str, cst.BaseExpression | None] = {}
    for statement in module.body:
        for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Assign):
                bound.update((t.target.value, small.value) for t in small.targets if isinstance(t.target, cst.Name))
            elif isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                bound[small.target.value] = small.value
            elif isinstance(small, (cst.Import, cst.ImportFrom)) and not isinstance(small.names, cst.ImportStar):
                for alias in small.names:
                    local = get_full_name_for_node(alias.asname.name if alias.asname is not None else alias.name)
                    bound[(local or "").split(".")[0]] = None
    return bound


def _reads_only_time_claims(function: cst.FunctionDef, call: cst.Call) -> bool:
    """The decoded claims are bound to one name that the function reads only for when the token is valid
    (`claims["exp"]`, `payload.get("exp", 0)`): it learns no identity, so a forged token wins it nothing."""
    nodes = list(walk_own(function.body))
    bound = [target.target.value for node in nodes if type(node) is cst.Assign and node.value is call
             for target in node.targets if type(target.target) is cst.Name]
    if len(bound) != 1:
        return False
    name = bound[0]
    uses = sum(type(node) is cst.Name and node.value == name for node in nodes)
    return uses == 1 + sum(_time_claim_read(node, name) for node in nodes)


def _time_claim_read(node: cst.CSTNode, name: str) -> bool:
    """`name["exp"]` or `name.get("exp", ...)`."""
    if type(node) is cst.Subscript:
        return type(node.value) is cst.Name and node.value.value == name and subscript_key(node) in TIME_CLAIMS
    return type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get" \
        and type(node.func.value) is cst.Name and node.func.value.value == name and bool(node.args) \
        and string_value(node.args[0].value) in TIME_CLAIMS


def _root_name(node: cst.BaseExpression) -> str | None:
    """`settings.jwt.ALGORITHM` -> `settings`; None for anything but a name or attribute chain."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return node.value if isinstance(node, cst.Name) else None


class JwtSignatureNotVerified(Rule):
    """A JWT is decoded without verifying its signature, or the token itself chooses the algorithm.

    ## What it does
    Reports PyJWT and python-jose `jwt.decode(...)` calls (also `decode_complete`, and through aliases such
    as `import jwt as pyjwt` or `from jose import jwt`) that:
    - turn verification off: `verify=False`, `options={"verify_signature": False}` (also through a
      variable holding such a dict, or `opts["verify_signature"] = False`, in the same function);
    - accept the `none` algorithm (`algorithms=["none"]`, also through a name bound to such a list or
      string in the file, and authlib's `JsonWebToken(["none", ...])`);
    - accept HMAC beside public-key algorithms (`algorithms=["HS256", "RS256"]`): a token signed with the
      RSA public key as its HMAC secret then passes (algorithm confusion; reported as medium);
    - take `algorithms` from the token's own header (`algorithms=[header["alg"]]`; a name `alg` bound to a literal,
      `alg = "RS256"`, is the code's own choice), unless the function refuses any other than the configured one
      first (`if alg != settings.SIGN_ALGORITHM: raise ...`, or `not in` the allowed ones);
    - pass no `algorithms` at all: python-jose and PyJWT 1 then let the token's header pick the
      algorithm (the HS256/RS256 key-confusion attack), and PyJWT 2 rejects every token.

    A decode that turns the expiry check off (`options={"verify_exp": False}`, also through a name bound to such
    a dict, or PyJWT 1's `verify_expiration=False`) is reported as medium unless the code says why: a function
    named for a refresh, logout or revocation (`refresh_access_token`, `revoke`), or a result named so
    (`expired_claims = ...`). A retry inside `except jwt.ExpiredSignatureError:` is VC216's. So is a decode that turns
    the audience check off (`options={"verify_aud": False}`) for a token signed with a public-key algorithm
    (`algorithms=["RS256"]`): an identity provider's ID token, which it also issues to every other app that signs in
    with it. Signed links read with no age limit are VC233's.

    It also reports `jwt.get_unverified_claims(...)` (python-jose), which returns claims nobody checked, and
    tokens signed with the `none` algorithm (`jwt.encode(claims, None, algorithm="none")`, PyJWT's
    `algorithm=None`, python-jose's `jwt.encode`/`jws.sign`), which anyone can forge.
    So is a token read by hand: the base64 decode of its middle part (`json.loads(base64.urlsafe_b64decode(
    token.split(".")[1] + "=="))`, also through names: `_, payload, _ = token.split(".")`, `parts[1]`, a padded copy)
    in a function that parses JSON and checks no signature (no `hmac.new`, `compare_digest` or a key's `verify`).
    A payload whose claims reach nothing but log calls (`_LOGGER.debug(f"tenant {claims.get('tid')}")`, also through
    names bound to them and reading calls such as `.get()`) is not reported: a client's debug line about the token it
    just obtained decides nothing; logged and also returned, tested, stored or handed to another call, it is.
    `get_unverified_header` is not reported: reading the `kid` to pick a key is its normal use. Neither is an
    unverified decode whose result is stored under a name that says so (`unverified_claims = ...`) or returned by a
    function so named (`def get_unverified_claims(token): return jwt.decode(...)`): libraries read claims that way to
    choose the key, then verify. Nor is an API client's method named for the token's expiry
    (`_refresh_access_token_if_about_to_expire`) that reads when the token it keeps on `self` expires, nor a function
    so named (`is_token_expired`) that reads nothing of the claims but when they expire (`payload.get("exp")`), nor a
    client that reads only when the token it keeps on `self` expires (`jwt.decode(self._jwt_access_token, ...)["exp"]`
    after its login). Test files are
    not checked: a test reads the claims of a token it was handed, or builds a forged one to see it rejected, and no
    attacker sends either. In a Django settings module, `"JWT_VERIFY": False` in django-graphql-jwt's `GRAPHQL_JWT` or
    djangorestframework-jwt's `JWT_AUTH` turns verification off for every view, and is reported there.

    ## Why is this bad?
    A token whose signature is not checked is just JSON the client wrote: anyone can set `"sub": "admin"`.
    Agents switch verification off to make a failing decode "work", or forget `algorithms`, which lets an
    attacker choose `none` or sign with the public key as an HMAC secret.

    ## Example
    ```python
    import jwt

    def current_user(token):
        claims = jwt.decode(token, options={"verify_signature": False})
        return claims["sub"]
    ```

    ## Use instead
    ```python
    import jwt

    def current_user(token):
        claims = jwt.decode(token, SECRET_KEY, algorithms=["HS256"])
        return claims["sub"]
    ```

    ## Fix safety
    The fix turns verification back on: it removes `verify=False` and `"verify_signature": False` (from an
    options dict or `dict(...)` written in the call), drops `"none"` from a literal list of algorithms, and
    sets `algorithms=` when it is missing, `None`, PyJWT 1's positional `False`, read from the token's header,
    or a name that also accepts `none`. It sets only what the file itself says signs its tokens: a
    module constant named for it (`ALGORITHM = "HS256"` -> `algorithms=[ALGORITHM]`, `ALGORITHMS = [...]`
    as it is), else the one algorithm every `jwt.encode` of the file signs with (a literal, PyJWT's default
    `HS256`, or a module-level name such as `settings.JWT_ALGORITHM`). A call without a key, with
    `**kwargs` or with options in a variable, HMAC beside RSA (which family the key belongs to is not
    written), `get_unverified_claims`, authlib and unsigned `encode` calls are not fixed. It is unsafe:
    tokens that used to be accepted (forged, expired, or signed another way) now raise.

    ## References
    - [CWE-347: Improper Verification of Cryptographic Signature](https://cwe.mitre.org/data/definitions/347.html)
    - [PyJWT: `jwt.decode`](https://pyjwt.readthedocs.io/en/stable/api.html#jwt.decode)
    - [RFC 8725: JSON Web Token Best Current Practices, section 3.1](https://www.rfc-editor.org/rfc/rfc8725#section-3.1)
    - [CWE-613: Insufficient Session Expiration](https://cwe.mitre.org/data/definitions/613.html)
    """

    code = "VC202"
    name = "jwt-signature-not-verified"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (347, 613)
    # Every finding is a call that resolves to PyJWT (`jwt`), python-jose or authlib's `jose`, so the file imports one,
    # or a base64 decode of a token's payload.
    file_hints = ("jwt", "jose", "b64decode")
    fixable = True
    applies_to_tests = False  # a test decodes the token it was handed to read its claims; no attacker sends it

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Per scope (module, then each enclosing function): names bound to an options dict -> disables verification.
        self._scopes: list[dict[str, bool]] = [{}]
        self._expiry_scopes: list[dict[str, bool]] = [{}]  # the same for dicts that turn the expiry check off
        self._deliberate = 0  # depth of assignments to a name such as `unverified_claims`
        self._expiry_reasons = [False]  # per function: its name says why it reads expired tokens (`refresh_token`)
        self._deliberate_returns = [False]  # per function: its name says it returns unverified claims
        self._expiry_reads = [False]  # per function: its name says it reads when a token expires (`refresh_...`)
        self._function_nodes: list[cst.FunctionDef] = []
        self._handlers = 0  # depth of `except` blocks: a decode there retries after a failed one (VC216's)
        # Per scope: names bound to algorithm names (`ALGORITHM = "HS256"`, `ALGORITHMS = ["RS256", ALGORITHM]`).
        self._algorithms: list[dict[str, list[str]]] = [{}]
        self._decodes: list[_Decode] = []
        self._signing: list[tuple[cst.BaseExpression | None, list[str]]] = []  # each encode's algorithm, its names

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append({})
        self._expiry_scopes.append({})
        self._algorithms.append({})
        self._expiry_reasons.append(self._expiry_reasons[-1] or bool(EXPIRY_REASON_WORDS & set(words(node.name.value))))
        self._deliberate_returns.append(bool(DELIBERATE_WORDS & set(words(node.name.value))))
        self._expiry_reads.append(bool(CLIENT_EXPIRY_WORDS & set(words(node.name.value))))
        self._function_nodes.append(node)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        if "b64decode" in self.context.source and not self._deliberate_returns[-1]:
            for call in hand_decoded_payloads(node, self.qualified_name):
                self.report(call, f"`{self.context.module.code_for_node(call.func)}()` reads the claims of a token by "
                            "hand, from its middle part, without checking its signature, so a forged token is accepted.",
                            hint=HAND_DECODE_HINT)
        self._deliberate_returns.pop()
        self._expiry_reads.pop()
        self._function_nodes.pop()
        self._scopes.pop()
        self._expiry_scopes.pop()
        self._algorithms.pop()
        self._expiry_reasons.pop()

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._handlers += 1

    def leave_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._handlers -= 1

    def _reads_own_expiry(self, call: cst.Call) -> bool:
        """An API client reading when the token it holds expires: two of three signs, the token is its own, kept on
        `self`, not one a request brought (`jwt.decode(self._access_token, options={"verify_signature": False})`),
        the method is named for its expiry (`_refresh_access_token_if_about_to_expire`), and the claims are read
        for nothing but when they expire (`claims["exp"]`)."""
        token = argument(call, 0, "jwt")
        own = type(token) is cst.Attribute and (get_full_name_for_node(token) or "").startswith("self.")
        only_times = bool(self._function_nodes) and _reads_only_time_claims(self._function_nodes[-1], call)
        return sum((own, self._expiry_reads[-1], only_times)) >= 2

    def _algorithm_names(self, node: cst.CSTNode | None) -> list[str]:
        """The algorithm names an expression spells: literals, and names bound to literals in this file."""
        items = elements(node)
        found: list[str] = []
        for item in (node,) if items is None else items:
            value = string_value(item)
            if value is not None:
                found.append(value)
            elif isinstance(item, cst.Name):
                found.extend(next((s[item.value] for s in reversed(self._algorithms) if item.value in s), []))
        return found

    def _spelled_out(self, node: cst.BaseExpression) -> bool:
        """Every algorithm an expression gives is a literal or a name bound to one (`alg = "RS256"`, then
        `algorithms=[alg]`), whatever the name reads like."""
        items = elements(node)
        return all(string_value(item) is not None or (isinstance(item, cst.Name) and bool(self._algorithm_names(item)))
                   for item in ((node,) if items is None else items))

    def visit_Return(self, node: cst.Return) -> None:
        if self._deliberate_returns[-1]:
            self._deliberate += 1  # `def get_unverified_claims(token): return jwt.decode(...)` says what it returns

    def leave_Return(self, node: cst.Return) -> None:
        if self._deliberate_returns[-1]:
            self._deliberate -= 1

    def leave_Assign(self, node: cst.Assign) -> None:
        if self._names_deliberate(node):
            self._deliberate -= 1
        if self._names_reason(node):
            self._expiry_reasons.pop()

    @staticmethod
    def _names_deliberate(node: cst.Assign) -> bool:
        return any(DELIBERATE_WORDS & set(words(target_name(t.target) or "")) for t in node.targets)

    @staticmethod
    def _names_reason(node: cst.Assign) -> bool:
        return any(EXPIRY_REASON_WORDS & set(words(target_name(t.target) or "")) for t in node.targets)

    def _settings_switch(self, node: cst.Assign) -> None:
        """`GRAPHQL_JWT = {"JWT_VERIFY": False, ...}` in a settings module."""
        if type(node.value) is not cst.Dict or not any(
                type(t.target) is cst.Name and t.target.value in JWT_SETTINGS for t in node.targets):
            return
        for element in node.value.elements:
            if type(element) is cst.DictElement and type(element.key) is cst.SimpleString \
                    and element.key.evaluated_value == JWT_VERIFY_KEY and is_false(element.value):
                self.report(element, f"`\"{JWT_VERIFY_KEY}\": False` makes the JWT package accept tokens without "
                            "checking their signature, so anyone can forge a token for any user.",
                            hint=f"Remove `{JWT_VERIFY_KEY}` (it verifies by default) and keep the signing key secret.")

    def visit_Assign(self, node: cst.Assign) -> None:
        self._settings_switch(node)
        if self._names_deliberate(node):
            self._deliberate += 1
        if self._names_reason(node):
            self._expiry_reasons.append(True)
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                names = self._algorithm_names(node.value)
                if names:
                    self._algorithms[-1][target.target.value] = names
                else:  # rebound to what spells no algorithm (`alg = header["alg"]`): what it held is gone
                    self._algorithms[-1].pop(target.target.value, None)
                disabled = _disables_verification(node.value)
                if disabled is not None:
                    self._scopes[-1][target.target.value] = disabled
                    self._expiry_scopes[-1][target.target.value] = bool(options_turn_off(node.value, EXPIRY_OPTIONS))
            elif (isinstance(target.target, cst.Subscript) and isinstance(target.target.value, cst.Name)
                  and subscript_key(target.target) in VERIFY_OPTIONS and is_false(node.value)):
                self._scopes[-1][target.target.value.value] = True

    def visit_Call(self, node: cst.Call) -> None:
        qualified = self.qualified_name(node)
        if qualified in UNVERIFIED_READERS:
            self.report(node, f"`{qualified.rsplit('.', 2)[-2]}.get_unverified_claims()` returns claims whose signature "
                        "nobody checked, so they must not identify or authorise the caller.",
                        hint="Read the claims from `jwt.decode(token, key, algorithms=[...])`, which verifies the signature.")
            return
        if qualified in ENCODERS:
            self._check_encoder(node, qualified)
            return
        if qualified in ALGORITHM_HOLDERS:
            problem = self._allowed_problem(argument(node, *ALGORITHM_HOLDERS[qualified]), qualified.rsplit(".", 1)[-1])
            if problem is not None:
                message, hint, severity = problem
                self.report(node, message, hint=hint, severity=severity)
            return
        if qualified not in DECODERS:
            return
        callee = qualified.rsplit(".", 1)[-1]
        algorithms = argument(node, 2, "algorithms")
        if self._verification_disabled(node):
            if not self._deliberate and not self._reads_own_expiry(node):
                self._defer(node, f"`jwt.{callee}()` is called with signature verification turned off, so a forged "
                            "token is accepted.", algorithms)
            return
        if algorithms is None or is_none(algorithms):
            if not has_star_args(node) and not is_false(argument(node, 2, "verify")):
                self._defer(node, f"`jwt.{callee}()` is called without `algorithms=`, so the token's own header picks "
                            "the algorithm (and PyJWT 2 rejects every token).", algorithms)
            return
        if is_false(algorithms):
            self._defer(node, f"`jwt.{callee}()` is called with `verify=False` (PyJWT 1), so a forged token is accepted.",
                        algorithms)
        elif takes_header_algorithm(algorithms) and not self._spelled_out(algorithms) and not (
                self._function_nodes and _pinned_by_refusal(
                algorithms, self._function_nodes[-1])):
            self._defer(node, f"`jwt.{callee}()` takes `algorithms` from the token's own header, so the attacker "
                        "chooses how the token is checked.", algorithms)
        else:
            problem = self._allowed_problem(algorithms, f"jwt.{callee}")
            if problem is not None:
                message, hint, severity = problem
                self._decodes.append(_Decode(node, message, severity, self._algorithm_names(algorithms),
                                             len(self._algorithms) > 1, hint))
            elif self._skips_expiry(node):
                self.report(node, f"`jwt.{callee}()` is called with the expiry check off, so a stolen or logged-out "
                            "token is accepted forever.", severity=Severity.MEDIUM, cwe=(613,), hint=EXPIRY_HINT)
            elif skips_audience(node, self.qualified_name) and self._public_key_signed(algorithms):
                self.report(node, f"`jwt.{callee}()` checks a public-key signed token with the audience check off, so "
                            "a token the identity provider issued to another app is accepted as one for this app.",
                            severity=Severity.MEDIUM, hint="Pass `audience=` your client id (and `issuer=`) and keep "
                            "`verify_aud` on.")

    def _public_key_signed(self, algorithms: cst.BaseExpression | None) -> bool:
        """`algorithms=["RS256"]`: an identity provider's token, checked with its public key."""
        names = self._algorithm_names(algorithms)
        return bool(names) and all(name.upper().startswith(PUBLIC_KEY_PREFIXES) for name in names)

    def _skips_expiry(self, node: cst.Call) -> bool:
        """The expiry check is off (`options={"verify_exp": False}`, a dict so bound, `verify_expiration=False`) for no
        visible reason: not in an `except` retrying a failed decode (VC216 judges that), nor in a refresh or logout
        flow (`def refresh_token`, `expired_claims = ...`)."""
        if self._handlers or self._expiry_reasons[-1]:
            return False
        if skips_expiry(node, self.qualified_name):
            return True
        options = argument(node, 3, "options")
        return isinstance(options, cst.Name) and next(
            (s[options.value] for s in reversed(self._expiry_scopes) if options.value in s), False)

    def _defer(self, node: cst.Call, message: str, algorithms: cst.BaseExpression | None) -> None:
        self._decodes.append(_Decode(node, message, None, self._algorithm_names(algorithms), len(self._algorithms) > 1))

    def _allowed_problem(self, algorithms: cst.CSTNode | None, callee: str) -> tuple[str, str, Severity | None] | None:
        """`none` among the accepted algorithms, or HMAC beside public-key ones (key confusion): message, hint, severity."""
        names = [name.upper() for name in self._algorithm_names(algorithms)]
        if "NONE" in names:
            return f"`{callee}()` accepts the `none` algorithm, so an unsigned token passes.", HINT, None
        if mixes_families(names):
            return (f"`{callee}()` accepts both HMAC and public-key algorithms, so a token signed with the public key "
                    "as its HMAC secret can pass (algorithm confusion).", "Accept only the one algorithm family your key "
                    "belongs to, e.g. `algorithms=[\"RS256\"]` for an RSA public key.", Severity.MEDIUM)
        return None

    def leave_Module(self, node: cst.Module) -> None:
        verifier = self._verifier() if self._decodes else None
        for decode in self._decodes:
            usable = verifier if verifier is not None and (decode.in_function or not verifier.by_name) else None
            self.report(decode.call, decode.message, hint=decode.hint, severity=decode.severity,
                        fix=verified(decode.call, usable, decode.accepted))

    def _verifier(self) -> Verifier | None:
        """The algorithms the file's tokens are signed with, as an `algorithms=` value; None when the file does not say.

        A module constant named for them (bound once, one family), else the one algorithm of every encode call.
        """
        top_level = _top_level_names(self.context.module)
        constants = [(name, elements(value) is not None, frozenset(n.upper() for n in self._algorithms[0][name]))
                     for name, value in top_level.items()
                     if "ALGORITHM" in name.upper() and value is not None and name in self._algorithms[0]
                     and one_family(self._algorithms[0][name]) and times_bound(self.context, name) == 1]
        signing = [(value, names) for value, names in self._signing  # unsigned tokens (reported) say nothing
                   if not is_none(value) and "NONE" not in {n.upper() for n in names}]
        spelled = {frozenset(n.upper() for n in names): names for _, names in signing if names}  # `EdDSA` as written
        readable = set(spelled)
        opaque = [value for value, names in signing if value is not None and not names]
        if constants:
            if opaque or len({names for _, _, names in constants} | readable) != 1:
                return None
            name, is_list, names = next((c for c in constants if c[1]), constants[0])
            return Verifier(from_constant(name, is_list), names, by_name=True)
        if readable and not opaque:
            names = readable.pop()
            return Verifier(from_names(spelled[names]), names, by_name=False) if not readable and one_family(names) else None
        code = self.context.module.code_for_node
        if opaque and not readable and len({code(value) for value in opaque}) == 1:
            root = _root_name(opaque[0])
            if root is not None and root in top_level and times_bound(self.context, root) == 1:
                return Verifier(cst.List([cst.Element(opaque[0])]), None, by_name=True)
        return None

    def _check_encoder(self, node: cst.Call, qualified: str) -> None:
        algorithm = argument(node, *ENCODERS[qualified])
        self._signing.append((algorithm, [DEFAULT_SIGNING] if algorithm is None else self._algorithm_names(algorithm)))
        # PyJWT signs with `none` when `algorithm=None`; python-jose refuses it
        unsigned = is_none(algorithm) and qualified.startswith("jwt.")
        if unsigned or any(name.lower() == "none" for name in self._algorithm_names(algorithm)):
            callee = qualified.split(".", 1)[-1] if qualified.startswith("jose.") else qualified
            self.report(node, f"`{callee}()` signs with the `none` algorithm, so it issues unsigned tokens that "
                        "anyone can forge.", hint="Sign with a real algorithm and a secret key, e.g. "
                        "`jwt.encode(claims, os.environ[\"JWT_SECRET\"], algorithm=\"HS256\")`.")

    def _verification_disabled(self, node: cst.Call) -> bool:
        if "verify" in keyword_names(node) and is_false(argument(node, None, "verify")):
            return True
        options = argument(node, 3, "options")
        if options is None:
            return False
        disabled = _disables_verification(options)
        if disabled is None and isinstance(options, cst.Name):
            disabled = next((s[options.value] for s in reversed(self._scopes) if options.value in s), None)
        return bool(disabled) and not is_true(argument(node, None, "verify"))


# Comparisons that single out a value the code did not expect: `alg != settings.ALGORITHM`, `alg not in ALLOWED`.
REFUSING_OPERATORS = (cst.NotEqual, cst.NotIn, cst.IsNot)


def _pinned_by_refusal(algorithms: cst.BaseExpression, function: cst.FunctionDef) -> bool:
    """`alg = header["alg"]`, then `if alg != self.OIDC_RP_SIGN_ALGO: raise ...` before the decode: the header's
    algorithm is the configured one (or one of the allowed ones) by the time it is passed, not the attacker's pick."""
    if isinstance(algorithms, (cst.List, cst.Tuple)) and len(algorithms.elements) == 1:
        algorithms = algorithms.elements[0].value  # `algorithms=[alg]`
    if not isinstance(algorithms, cst.Name):
        return False
    name = algorithms.value
    return any(_refuses_unexpected(statement, name) for statement in _if_statements(function))


def _if_statements(function: cst.FunctionDef) -> list[cst.If]:
    found, pending = [], list(function.body.body) if isinstance(function.body, cst.IndentedBlock) else []
    while pending:
        statement = pending.pop()
        if isinstance(statement, cst.If):
            found.append(statement)
        for block in (getattr(statement, "body", None), getattr(statement, "orelse", None)):
            inner = getattr(block, "body", None)
            if isinstance(inner, (list, tuple)):
                pending.extend(inner)
    return found


def _refuses_unexpected(statement: cst.If, name: str) -> bool:
    test = statement.test
    if not (isinstance(test, cst.Comparison) and isinstance(test.left, cst.Name) and test.left.value == name
            and len(test.comparisons) == 1 and isinstance(test.comparisons[0].operator, REFUSING_OPERATORS)):
        return False
    body = statement.body.body if isinstance(statement.body, cst.IndentedBlock) else []
    return any(isinstance(line, cst.SimpleStatementLine) and any(isinstance(small, cst.Raise) for small in line.body)
               for line in body)
