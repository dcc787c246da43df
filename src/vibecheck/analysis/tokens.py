"""How JWT libraries are called: which calls decode, and which spellings switch a check off.

Shared by the rules that judge a decode itself (VC202), what a failed check falls back to (VC216), what
the unverified claims go on to decide (VC207) and whether a signed link is read with an age limit (VC233). Only
literal options are read here; a rule that follows names bound to an options dict does so itself.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from vibecheck.analysis.flow import LOG_LEVELS, LOGGER_NAME, dotted_name
from vibecheck.analysis.nodes import is_name
from vibecheck.cst_fields import walk_own
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


def options_turn_off(options: cst.CSTNode | None, names: frozenset[str]) -> bool | None:
    """True if an options dict (`{"verify_exp": False}`, `dict(verify_exp=False)`) turns one of `names` off;
    None if it is not a dict literal."""
    if isinstance(options, cst.Dict):
        return any(isinstance(e, cst.DictElement) and string_value(e.key) in names and is_name(e.value, "False")
                   for e in options.elements)
    if isinstance(options, cst.Call) and isinstance(options.func, cst.Name) and options.func.value == "dict":
        return any(a.keyword is not None and a.keyword.value in names and is_name(a.value, "False") for a in options.args)
    return None


def _turns_off(call: cst.Call, names: frozenset[str], legacy: frozenset[str]) -> bool:
    for arg in call.args:
        keyword = arg.keyword.value if arg.keyword is not None else None
        if (keyword in legacy and is_name(arg.value, "False")) or (keyword == "options" and options_turn_off(arg.value, names)):
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


# A JWT read by hand: the middle of the token's three dot-separated parts, base64-decoded and parsed as JSON.
BASE64_DECODERS = frozenset({"base64.urlsafe_b64decode", "base64.b64decode", "base64.decodebytes"})
JSON_PARSERS = frozenset({"json.loads", "orjson.loads", "ujson.loads", "simplejson.loads"})
# Calls that check a signature by hand (`hmac.new(key, f"{header}.{payload}", sha256)`, a public key's `verify`):
# a function making one verifies the token whose payload it decodes.
SIGNATURE_CHECKS = frozenset({"hmac.new", "hmac.digest", "hmac.compare_digest", "secrets.compare_digest"})
PAYLOAD_INDEXES = frozenset({"1", "-2"})


def hand_decoded_payloads(function: cst.FunctionDef, qualified_name: QualifiedName) -> list[cst.Call]:
    """The base64 decodes of a token's payload (`token.split(".")[1]`, also through names: `_, payload, _ =
    token.split(".")`, `parts[1]`, a padded copy) in a function that parses JSON and checks no signature, unless
    what they decode reaches nothing but log calls."""
    nodes = list(walk_own(function.body))
    calls = [node for node in nodes if type(node) is cst.Call]
    names = [qualified_name(call) or "" for call in calls]
    if not any(name in JSON_PARSERS for name in names) or any(
            name in SIGNATURE_CHECKS or name.rpartition(".")[2] == "verify" for name in names):
        return []
    assignments = [node for node in nodes if type(node) is cst.Assign]
    splits = {target for node in assignments if _dot_split(node.value, frozenset())
              for target in _assigned_names(node)}
    payloads: set[str] = set()
    for node in assignments:
        if _dot_split(node.value, frozenset()) and len(node.targets) == 1 and type(node.targets[0].target) is cst.Tuple:
            items = node.targets[0].target.elements
            if len(items) == 3 and type(items[1].value) is cst.Name:
                payloads.add(items[1].value.value)
    grown = True
    while grown:  # names bound to what mentions the payload: `padded = payload + "=" * (-len(payload) % 4)`
        grown = False
        for node in assignments:
            if _mentions_payload(node.value, splits, payloads):
                fresh = set(_assigned_names(node)) - payloads
                grown = grown or bool(fresh)
                payloads |= fresh
    return [call for call, name in zip(calls, names, strict=True) if name in BASE64_DECODERS and call.args
            and _mentions_payload(call.args[0].value, splits, payloads)
            and not _only_logged(call, nodes, assignments, qualified_name)]


def _only_logged(decode: cst.Call, nodes: list[cst.CSTNode], assignments: list[cst.Assign],
                 qualified_name: QualifiedName) -> bool:
    """Whether the decoded claims go nowhere but into log calls (`_LOGGER.debug(f"Tenant: {claims['tid']}")`), also
    through names bound to them: a debug line about the token a client just obtained decides nothing, so a forged
    token gets nobody in. A name bound to them that is returned, tested, stored on an object or passed to any other
    call than a reading one (`claims.get("upn")`, `json.loads`, `.decode()`) lets them decide."""
    logs = [node for node in nodes if type(node) is cst.Call and _is_log_call(node, qualified_name)]
    logged = {id(inner) for log in logs for inner in walk_own(log)}
    bound: set[str] = set()
    carriers: dict[int, cst.Assign] = {}
    grown = True
    while grown:  # names bound to what holds the claims: `claims = json.loads(...)`, `upn = claims.get("upn")`
        grown = False
        for node in assignments:
            if id(node) in carriers or not any(
                    inner is decode or (type(inner) is cst.Name and inner.value in bound) for inner in walk_own(node.value)):
                continue
            targets = _assigned_names(node)
            if len(targets) != len(node.targets):
                return False  # `self.claims = ...`, `a, b = ...`: kept where the function does not show its use
            carriers[id(node)] = node
            bound |= set(targets)
            grown = True
    if id(decode) not in logged and not carriers or any(
            _hands_on(node, decode, bound) for node in nodes
            if type(node) is cst.Call and node is not decode and id(node) not in {id(log) for log in logs}):
        return False
    allowed = logged | {id(inner) for node in carriers.values() for inner in walk_own(node)}
    uses = [node for node in nodes if type(node) is cst.Name and node.value in bound]
    return all(id(node) in allowed for node in uses) and (id(decode) in logged or any(id(node) in logged for node in uses))


# Calls that only read or reshape what they are given: claims passed to one are still only being read.
READING_CALLS = frozenset({"get", "decode", "encode", "format", "join", "strip", "lower", "upper", "str", "repr",
                           "loads", "urlsafe_b64decode", "b64decode", "decodebytes", "items", "keys", "values"})


def _hands_on(call: cst.Call, decode: cst.Call, bound: set[str]) -> bool:
    """Whether a call other than a reading one is given the decoded claims (`grant(claims["role"])`)."""
    func = call.func
    tail = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else ""
    return tail not in READING_CALLS and any(
        inner is decode or (type(inner) is cst.Name and inner.value in bound) for inner in walk_own(call))


def _is_log_call(call: cst.Call, qualified_name: QualifiedName) -> bool:
    """`logging.info(...)`, `logger.debug(...)`, `_LOGGER.log(...)`, `self.log.warning(...)`."""
    func = call.func
    if type(func) is not cst.Attribute or func.attr.value not in LOG_LEVELS:
        return False
    name = qualified_name(call) or ""
    if name.startswith("logging.") and name.count(".") == 1:
        return True
    receiver = dotted_name(func.value)
    return receiver is not None and LOGGER_NAME.search(receiver.rsplit(".", 1)[-1]) is not None


def _assigned_names(node: cst.Assign) -> list[str]:
    return [target.target.value for target in node.targets if type(target.target) is cst.Name]


def _dot_split(node: cst.CSTNode, splits: frozenset[str] | set[str]) -> bool:
    """`token.split(".")` (or `rsplit`), or a name bound to one."""
    if type(node) is cst.Name:
        return node.value in splits
    return type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in ("split", "rsplit") \
        and bool(node.args) and string_value(node.args[0].value) == "."


def _mentions_payload(node: cst.CSTNode, splits: set[str], payloads: set[str]) -> bool:
    """The expression holds the token's middle part: `token.split(".")[1]`, `parts[1]`, or a name bound to it."""
    for inner in walk_own(node):
        if type(inner) is cst.Name and inner.value in payloads:
            return True
        if type(inner) is cst.Subscript and _dot_split(inner.value, splits) and len(inner.slice) == 1:
            index = inner.slice[0].slice
            if type(index) is cst.Index and cst.Module([]).code_for_node(index.value) in PAYLOAD_INDEXES:
                return True
    return False
