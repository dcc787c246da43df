"""VC202: a JWT decoded without checking its signature or with an algorithm the token chooses."""

from __future__ import annotations

import libcst as cst

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
    string_items,
    string_value,
    subscript_key,
    target_name,
    value_name,
)
from vibecheck.rules.auth.names import words

# PyJWT (`jwt`), python-jose (`jose.jwt`): `decode(token, key, algorithms, options, ...)`.
DECODERS = frozenset({
    "jwt.decode", "jwt.decode_complete", "jwt.api_jwt.decode", "jwt.api_jwt.decode_complete", "jwt.PyJWT.decode",
    "jose.jwt.decode",
})
# Readers that never verify: their result must not decide who the caller is.
UNVERIFIED_READERS = frozenset({"jose.jwt.get_unverified_claims", "jwt.get_unverified_claims"})
VERIFY_OPTIONS = frozenset({"verify_signature"})
# A result stored under such a name is read on purpose without trust (e.g. to pick the verification key).
DELIBERATE_WORDS = frozenset({"unverified", "untrusted", "insecure"})
HINT = 'Pass the signing key and a fixed list such as `algorithms=["HS256"]`, and keep signature verification on.'


def _disables_verification(options: cst.CSTNode | None) -> bool | None:
    """True if an options dict turns signature checking off; None if it is not a dict we can read."""
    if isinstance(options, cst.Dict):
        return any(isinstance(e, cst.DictElement) and string_value(e.key) in VERIFY_OPTIONS and is_false(e.value)
                   for e in options.elements)
    if isinstance(options, cst.Call) and isinstance(options.func, cst.Name) and options.func.value == "dict":
        return any(a.keyword is not None and a.keyword.value in VERIFY_OPTIONS and is_false(a.value) for a in options.args)
    return None


def _names_header_algorithm(node: cst.CSTNode) -> bool:
    """`header["alg"]`, `header.get("alg")`: the algorithm written in the token itself."""
    return value_name(node) == "alg"


class JwtSignatureNotVerified(Rule):
    """A JWT is decoded without verifying its signature, or the token itself chooses the algorithm.

    ## What it does
    Reports PyJWT and python-jose `jwt.decode(...)` calls (also `decode_complete`, and through aliases such
    as `import jwt as pyjwt` or `from jose import jwt`) that:
    - turn verification off: `verify=False`, `options={"verify_signature": False}` (also through a
      variable holding such a dict, or `opts["verify_signature"] = False`, in the same function);
    - accept the `none` algorithm (`algorithms=["none"]`);
    - take `algorithms` from the token's own header (`algorithms=[header["alg"]]`);
    - pass no `algorithms` at all: python-jose and PyJWT 1 then let the token's header pick the
      algorithm (the HS256/RS256 key-confusion attack), and PyJWT 2 rejects every token.

    It also reports `jwt.get_unverified_claims(...)` (python-jose), which returns claims nobody checked.
    `get_unverified_header` is not reported: reading the `kid` to pick a key is its normal use. Neither is
    an unverified decode whose result is stored under a name that says so (`unverified_claims = ...`):
    libraries read claims that way to choose the key, then verify.

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

    ## References
    - [CWE-347: Improper Verification of Cryptographic Signature](https://cwe.mitre.org/data/definitions/347.html)
    - [PyJWT: `jwt.decode`](https://pyjwt.readthedocs.io/en/stable/api.html#jwt.decode)
    - [RFC 8725: JSON Web Token Best Current Practices, section 3.1](https://www.rfc-editor.org/rfc/rfc8725#section-3.1)
    """

    code = "VC202"
    name = "jwt-signature-not-verified"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (347,)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Per scope (module, then each enclosing function): names bound to an options dict -> disables verification.
        self._scopes: list[dict[str, bool]] = [{}]
        self._deliberate = 0  # depth of assignments to a name such as `unverified_claims`

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.append({})

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._scopes.pop()

    def leave_Assign(self, node: cst.Assign) -> None:
        if self._names_deliberate(node):
            self._deliberate -= 1

    @staticmethod
    def _names_deliberate(node: cst.Assign) -> bool:
        return any(DELIBERATE_WORDS & set(words(target_name(t.target) or "")) for t in node.targets)

    def visit_Assign(self, node: cst.Assign) -> None:
        if self._names_deliberate(node):
            self._deliberate += 1
        for target in node.targets:
            if isinstance(target.target, cst.Name):
                disabled = _disables_verification(node.value)
                if disabled is not None:
                    self._scopes[-1][target.target.value] = disabled
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
        if qualified not in DECODERS:
            return
        callee = qualified.rsplit(".", 1)[-1]
        if self._verification_disabled(node):
            if self._deliberate:
                return
            self.report(node, f"`jwt.{callee}()` is called with signature verification turned off, so a forged token "
                        "is accepted.", hint=HINT)
            return
        algorithms = argument(node, 2, "algorithms")
        if algorithms is None or is_none(algorithms):
            if not has_star_args(node) and not is_false(argument(node, 2, "verify")):
                self.report(node, f"`jwt.{callee}()` is called without `algorithms=`, so the token's own header picks "
                            "the algorithm (and PyJWT 2 rejects every token).", hint=HINT)
            return
        if is_false(algorithms):
            self.report(node, f"`jwt.{callee}()` is called with `verify=False` (PyJWT 1), so a forged token is accepted.",
                        hint=HINT)
        elif any(value.lower() == "none" for value in string_items(algorithms)):
            self.report(node, f"`jwt.{callee}()` accepts the `none` algorithm, so an unsigned token passes.", hint=HINT)
        elif _names_header_algorithm(algorithms) or any(_names_header_algorithm(e) for e in elements(algorithms) or []):
            self.report(node, f"`jwt.{callee}()` takes `algorithms` from the token's own header, so the attacker "
                        "chooses how the token is checked.", hint=HINT)

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
