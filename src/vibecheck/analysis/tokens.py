"""How JWT libraries are called: which calls decode, and which spellings switch a check off.

Shared by the rules that judge a decode itself (VC202), what a failed check falls back to (VC216) and what
the unverified claims go on to decide (VC207). Only literal options are read here; a rule that follows
names bound to an options dict does so itself.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.literals import string_value

# PyJWT (`jwt`), python-jose (`jose.jwt`): `decode(token, key, algorithms, options, ...)`.
DECODERS = frozenset({
    "jwt.decode", "jwt.decode_complete", "jwt.api_jwt.decode", "jwt.api_jwt.decode_complete", "jwt.PyJWT.decode",
    "jose.jwt.decode",
})
# Readers that never verify: their result must not decide who the caller is.
UNVERIFIED_READERS = frozenset({"jose.jwt.get_unverified_claims", "jwt.get_unverified_claims"})
# Options (and PyJWT 1 keywords) that turn the signature check or the expiry check off when False.
SIGNATURE_OPTIONS = frozenset({"verify_signature"})
EXPIRY_OPTIONS = frozenset({"verify_exp", "verify_expiration"})
AUDIENCE_OPTIONS = frozenset({"verify_aud"})
# Signed-token readers whose tokens carry the time they were signed, and the position of their `max_age`: without
# one, a token signed years ago still passes (itsdangerous, Django's `TimestampSigner`).
TIMED_SERIALIZERS = frozenset({
    "itsdangerous.URLSafeTimedSerializer", "itsdangerous.TimedSerializer", "itsdangerous.TimestampSigner",
    "itsdangerous.url_safe.URLSafeTimedSerializer", "itsdangerous.timed.TimedSerializer",
    "itsdangerous.timed.TimestampSigner", "django.core.signing.TimestampSigner",
})
TIMED_READS = frozenset({"loads", "unsign", "unsign_object"})
TIMED_MAX_AGE_POSITION = 1
# Django's `signing.loads(s, key, salt, serializer, max_age)`: timed too, and used as often for links that need no
# limit (an unsubscribe link), so only a reader named for signing someone in counts.
DJANGO_SIGNING_LOADS = "django.core.signing.loads"
DJANGO_MAX_AGE_POSITION = 4

QualifiedName = Callable[[cst.CSTNode], "str | None"]


def is_false(node: cst.CSTNode | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "False"


def options_turn_off(options: cst.CSTNode | None, names: frozenset[str]) -> bool | None:
    """True if an options dict (`{"verify_exp": False}`, `dict(verify_exp=False)`) turns one of `names` off;
    None if it is not a dict literal."""
    if isinstance(options, cst.Dict):
        return any(isinstance(e, cst.DictElement) and string_value(e.key) in names and is_false(e.value)
                   for e in options.elements)
    if isinstance(options, cst.Call) and isinstance(options.func, cst.Name) and options.func.value == "dict":
        return any(a.keyword is not None and a.keyword.value in names and is_false(a.value) for a in options.args)
    return None


def _turns_off(call: cst.Call, names: frozenset[str], legacy: frozenset[str]) -> bool:
    for arg in call.args:
        keyword = arg.keyword.value if arg.keyword is not None else None
        if (keyword in legacy and is_false(arg.value)) or (keyword == "options" and options_turn_off(arg.value, names)):
            return True
    return False


def decodes_unverified(call: cst.Call, qualified_name: QualifiedName) -> bool:
    """`jwt.decode(t, options={"verify_signature": False})`, `jwt.decode(t, verify=False)`, `get_unverified_claims(t)`."""
    name = qualified_name(call) or ""
    if name in UNVERIFIED_READERS:
        return True
    return name in DECODERS and _turns_off(call, SIGNATURE_OPTIONS, frozenset({"verify"}))


def skips_audience(call: cst.Call, qualified_name: QualifiedName) -> bool:
    """`jwt.decode(..., options={"verify_aud": False})`."""
    return (qualified_name(call) or "") in DECODERS and _turns_off(call, AUDIENCE_OPTIONS, frozenset())


def skips_expiry(call: cst.Call, qualified_name: QualifiedName) -> bool:
    """`jwt.decode(..., options={"verify_exp": False})`, `options=dict(verify_exp=False)`, `verify_expiration=False`."""
    return (qualified_name(call) or "") in DECODERS and _turns_off(call, EXPIRY_OPTIONS, EXPIRY_OPTIONS)
