"""VC204: a password, token, signature, api key or digest compared with `==`/`!=` instead of in constant time."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.import_edits import reference
from vibecheck.analysis.nodes import concrete_subclasses, head_name
from vibecheck.cst_fields import child_nodes, names_in, own_nodes, own_nodes_of, own_returns
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import NodeFix, Rule
from vibecheck.rules.auth.exprs import is_constant_display, literal_bindings, subscript_key, value_name
from vibecheck.rules.auth.names import (
    COMPARED_SECRETS,
    DIGEST,
    OTP,
    PASSWORD_KIND,
    SESSION_ID,
    SIGNATURE,
    TOKEN,
    head_kinds,
    mentions_secret_word,
    secret_kinds,
    words,
)

# Two user inputs compared with each other (`password == confirm_password`, `new_password == old_password`).
CONFIRMATION_WORDS = frozenset({"confirm", "confirmation", "confirmed", "repeat", "repeated", "again", "retype",
                                "retyped", "verify", "2"})
CHANGE_WORDS = (frozenset({"new"}), frozenset({"old", "current", "previous", "existing"}))
# Roots of an attribute chain that hold what the client sent (`request.session_id`, `cookies.sid`).
CLIENT_ROOTS = frozenset({"request", "req", "headers", "cookies", "query", "params", "form", "body", "payload", "data"})
# Words of a class name whose upper-case attributes are settings (`Config.API_KEY`), not enum members.
SETTINGS_CLASS_WORDS = frozenset({"config", "configuration", "settings", "conf", "secrets", "env", "environment"})
# Last words of upper-case constants that hold a secret even without a kind word: `EXPECTED_KEY`, `WEBHOOK_HASH`.
SECRET_CONSTANT_HEADS = frozenset({"key", "secret", "hash", "digest"})
# Fields a client sends the invite code it was given in, named for the invite alone (`body.invite`).
PRESENTED_INVITE_FIELDS = frozenset({"invite", "invitation"})
# Two hashes or digests compared (`refresh_token_hash == rt.hash`, `other_token.digest != auth_token.digest`): the
# server hashed the presented token and looks up the stored hash, compares two stored rows, or checks a content
# checksum that anyone can compute; the client cannot steer a hash's leading bytes, so `==` leaks nothing usable.
# A keyed hash (an HMAC) is a signature, whichever name holds it.
HASH_WORDS = frozenset({"hash", "digest"})
# `hashlib`'s unkeyed constructors, whose digest of public data is a checksum.
UNKEYED_HASHES = frozenset({"md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "sha3_512", "blake2b",
                            "blake2s"})
# A function named for the unkeyed checksum it computes (`md5sum(path)`, `file_sha256(p)`, `compute_checksum(blob)`).
CHECKSUM_FUNCTION = lazy_pattern(r"md5|sha1|sha2\d\d|sha3|sha384|sha512|blake2|crc32|checksum", re.IGNORECASE)
# The last word of a record's entry that holds an unkeyed checksum (`content_sha256`, `md5`, `checksum`).
CHECKSUM_KEY = lazy_pattern(r"(?:^|[-_.])(?:md5|sha1|sha2\d\d|sha3(?:[-_]?\d+)?|sha384|sha512|blake2[bs]?|crc32|checksum)$",
                            re.IGNORECASE)
# `hashlib`'s factories that take the algorithm's name: `hashlib.new("sha256")`, `hashlib.file_digest(f, "sha256")`.
HASHLIB_FACTORIES = frozenset({"new", "file_digest"})
# Words of a function named for the digest it makes (`hasher(data)`, `compute_digest(blob)`, `store.fingerprint(b)`).
DIGEST_FUNCTION_WORDS = frozenset({"hash", "hasher", "digest", "fingerprint", "checksum"})
# Words of a function, or of what it is reached through, that signs (`self.signer.digest`, `hmac.digest`).
SIGNING_WORDS = frozenset({"hmac", "mac", "sign", "signed", "signer", "signing", "signature", "keyed"})
# Words of an argument that is a key: a digest made with one is keyed (`hasher(key, body)`), a signature.
KEY_WORDS = frozenset({"key", "secret", "salt", "pepper"})
# What turns a digest into the text a provider sends (`base64.b64encode(mac)`, `binascii.hexlify(mac)`).
TEXT_ENCODINGS = frozenset({"b64encode", "urlsafe_b64encode", "standard_b64encode", "b16encode", "b32encode",
                            "hexlify"})
# Words of a function that makes a keyed digest (a signature), which a client may be able to steer.
KEYED_WORDS = frozenset({"hmac", "mac", "sign", "signed", "signature"})
# The records whose `password` attribute is the stored one (`user.password` is Django's hashed field), not a try.
ACCOUNT_RECORDS = frozenset({"user", "account", "member", "customer", "owner", "profile", "instance", "record"})
# Words of a class or function that holds a lock (`class Lock`, `def release_lock`): its token says which holder owns
# the lock, an id the program keeps and compares to release only its own lock, not a secret anyone guesses.
LOCK_WORDS = frozenset({"lock", "locks", "mutex", "lease", "semaphore", "redlock"})
# A CapWords name (`OAuthToken`, `SecretStr`): a class by convention, never a value that holds a secret.
CLASS_NAME = lazy_pattern(r"^_*[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$")
# Displays of several values: a side spelled as one is a structure (a lexer's `(kind, value)` token), never a secret.
STRUCTURE_DISPLAYS = frozenset({cst.Tuple, cst.List, cst.Set, cst.Dict})
# The mapping protocol's methods, whose `key` parameter names a slot (`__setitem__(self, key, value)`), not a secret.
MAPPING_METHODS = frozenset({"__setitem__", "__getitem__", "__delitem__", "__contains__", "get", "pop", "setdefault"})
# Last words of a name that holds which kind of a thing it is (`sc.method`, `auth_type`, `scheme`): an upper-case
# constant compared with it is one of the kinds (saml2's `SCM_BEARER`, the bearer confirmation method), not a secret.
KIND_WORDS = frozenset({"method", "type", "kind", "scheme", "mode", "format"})
# What a secret's text answers to: the attributes of `str` and `bytes`. A value the function reads any other
# attribute of is an object.
TEXT_ATTRIBUTES = frozenset(dir(str)) | frozenset(dir(bytes))
# Equality methods compare whole objects by design.
EQUALITY_METHODS = frozenset({"__eq__", "__ne__", "__hash__", "__lt__", "__le__", "__gt__", "__ge__"})
# pyotp's generators and the methods that give the code they expect now or at a time or count.
OTP_CLASSES = frozenset({"TOTP", "HOTP"})
OTP_METHODS = frozenset({"now", "at"})
# The kind named in the message, most specific first.
KIND_ORDER = ("signature", "digest", "api key", "csrf token", "session id", "one-time code", "token", "secret", "password")
HINT = "Compare with `hmac.compare_digest(a, b)`, which takes the same time however much of the value matches."
# Values that are `None` when absent: `compare_digest(None, b)` raises `TypeError` where `==` answered `False`.
OPTIONAL_LOOKUPS = frozenset({"get", "getenv", "getlist"})
URL_PARSERS = frozenset({"urllib.parse.urlparse", "urllib.parse.urlsplit", "urlparse.urlparse", "urlparse.urlsplit"})
URL_CREDENTIALS = frozenset({"password", "username"})
PASSWORD_HINT = ("Store a salted hash and check it with the hasher's verify function (e.g. `check_password_hash`), "
                 "or at least compare with `hmac.compare_digest(a, b)`.")


def _user_input_pair(left: str, right: str) -> bool:
    """`password` vs `confirm_password`, `new_password` vs `old_password`, `new_passwd` vs `new_passwd_1` (one field
    typed twice, numbered): both come from the same form."""
    if left != right and _unnumbered(left) == _unnumbered(right):
        return True
    left_words, right_words = set(words(left)), set(words(right))
    if (left_words | right_words) & CONFIRMATION_WORDS:
        return True
    new, old = CHANGE_WORDS
    return bool((left_words & new and right_words & old) or (right_words & new and left_words & old))


def _unnumbered(name: str) -> str:
    """`password_sign_up1` -> `password_sign_up`: the name without the number that tells two copies apart."""
    return name.rstrip("0123456789").rstrip("_")


def _conjuncts(test: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
    """The parts of a test joined by `and` (the test itself when it is no `and`)."""
    if type(test) is cst.BooleanOperation and type(test.operator) is cst.And:
        yield from _conjuncts(test.left)
        yield from _conjuncts(test.right)
    else:
        yield test


def _same_form_fields(left: cst.BaseExpression, right: cst.BaseExpression) -> bool:
    """`self.password.data == self.new_password.data`, `form.a.data != form.b.data`: the values of two WTForms fields
    of one form, both of which the client submitted."""
    owners = [get_full_name_for_node(side.value.value) if type(side) is cst.Attribute and side.attr.value == "data"
              and type(side.value) is cst.Attribute else None for side in (left, right)]
    return owners[0] is not None and owners[0] == owners[1]


def _kinds_of(node: cst.BaseExpression, name: str | None) -> frozenset[str]:
    """Upper-case constants count by their head word only (`ADMIN_TOKEN` yes, `SIGNATURE_PLAINTEXT` no)."""
    if _is_hmac_digest(node):
        return frozenset({SIGNATURE})
    if _is_current_code(node):
        return frozenset({OTP})
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _kinds_of(node.left, value_name(node.left)) | _kinds_of(node.right, value_name(node.right))
    if type(node) is cst.Call and _hashes_password_alone(node):
        return frozenset({PASSWORD_KIND})
    if _presented_invite(node):
        return frozenset({OTP})
    if not name:
        return frozenset()
    if isinstance(node, cst.Name) and name.isupper():
        return head_kinds(name) & COMPARED_SECRETS
    return secret_kinds(name) & COMPARED_SECRETS


def _presented_invite(node: cst.BaseExpression) -> bool:
    """`body.invite`, `data["invitation"]`, `request.json.get("invite")`: the invite a client sent, a field of what it
    sent, is the code that lets it in; an `invite` the program holds is as often the invitation's record."""
    field = _record_field(node)
    base = get_full_name_for_node(field[1]) if field is not None and field[0] in PRESENTED_INVITE_FIELDS else None
    return base is not None and bool(CLIENT_ROOTS.intersection(words(base)))


def _is_hmac_digest(node: cst.BaseExpression) -> bool:
    """`hmac.new(key, body, sha256).hexdigest()` or `hmac.digest(...)`: an HMAC, whatever it is called; also behind
    the prefix a provider puts on it (`"sha256=" + ...`, `f"v0={...}"`) or in the text it is sent as
    (`base64.b64encode(...)`, `.decode()`)."""
    inner = _encoded_or_prefixed(node)
    if inner is not None:
        return _is_hmac_digest(inner)
    if not isinstance(node, cst.Call):
        return False
    func = node.func
    if isinstance(func, cst.Attribute) and func.attr.value in ("digest", "hexdigest"):
        inner = func.value
        return (isinstance(inner, cst.Call) and isinstance(inner.func, cst.Attribute)
                and isinstance(inner.func.value, cst.Name) and inner.func.value.value == "hmac")
    return False


def _encoded_or_prefixed(node: cst.BaseExpression) -> cst.BaseExpression | None:
    """The value that `node` only prefixes with a literal or encodes as text: `digest` in `"sha256=" + digest`,
    `f"sha256={digest}"`, `base64.b64encode(digest)` and `digest.decode()`."""
    if type(node) is cst.BinaryOperation and type(node.operator) is cst.Add:
        if isinstance(node.left, (cst.SimpleString, cst.ConcatenatedString)):
            return node.right
        return node.left if isinstance(node.right, (cst.SimpleString, cst.ConcatenatedString)) else None
    if type(node) is cst.FormattedString:
        parts = [p for p in node.parts if type(p) is cst.FormattedStringExpression]
        return parts[0].expression if len(parts) == 1 else None
    if type(node) is not cst.Call:
        return None
    if type(node.func) is cst.Attribute and node.func.attr.value == "decode":
        return node.func.value
    name = (get_full_name_for_node(node.func) or "").rpartition(".")[2]
    return node.args[0].value if name in TEXT_ENCODINGS and node.args else None


def _hashes_password_alone(call: cst.Call) -> bool:
    """`hash_password(password)`, `hashlib.md5(password.encode()).hexdigest()`: a password's digest made from the
    password alone (no salt, no key), as a login compares it with the stored one. Whoever tries passwords picks the
    digest's leading bytes by picking the password, so `==` leaks the stored digest byte by byte, which a fast hash
    then gives up to a dictionary; a salted or keyed digest, unknown to them, does not (`hash_password(pw, user.salt)`)."""
    func = call.func
    if type(func) is cst.Attribute and func.attr.value in ("digest", "hexdigest"):
        made = func.value
        if type(made) is not cst.Call or len(made.args) != 1:
            return False
        algorithm = (get_full_name_for_node(made.func) or "").rpartition(".")[2]
        return algorithm in UNKEYED_HASHES and PASSWORD_KIND in secret_kinds(value_name(made.args[0].value) or "") \
            and not _is_stored_password(made.args[0].value)
    callee = func.value if type(func) is cst.Name else func.attr.value if type(func) is cst.Attribute else ""
    called = set(words(callee))
    return len(call.args) == 1 and bool(called & HASH_WORDS) and not called & KEYED_WORDS \
        and PASSWORD_KIND in secret_kinds(callee) and not _is_stored_password(call.args[0].value)


def _is_stored_password(node: cst.BaseExpression) -> bool:
    """`user.password`, `request.user.password.encode()`, `account.password_hash`: an account's stored password (a
    hash already), not what a caller tries: its digest goes into a token's claim or beside another stored value, and
    nobody trying passwords steers it."""
    while type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "encode":
        node = node.func.value
    if type(node) is not cst.Attribute:
        return False
    receiver = node.value
    holder = receiver.attr.value if type(receiver) is cst.Attribute else receiver.value if type(receiver) is cst.Name \
        else ""
    return holder.lower() in ACCOUNT_RECORDS or holder.lower().endswith("_user")


def _is_current_code(node: cst.BaseExpression) -> bool:
    """`pyotp.TOTP(secret).now()`, `totp.at(when)`, `HOTP(secret).at(counter)`: the one-time code the server expects."""
    if not isinstance(node, cst.Call) or type(node.func) is not cst.Attribute or node.func.attr.value not in OTP_METHODS:
        return False
    owner = node.func.value
    if isinstance(owner, cst.Call):
        return (get_full_name_for_node(owner.func) or "").rsplit(".", 1)[-1] in OTP_CLASSES
    return OTP in secret_kinds(value_name(owner) or "")


def _kind(kinds: frozenset[str]) -> str:
    return next(k for k in KIND_ORDER if k in kinds)


class SecretComparedWithEquals(Rule):
    """A secret is compared with `==` or `!=`, whose timing leaks how much of it matched.

    ## What it does
    Reports `a == b` and `a != b` where one side is named like a password, token, signature, HMAC, digest, api key, CSRF
    token, session id or one-time code (`token`, `user.password`, `request.headers["X-Signature"]`,
    `data.get("api_key")`, `headers.get("Authorization")`, `form.password.data`), or is an HMAC computed on the spot
    (`hmac.new(key, body, sha256).hexdigest()`) or by a function of the file that returns one (`sig == sign(key,
    body)`), also behind a provider's prefix or encoded as text (`"sha256=" + hmac.new(...).hexdigest()`,
    `base64.b64encode(hmac.new(...).digest())`), or is the code a pyotp generator expects (`pyotp.TOTP(secret).now()`,
    `totp.at(when)`), or an invite the client sent, named for the invite alone (`body.invite`, `data["invitation"]`; not
    an `invite` the program holds, often the invitation's record), or a name the function binds to an HMAC (`expected =
    hmac.new(key, body, sha256).hexdigest()`, then `return expected == header`), or is a password's digest made from the
    password alone (`hash_password(password)`, `hashlib.md5(password.encode()).hexdigest()`: whoever tries passwords
    picks the digest's leading bytes, and the stored digest they learn falls to a dictionary; not a salted one,
    `hash_password(password, salt)`, nor a random token's), and the other side is not a literal.

    Not reported, by design:
    - comparisons with a literal or `None` (`token == ""`, `signature != None`), a display (`token == ("end",
      key)`: a lexer's token is a structure, a secret one text), a class (`type_hint == oauth.OAuthToken`), an
      upper-case option (`tok.token == tokenize.NAME`, `status == Status.NO_PASSWORD`, in its own class
      `mechanism == cls.PASSWORD`), or a module or class constant bound to a literal whose name is not a secret's
      (`token == BLOCK_TAG_START`): sentinel checks;
    - a value against its own normal form (`token.strip() != token`, `key == key.lower()`: is it already stripped or
      lower-case?), which holds no second secret;
    - comparisons where one side is an integer (`int(code) == expected`, a parameter typed `int`, or converted first:
      `token = int(token)`, then `totp(key) == token`): Python compares a one-time code's number whole, not digit by
      digit;
    - comparisons where one side is metadata about a secret (`cache_token != current_token`,
      `request.signature_method == method`, `next_token == token`);
    - two values from the same form: `password == confirm_password`, `password != password2`,
      `new_passwd != new_passwd_1` (any name and its numbered copy), `new_password == old_password`, two fields of
      one WTForms form (`self.password.data == self.new_password.data`);
    - names that describe a secret rather than hold it: `token_type`, `token_tenant_uuid`, `len(token)` (also
      against a size named for the secret: `len(secret_key) == crypto_kx_SECRET_KEY_BYTES`),
      `password_length`, `signature_method`; upper-case constants count only when the secret is their last word
      (`ADMIN_TOKEN`, `API_KEY`, but not the option `SIGNATURE_PLAINTEXT`);
    - change detection that copies one side into the other (`if stored != token: stored = token`, also under a
      guard: `if token and stored != token:`), or that compares a value with the copy the function kept of it before
      it could change (`previous_token = self.token`, later `previous_token == self.token`, also in a closure);
    - two hashes or digests held in variables or attributes (`refresh_token_hash == rt.hash`,
      `other_token.digest != auth_token.digest`, `computed_digest == digest` after an unkeyed `hashlib` call,
      `input_digests[i] == ref.digest`, `digest_item(item) != ref.digest`, `hashlib.sha256(body).hexdigest() !=
      expected_digest`, `actual != digest` after
      `actual, size = digest_file(path)`), or named for an unkeyed checksum's algorithm (`hex_digest != content_sha1`,
      not `hmac_sha256`):
      stored values or checksums whose leading bytes the client cannot steer; a name bound to an HMAC still counts;
    - a content checksum computed on the spot against a kept value that names no secret and is not read from the
      request (`state.get(rel) != digest` after `digest = md5sum(path)`, `digest != sha256` after `digest =
      hashlib.sha256(path.read_bytes()).hexdigest()`, `h.hexdigest()` after `h = hashlib.sha256()` or
      `hashlib.file_digest(f, "sha256")`, `record[0] != digest` after `digest = hasher(data)`: a function named for a
      digest given data and no key, not reached through a signer, `hmac`, one of the file's HMAC functions or `self` of a
      signer's class, nor kept in a name for a signature): a file's
      checksum against a manifest's, a cache's or a pinned one; and a
      digest against a kept record's entry named for an unkeyed checksum (`manifest.get("content_sha256") != digest`,
      `meta["md5"]`), not the request's and not a keyed one (`hmac_sha256`);
    - a value against one of the alternatives it was picked from (`token != user_token` after `token = bot_token or
      user_token`, or an `x if c else y`), none of them read from the request: which value the code chose, not a guess;
    - the same secret-named field of two records the program holds (`installation.bot_token != latest.bot_token`,
      also of a mapping: `session.session_id != pending["session_id"]`), neither read from the request nor named for
      what a client presented (`provided.api_key`): whether a stored copy changed;
    - a token inside a lock's class or function (`class Lock: ... stored_token == self.local.token`, `def
      release_lock(...)`): the id of the holder that owns the lock, which the program keeps, not a secret;
    - a record's session id against a session object's own `id`, neither read from the request
      (`job.session_id != state.id`): an ownership check between records the program holds; and a session id
      against the `id` of each record a loop goes through (`[s for s in sessions if s.get("id") == session_id]`):
      a lookup, as a database makes one;
    - an ORM model's column in a query (`.filter(User.api_token == token)`, also through its module:
      `.filter(models.RemoteAuthToken.auth_token == token)`, SQLAlchemy Core's
      `.where(sessions.c.session_id == session_id)`), and a field of the row a query method's lambda stands for
      (Emmett's and pydal's `Share.where(lambda s: s.token == token)`, Pony's `Share.get(lambda s: ...)`; the builtin
      `filter(lambda ...)` still fires): the database looks it up, and Python compares no text;
    - a fixed-length prefix of a buffer against an upper-case constant (`buf[:12] == PP_V2_SIGNATURE`): a
      format's magic number, public by design; and a window moving along a text (`upper[i : i + len(keyword)] ==
      keyword`): a lexer matching a keyword at each position, where a secret is compared whole;
    - an upper-case constant that labels a slot or a kind: against the `key` of a mapping's own method (`if key ==
      auth.SESSION_KEY` in `__setitem__`: Django's name of the session entry holding the user's id) or a name for a
      kind (`sc.method == SCM_BEARER`, `auth_type`, `scheme`): the value is one of the labels, no guess at a secret;
      `key == SESSION_KEY` outside a mapping's methods still fires;
    - the request's own session key against the URL's or the request's value (`kwargs["pk"] ==
      request.session.session_key`): its client sent both, so the timing tells it nothing it does not hold (against a
      stored `record.session_key` it still fires);
    - a value the function reads another attribute of than text's (`failed_signature.output_fields`, then
      `predictor.signature == failed_signature`: a DSPy prompt signature; `stored_token.expires_at`, then
      `stored_token != access_token`): objects compared whole, not a secret's text;
    - a session id in a file that drives a browser (imports `cdp_use`, `playwright`, `selenium`..., or names a
      `BrowserSession` or a `cdp_session`), neither side read from the request (`self._current_session_id ==
      cdp_session.session_id`): the id of a tab's DevTools session, which no client presents as a login;
    - a name the function binds only to truth values (`secret = flag is True`, `not x`, `bool(x)`, `isinstance(...)`,
      a parameter typed `bool`), then `negated != secret`: a `True` or `False` is no secret's text (a loop, an
      unpacking or another value bound to it still counts);
    - `__eq__`-style methods, and test files.

    ## Why is this bad?
    `==` on strings and bytes stops at the first differing byte, so the response time tells an attacker how
    many leading characters of a guess were right; a token or HMAC signature can then be recovered one
    byte at a time. Comparing a password with `==` also means it is stored in plain text.

    ## Example
    ```python
    def verify_webhook(request, secret):
        expected = sign(request.body, secret)
        if request.headers["X-Signature"] != expected:
            raise PermissionError("bad signature")
    ```

    ## Use instead
    ```python
    import hmac

    def verify_webhook(request, secret):
        expected = sign(request.body, secret)
        if not hmac.compare_digest(request.headers["X-Signature"], expected):
            raise PermissionError("bad signature")
    ```

    ## Fix safety
    The fix rewrites `a == b` as `hmac.compare_digest(a, b)` and `a != b` as `not hmac.compare_digest(a, b)`,
    adding `import hmac` when needed; a chained comparison (`a == b == c`) is not fixed, nor a file where
    `hmac` names something else, nor a comparison with a side that is `None` when absent (`headers.get("X")`,
    `os.getenv("KEY")`, `urlparse(url).password`, or a name the function binds to one of them): there
    `compare_digest` would raise `TypeError` where `==` answered `False`. It stays unsafe: it also raises on
    a `str` with non-ASCII characters or a `str` against `bytes`, which no rule can see.

    ## References
    - [CWE-208: Observable Timing Discrepancy](https://cwe.mitre.org/data/definitions/208.html)
    - [Python: `hmac.compare_digest`](https://docs.python.org/3/library/hmac.html#hmac.compare_digest)
    """

    code = "VC204"
    name = "secret-compared-with-equals"
    category = Category.AUTH
    severity = Severity.MEDIUM
    confidence = Confidence.MEDIUM
    cwe = (208,)
    applies_to_tests = False  # a test compares a secret to check it, and no attacker times that
    fixable = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._functions: list[str] = []
        self._bodies: list[cst.BaseSuite] = []
        self._defs: list[cst.FunctionDef] = []
        self._module_constants = literal_bindings(self.context.module.body)
        self._class_constants: list[frozenset[str]] = []
        self._class_names: list[str] = []  # the enclosing classes, innermost last
        self._scopes: list[str] = []  # the names of the enclosing classes and functions
        self._change_checks: set[int] = set()
        self._loop_targets: list[frozenset[str]] = []  # the names each enclosing `for` (or comprehension) binds
        self._query_lambdas: set[int] = set()  # ids of lambdas given to a query method: `Share.where(lambda s: ...)`
        self._query_rows: list[frozenset[str]] = []  # the row parameters of the enclosing query lambdas

    def visit_If(self, node: cst.If) -> None:
        """`if stored != current: stored = current` only detects a change (the body stores one side); skip its test."""
        first = node.body.body[0] if node.body.body else None
        small = first.body[0] if isinstance(first, cst.SimpleStatementLine) and first.body else first
        if not isinstance(small, cst.Assign):
            return
        code = self.context.module.code_for_node
        for test in _conjuncts(node.test):  # also `if secret and user.secret != secret: user.secret = secret`
            if type(test) is cst.Comparison and len(test.comparisons) == 1 \
                    and isinstance(test.comparisons[0].operator, cst.NotEqual) \
                    and code(small.value) in {code(test.left), code(test.comparisons[0].comparator)}:
                self._change_checks.add(id(test))

    def visit_For(self, node: cst.For) -> None:
        self._loop_targets.append(frozenset(names_in(node.target)))

    def leave_For(self, original_node: cst.For) -> None:
        self._loop_targets.pop()

    def visit_CompFor(self, node: cst.CompFor) -> None:
        self._loop_targets.append(frozenset(names_in(node.target)))

    def leave_CompFor(self, original_node: cst.CompFor) -> None:
        self._loop_targets.pop()

    def visit_Call(self, node: cst.Call) -> None:
        if isinstance(node.func, cst.Attribute) and node.func.attr.value in QUERY_LAMBDA_METHODS:
            self._query_lambdas.update(id(arg.value) for arg in node.args if type(arg.value) is cst.Lambda)

    def visit_Lambda(self, node: cst.Lambda) -> None:
        if id(node) in self._query_lambdas:
            self._query_rows.append(frozenset(param.name.value for param in node.params.params))

    def leave_Lambda(self, original_node: cst.Lambda) -> None:
        if id(original_node) in self._query_lambdas:
            self._query_rows.pop()

    def _is_query_row_field(self, node: cst.BaseExpression) -> bool:
        """`s.token` in `Share.where(lambda s: s.token == token)`: a column of the row a query method's lambda stands
        for, so the comparison builds the query's SQL and the database looks the row up."""
        return isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) \
            and any(node.value.value in rows for rows in self._query_rows)

    def _searches_records(self, left: cst.BaseExpression, right: cst.BaseExpression) -> bool:
        """`[s for s in sessions if s.get("id") == session_id]`: the `id` of each record a loop goes through, matched
        against a session id, looks the record up (as a database would), not a presented guess against a secret."""
        return any(_record_id_of(side) & loop for side in (left, right) for loop in self._loop_targets)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
        self._class_constants.append(literal_bindings(body))
        self._class_names.append(node.name.value)
        self._scopes.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._class_constants.pop()
        self._class_names.pop()
        self._scopes.pop()

    def _is_sentinel(self, node: cst.BaseExpression) -> bool:
        """A literal, an upper-case option (`tokenize.NAME`, `Status.NO_PASSWORD`), or a module or `self.` class
        constant bound to a literal, none of them named like a secret."""
        if is_constant_display(node):
            return True
        name = value_name(node)
        if isinstance(node, (cst.Name, cst.Attribute)) and name and name.isupper():
            return not head_kinds(name) and words(name)[-1] not in SECRET_CONSTANT_HEADS
        if isinstance(node, (cst.Name, cst.Attribute)) and name and CLASS_NAME.match(name):
            return True  # `type_hint == oauth.OAuthToken`: a class, compared to tell a type, not a secret
        if isinstance(node, cst.Name):
            return node.value in self._module_constants and not secret_kinds(node.value)
        if (isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value in ("self", "cls")
                and self._class_constants):
            return node.attr.value in self._class_constants[-1] and not secret_kinds(node.attr.value)
        return False

    def _own_member(self, node: cst.BaseExpression) -> bool:
        """`cls.PASSWORD` in `class LoginMechanism: PASSWORD = "password"`: an upper-case member of the enclosing class
        bound to a literal, as `Type.TOTP` is of its class, whatever it is named (not a settings class's `API_TOKEN`)."""
        return isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) \
            and node.value.value in ("self", "cls") and node.attr.value.isupper() and bool(self._class_constants) \
            and node.attr.value in self._class_constants[-1] and not _holds_settings(self._class_names[-1])

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)
        self._bodies.append(node.body)
        self._defs.append(node)
        self._scopes.append(node.name.value)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()
        self._bodies.pop()
        self._defs.pop()
        self._scopes.pop()

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if (id(node) in self._change_checks
                or (self._functions and self._functions[-1] in EQUALITY_METHODS)):
            return
        left = node.left
        for target in node.comparisons:
            right = target.comparator
            if isinstance(target.operator, (cst.Equal, cst.NotEqual)) and self._check_pair(node, left, right, target):
                return
            left = right

    def _check_pair(self, node: cst.Comparison, left: cst.BaseExpression, right: cst.BaseExpression,
                    target: cst.ComparisonTarget) -> bool:
        if any(self._is_sentinel(side) or _is_enum_member(side) or self._own_member(side) or _is_model_column(side)
               or self._is_query_row_field(side) for side in (left, right)):
            return False
        if any(type(side) in STRUCTURE_DISPLAYS for side in (left, right)):
            return False  # `token == ("end", key)`: a lexer's token, a structure; a secret is one text
        if _sniffs_magic(left, right) or _sniffs_magic(right, left) or _scans_text(left) or _scans_text(right):
            return False
        if _is_length(left) or _is_length(right):
            return False  # `len(secret_key) == crypto_kx_SECRET_KEY_BYTES`: a size against a size, no text compared
        if _normalises(left, right) or _normalises(right, left):
            return False  # `token.strip() != token`: a value against its own normal form, no second secret
        left_name, right_name = value_name(left), value_name(right)
        kinds = _kinds_of(left, left_name) | self._signed(left) | _kinds_of(right, right_name) | self._signed(right)
        if not kinds:  # (asked first: most comparisons hold no secret, and the questions below walk the function)
            return False
        if self._read_as_object(left) or self._read_as_object(right):
            return False  # `predictor.signature == failed_signature` after `failed_signature.output_fields`
        if (self._both_hashes(left, left_name, right, right_name) and not any(self._is_keyed(side) for side in (left, right))) \
                or all(self._is_url_credential(side) for side in (left, right)):
            return False
        if self._checksum_against_kept(left, right) or self._checksum_against_kept(right, left):
            return False
        if self._earlier_copy(left, right) or self._earlier_copy(right, left):
            return False  # `previous_token == self.token` after `previous_token = self.token`: did the value change?
        if any(name and mentions_secret_word(name) and not secret_kinds(name) for name in (left_name, right_name)):
            return False  # one side is metadata about a secret (`cache_token`, `signature_method`)
        if left_name and right_name and PASSWORD_KIND in kinds and _user_input_pair(left_name, right_name):
            return False
        if _same_form_fields(left, right):
            return False  # `self.password.data == self.new_password.data`: two fields of the form the client sent
        if kinds == {SESSION_ID} and (_links_records(left, right) or self._searches_records(left, right)
                                      or _own_key_against_url(left, right) or _own_key_against_url(right, left)):
            return False
        if self._names_a_slot(left, right) or self._names_a_slot(right, left):
            return False
        if _same_field_of_two_records(left, right):
            return False  # `installation.bot_token != latest.bot_token`: did the stored copy change?
        if kinds == {TOKEN} and any(LOCK_WORDS.intersection(words(scope)) for scope in self._scopes):
            return False  # `class Lock: ... stored_token == self.local.token`: which holder owns the lock
        if self._picked_from(left, right) or self._picked_from(right, left):
            return False
        if kinds == {SESSION_ID} and self._drives_browser and not {head_name(left), head_name(right)} & CLIENT_ROOTS:
            return False  # `self._current_session_id == cdp_session.session_id`: which browser tab, not a web login
        if any(type(side) is cst.Name and self._holds_truth_value(side.value) for side in (left, right)):
            return False  # `negated != secret` after `secret = flag is True`: two truth values, no text compared
        if any(_is_integer(side) or type(side) is cst.Name and self._holds_integer(side.value) for side in (left, right)):
            return False  # `totp(key) == token` after `token = int(token)`: numbers compare whole, no text compared
        operator = "==" if isinstance(target.operator, cst.Equal) else "!="
        kind = _kind(kinds)
        article = "An" if kind[0] in "aeiu" else "A"
        self.report(node, f"{article} {kind} is compared with `{operator}`, whose running time leaks how many leading characters "
                    "of a guess are right.", hint=PASSWORD_HINT if kind == PASSWORD_KIND else HINT, fix=self._fix(node))
        return True

    def _names_a_slot(self, side: cst.BaseExpression, constant: cst.BaseExpression) -> bool:
        """An upper-case constant against a name of a slot or a kind: the mapping protocol's `key` (`if key ==
        auth.SESSION_KEY` in `__setitem__`, where Django's constant names the session entry of the user's id) or a
        kind (`sc.method == SCM_BEARER`): the constant is a label the value is one of, not a secret it is guessed
        against."""
        constant_name = value_name(constant)
        if not constant_name or not constant_name.isupper():
            return False
        if isinstance(side, cst.Name) and side.value == "key":
            return bool(self._functions) and self._functions[-1] in MAPPING_METHODS
        parts = words(value_name(side) or "")
        return bool(parts) and parts[-1] in KIND_WORDS

    def _fix(self, node: cst.Comparison) -> NodeFix | None:
        if len(node.comparisons) != 1 or any(self._may_be_none(side) for side in (node.left, node.comparisons[0].comparator)):
            return None
        hmac = reference(self.context, "hmac", "compare_digest")
        if hmac is None:
            return None
        code = self.context.module.code_for_node
        target = node.comparisons[0]
        negation = "not " if isinstance(target.operator, cst.NotEqual) else ""
        call = f"{negation}{hmac.spelling}({code(node.left)}, {code(target.comparator)})"  # the node's range has no parentheses
        return NodeFix(f"Compare with `{hmac.spelling}`", ((node, call), *hmac.replacements), safe=False)


    def _may_be_none(self, node: cst.BaseExpression) -> bool:
        """`headers.get("X")`, `os.getenv("KEY")` (no default), `urlparse(url).password`, or a name the
        function binds to one of them: `None` when the value is absent."""
        if isinstance(node, cst.Name):
            return self._bound_to(node, self._may_be_none)
        if isinstance(node, cst.Call):
            func = node.func
            called = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
            return called in OPTIONAL_LOOKUPS and len(node.args) < 2
        if isinstance(node, cst.Attribute) and node.attr.value in URL_CREDENTIALS:
            return self._is_parsed_url(node.value)
        return False

    @functools.cached_property
    def _drives_browser(self) -> bool:
        """Whether the file drives a browser (imports a DevTools or browser automation library, or names a browser's
        session: `BrowserSession`, `cdp_session`): its session ids name a tab's debugging session, which no client
        presents as a login."""
        return BROWSER_DRIVING.search(self.context.source) is not None

    def _holds_truth_value(self, name: str) -> bool:
        """Whether the innermost function that binds `name` binds it only to truth values (`secret = flag is True`,
        `not x`, `bool(...)`, `isinstance(...)`, a parameter typed `bool`), never otherwise (a loop, an unpacking,
        `+=`): a `True`/`False` cannot be a secret's text, whatever the name says."""
        for function in reversed(self._defs):
            bindings = _bindings(function, name)
            if bindings:
                return all(value is not None and _is_truth_value(value) for value in bindings)
        return False

    def _holds_integer(self, name: str) -> bool:
        """Whether the innermost function that binds `name` binds it only to integers (`token = int(token)`, a
        parameter typed `int`): Python compares small integers whole, so no running time tells how many digits match."""
        for function in reversed(self._defs):
            bindings = _bindings(function, name, typed="int")
            if bindings and _converts_parameter(function, name):
                bindings = bindings[1:]  # the parameter's text (listed first), turned into a number before any use
            if bindings:
                return all(value is not None and _is_integer(value) for value in bindings)
        return False

    @functools.cached_property
    def _signers(self) -> frozenset[str]:
        """`_signing_functions` of the module, read when a comparison first calls a plain name: most files have none."""
        return _signing_functions(self.context.module)

    @functools.cached_property
    def _mentions_hmac(self) -> bool:
        """Whether the file names `hmac` at all: only then may a name hold an HMAC, which takes a walk of the function."""
        return "hmac" in self.context.source

    def _signed(self, node: cst.BaseExpression) -> frozenset[str]:
        """`sign(key, body)` where this file's `def sign` returns an HMAC digest, or a name the function binds to an HMAC
        (`expected = hmac.new(key, body, sha256).hexdigest()`, then `expected == header`): a signature, whatever it is
        called."""
        if type(node) is cst.Name:
            return frozenset({SIGNATURE}) if self._mentions_hmac and self._is_keyed(node) else frozenset()
        called = node.func if isinstance(node, cst.Call) else None
        return frozenset({SIGNATURE}) if isinstance(called, cst.Name) and called.value in self._signers else frozenset()

    def _is_keyed(self, node: cst.BaseExpression) -> bool:
        """`hmac.new(key, body, sha256).hexdigest()`, or a name the function binds to one: a signature, not a checksum."""
        return isinstance(node, cst.Name) and self._bound_to(node, _is_hmac_digest)

    def _is_url_credential(self, node: cst.BaseExpression) -> bool:
        """`urlparse(origin).password`: the user-info part of a parsed URL. Two of them compared match one URL against
        another (an origin against an allowed origin), not a presented secret against a kept one."""
        return isinstance(node, cst.Attribute) and node.attr.value in URL_CREDENTIALS and self._is_parsed_url(node.value)

    def _is_parsed_url(self, node: cst.BaseExpression) -> bool:
        if isinstance(node, cst.Name):
            return self._bound_to(node, self._is_parsed_url)
        return isinstance(node, cst.Call) and self.qualified_name(node) in URL_PARSERS

    def _both_hashes(self, left: cst.BaseExpression, left_name: str | None, right: cst.BaseExpression,
                     right_name: str | None) -> bool:
        """Both sides are hashes the code holds or computes: variables or attributes named `..._hash` (not a header
        value, not a constant; `_` has no word), an item of a list of them (`input_digests[i]`), the result of a
        function named for the digest it makes (`digest_input_item(item)`, not an HMAC's `sign_digest(...)`), or a name
        the function binds to one (`actual, size = digest_file(path)`: a file's checksum)."""
        return all(_is_hash_side(node, name) or self._computed_hash(node)
                   for node, name in ((left, left_name), (right, right_name)))

    def _checksum_against_kept(self, checksum: cst.BaseExpression, other: cst.BaseExpression) -> bool:
        """`state.get(rel) != digest` after `digest = md5sum(path)`, `digest != sha256` after `digest =
        hashlib.sha256(path.read_bytes()).hexdigest()`: a content checksum computed here against a value the program
        keeps (a manifest's, a pinned one) that names no secret and is not read from the request. Anyone can compute the
        checksum, so its timing tells nothing; a password's hash (`hashed`) or a request header still counts."""
        if not (self._is_checksum_call(checksum) or (isinstance(checksum, cst.Name)
                                                     and self._bound_to(checksum, self._is_checksum_call))):
            return False
        if self._is_keyed(checksum) or secret_kinds(value_name(checksum) or "") - {DIGEST}:
            return False  # bound to an HMAC on another path, or named for a signature or token (`sig = sign(body)`)
        return head_name(other) not in CLIENT_ROOTS and not _kinds_of(other, value_name(other)) \
            and not self._is_keyed(other)

    def _is_checksum_call(self, node: cst.BaseExpression) -> bool:
        """`hashlib.sha256(body).hexdigest()`, `h.hexdigest()` after `h = hashlib.sha256()`, a call of a function named
        for an unkeyed checksum (`md5sum(path)`), not a keyed one (`sign_sha256`) and not over an argument named for a
        secret (`sha256_of(token)`), or of one named for a digest given data and no key (`hasher(data)`), not one of
        this file's HMAC signers."""
        if not isinstance(node, cst.Call):
            return False
        if _is_content_checksum(node):
            return True
        func = node.func
        if type(func) is cst.Attribute and func.attr.value in ("digest", "hexdigest") and type(func.value) is cst.Name \
                and not node.args:
            return self._bound_to(func.value, _is_unkeyed_hasher)
        if _names_content_digest(node) and not (type(func) is cst.Name and func.value in self._signers) \
                and not (head_name(func) in ("self", "cls") and any(
                    SIGNING_WORDS.intersection(words(name)) for name in self._class_names)):
            return True  # (not `self.digest(value)` in a `class Signer`: a signer's own digest is keyed)
        callee = node.func.value if isinstance(node.func, cst.Name) else \
            node.func.attr.value if isinstance(node.func, cst.Attribute) else ""
        return bool(CHECKSUM_FUNCTION.search(callee)) and not set(words(callee)) & KEYED_WORDS \
            and not any(secret_kinds(value_name(a.value) or "") for a in node.args)

    def _computed_hash(self, node: cst.BaseExpression) -> bool:
        return isinstance(node, cst.Name) and bool(self._bodies) and any(
            isinstance(small, cst.Assign) and isinstance(small.value, cst.Call) and _is_hash_side(small.value, None)
            and any(_binds_first(t.target, node.value) for t in small.targets)
            for small in _statements(self._bodies[-1]))

    def _picked_from(self, picked: cst.BaseExpression, alternative: cst.BaseExpression) -> bool:
        """`token != user_token` after `token = bot_token or user_token`: the test asks which of the function's own
        values it picked, not whether a guess matches, when none of the alternatives is read from the request."""
        if type(picked) is not cst.Name or type(alternative) is not cst.Name:
            return False
        return self._bound_to(picked, lambda value: _alternatives_of(value, alternative.value))

    def _earlier_copy(self, copy: cst.BaseExpression, current: cst.BaseExpression) -> bool:
        """`previous_token = self.token`, then later `previous_token == self.token`: the program's value against its own
        earlier copy, which tells whether it changed meanwhile; no one presents a guess."""
        code = self.context.module.code_for_node
        return isinstance(copy, cst.Name) and isinstance(current, (cst.Attribute, cst.Subscript, cst.Name)) \
            and self._bound_to(copy, lambda value: code(value) == code(current))

    def _read_as_object(self, side: cst.BaseExpression) -> bool:
        """`failed_signature` after `failed_signature.output_fields`, `stored_token` after `stored_token.expires_at`:
        a value the function reads another attribute of than text's is an object (a DSPy prompt signature, a token
        record), which `==` compares as a whole, not a secret's text byte by byte."""
        kind = type(side)
        if not self._bodies or (kind is not cst.Name and kind is not cst.Attribute):
            return False
        name = get_full_name_for_node(side)
        return name is not None and any(
            type(read.value) is kind and read.attr.value not in TEXT_ATTRIBUTES and get_full_name_for_node(read.value) == name
            for read in own_nodes_of(self._bodies[-1], cst.Attribute))

    def _bound_to(self, name: cst.Name, test: Callable[[cst.BaseExpression], bool]) -> bool:
        """The function that binds `name` assigns `name = <value>` (or `name: T = <value>`) with a value that passes
        `test` (not a name: no chains): the enclosing function, or for a closure that binds no such name, the nearest
        function around it that does (`session_id = self._session_id`, then in a nested `async def`: `if
        self._session_id == session_id:`)."""
        for body in reversed(self._bodies):
            values = [value for value in _values_bound(body, name.value) if value is not None]
            if values:
                return any(not isinstance(value, cst.Name) and test(value) for value in values)
        return False


def _values_bound(body: cst.BaseSuite, name: str) -> Iterator[cst.BaseExpression | None]:
    """The values a function body assigns to `name`, plain or annotated."""
    for small in _statements(body):
        if type(small) is cst.Assign:
            if any(type(t.target) is cst.Name and t.target.value == name for t in small.targets):
                yield small.value
        elif type(small) is cst.AnnAssign and type(small.target) is cst.Name and small.target.value == name:
            yield small.value


# Calls that answer `True` or `False`.
TRUTH_CALLS = frozenset({"bool", "isinstance", "issubclass", "callable", "hasattr", "any", "all"})
# What binds a name to a value this rule does not read (a loop's item, a `with` target, an update): any value.
# (the field that binds, or None: the whole statement)
_OTHER_BINDINGS: dict[type, str | None] = {cst.For: "target", cst.AugAssign: "target", cst.AsName: "name",
                                           cst.Global: None, cst.Nonlocal: None}
# A file that drives a browser: a DevTools or automation library imported, or a browser's session named.
BROWSER_DRIVING = lazy_pattern(
    r"^[ \t]*(?:from|import)[ \t]+(?:cdp_use|playwright|pyppeteer|selenium|nodriver|undetected_chromedriver)\b"
    r"|(?:browser|cdp|devtools)_?session", re.IGNORECASE | re.MULTILINE)


def _is_truth_value(value: cst.BaseExpression) -> bool:
    """`a is b`, `not x`, `True`, `bool(x)`, `isinstance(x, T)`, or `and`/`or` of them: a `bool`."""
    if type(value) is cst.Comparison:
        return True
    if type(value) is cst.UnaryOperation:
        return type(value.operator) is cst.Not
    if type(value) is cst.Name:
        return value.value in ("True", "False")
    if type(value) is cst.BooleanOperation:
        return _is_truth_value(value.left) and _is_truth_value(value.right)
    return type(value) is cst.Call and type(value.func) is cst.Name and value.func.value in TRUTH_CALLS


def _converts_parameter(function: cst.FunctionDef, name: str) -> bool:
    """`token = int(token)` of a parameter `token`, run first whatever happens: a statement of the function's body or
    of a `try` at its top (whose `except ValueError: return False` turns text away)."""
    params = function.params
    if not any(p.name.value == name for p in (*params.posonly_params, *params.params, *params.kwonly_params)):
        return False
    for statement in function.body.body:
        for line in statement.body.body if type(statement) is cst.Try else (statement,):  # type: ignore[attr-defined]
            if type(line) is cst.SimpleStatementLine and any(
                    type(small) is cst.Assign and len(small.targets) == 1 and type(small.targets[0].target) is cst.Name
                    and small.targets[0].target.value == name and _is_integer(small.value)
                    and name in names_in(small.value) for small in line.body):
                return True
    return False


def _is_integer(value: cst.BaseExpression) -> bool:
    """`int(...)` or an integer literal (`0` stands for a parameter typed `int`)."""
    return type(value) is cst.Integer or type(value) is cst.Call and type(value.func) is cst.Name and value.func.value == "int"


def _bindings(function: cst.FunctionDef, name: str, typed: str = "bool") -> list[cst.BaseExpression | None]:
    """The values `function` binds `name` to in its own code (None: one this rule does not read, or a parameter not
    typed `typed`; `True` stands for a parameter typed `bool`, `0` for one typed `int`)."""
    found: list[cst.BaseExpression | None] = []
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.name.value == name:
            annotated = param.annotation is not None and type(param.annotation.annotation) is cst.Name \
                and param.annotation.annotation.value == typed
            found.append((cst.Name("True") if typed == "bool" else cst.Integer("0")) if annotated else None)
    for star in (params.star_arg, params.star_kwarg):
        if type(star) is cst.Param and star.name.value == name:
            found.append(None)
    for node in own_nodes(function.body):
        if type(node) is cst.Assign:
            for target in node.targets:
                if type(target.target) is cst.Name:
                    if target.target.value == name:
                        found.append(node.value)
                elif name in names_in(target.target):
                    found.append(None)
        elif type(node) is cst.AnnAssign or type(node) is cst.NamedExpr:
            if type(node.target) is cst.Name and node.target.value == name:
                found.append(node.value)
        elif type(node) in _OTHER_BINDINGS:
            field = _OTHER_BINDINGS[type(node)]
            if name in names_in(node if field is None else getattr(node, field)):
                found.append(None)
    return found


def _alternatives_of(value: cst.BaseExpression, name: str) -> bool:
    """`a or b` or `a if c else b` that offers `name` as one of its values, all of them names or attributes the
    program holds (no request root): the value is one of the alternatives."""
    pending, offered = [value], []
    while pending:
        current = pending.pop()
        if type(current) is cst.BooleanOperation and type(current.operator) is cst.Or:
            pending += (current.left, current.right)
        elif type(current) is cst.IfExp:
            pending += (current.body, current.orelse)
        else:
            offered.append(current)
    if len(offered) < 2 or not any(type(node) is cst.Name and node.value == name for node in offered):
        return False
    return all(type(node) in (cst.Name, cst.Attribute) and head_name(node) not in CLIENT_ROOTS for node in offered)


def _signing_functions(module: cst.Module) -> frozenset[str]:
    """The module's top-level functions that return an HMAC digest (`return hmac.new(key, body, sha256).digest()`)."""
    return frozenset(statement.name.value for statement in module.body if isinstance(statement, cst.FunctionDef)
                     and any(ret.value is not None and _is_hmac_digest(ret.value) for ret in own_returns(statement.body)))


def _binds_first(target: cst.BaseExpression, name: str) -> bool:
    """`name = ...` or `name, size = ...`: the name takes the value, or its first item."""
    if isinstance(target, (cst.Tuple, cst.List)) and target.elements:
        target = target.elements[0].value
    return isinstance(target, cst.Name) and target.value == name


# Exact-type sets for `_statements`, which asks them of every node of a function: `isinstance` goes through ABCMeta.
_SMALL_STATEMENTS = concrete_subclasses(cst.BaseSmallStatement)
_NOT_HOLDING_STATEMENTS = concrete_subclasses(cst.BaseExpression) | {cst.FunctionDef, cst.ClassDef}


def _statements(body: cst.BaseSuite) -> Iterator[cst.BaseSmallStatement]:
    """The small statements of a function body, nested blocks included (nested functions and classes not)."""
    pending: list[cst.CSTNode] = [body]
    while pending:
        current = pending.pop()
        if type(current) in _SMALL_STATEMENTS:
            yield current  # type: ignore[misc]  # (an exact-type test: mypy does not narrow it)
            continue
        pending.extend(child for child in child_nodes(current) if type(child) not in _NOT_HOLDING_STATEMENTS)


def _sniffs_magic(prefix: cst.BaseExpression, constant: cst.BaseExpression) -> bool:
    """`buf[:12] == PP_V2_SIGNATURE`: a fixed-length prefix of a buffer against an upper-case constant is a format's
    magic number (a protocol or file signature), public by design; a secret is compared whole."""
    name = value_name(constant)
    if not (isinstance(constant, (cst.Name, cst.Attribute)) and name and name.isupper()):
        return False
    if not (isinstance(prefix, cst.Subscript) and len(prefix.slice) == 1 and isinstance(prefix.slice[0].slice, cst.Slice)):
        return False
    bounds = prefix.slice[0].slice
    return bounds.step is None and any(bound is not None for bound in (bounds.lower, bounds.upper)) and all(
        bound is None or isinstance(bound, cst.Integer) for bound in (bounds.lower, bounds.upper))


def _kept_checksum(node: cst.Call | cst.Subscript) -> bool:
    """`manifest.get("content_sha256")`, `meta["md5"]`: a kept record's entry named for an unkeyed checksum, which
    anyone can compute from the content it describes; not one of the request's, and not a keyed one (`hmac_sha256`)."""
    if isinstance(node, cst.Call):
        if not (isinstance(node.func, cst.Attribute) and node.func.attr.value == "get" and node.args):
            return False
        holder, key = node.func.value, node.args[0].value
    elif len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        holder, key = node.value, node.slice[0].slice.value
    else:
        return False
    if not isinstance(key, cst.SimpleString) or head_name(holder) in CLIENT_ROOTS:
        return False
    return _names_checksum(str(key.evaluated_value))


def _names_checksum(name: str) -> bool:
    """`content_sha1`, `expected_md5`, `checksum`: a name for an unkeyed checksum, not a keyed one (`hmac_sha256`)."""
    return bool(CHECKSUM_KEY.search(name)) and not set(words(name)) & KEYED_WORDS


# Methods that give a text's normal form (`token.strip()`, `key.lower()`): compared with the text itself, they ask
# whether it is already in that form.
NORMALISING_METHODS = frozenset({"strip", "lstrip", "rstrip", "lower", "upper", "casefold", "title"})


def _normalises(side: cst.BaseExpression, other: cst.BaseExpression) -> bool:
    """`side` is `other` put in a normal form (`token.strip()` against `token`), `other` a plain name or attribute."""
    if type(side) is not cst.Call or type(side.func) is not cst.Attribute \
            or side.func.attr.value not in NORMALISING_METHODS or type(other) not in (cst.Name, cst.Attribute):
        return False
    name = get_full_name_for_node(other)
    return name is not None and get_full_name_for_node(side.func.value) == name


def _is_length(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.Call) and isinstance(node.func, cst.Name) and node.func.value == "len"


def _scans_text(node: cst.BaseExpression) -> bool:
    """`upper[i : i + len(token)]`: a window that moves along a text (a lexer matching a keyword at each position);
    a secret is compared whole, never at a moving offset."""
    if not (isinstance(node, cst.Subscript) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Slice)):
        return False
    bounds = node.slice[0].slice
    upper = bounds.upper
    return isinstance(bounds.lower, cst.Name) and isinstance(upper, cst.BinaryOperation) \
        and isinstance(upper.operator, cst.Add) and isinstance(upper.left, cst.Name) \
        and upper.left.value == bounds.lower.value


def _is_model_column(node: cst.BaseExpression) -> bool:
    """`User.api_token` (also `models.User.api_token`): a lower-case attribute of a class, an ORM model's column, or a
    column of a SQLAlchemy Core
    table (`sessions.c.session_id`, `self._messages.columns.token`). `User.api_token == token` builds the SQL of a
    query (`.filter(...)`, `.where(...)`) that the database answers; Python compares no text."""
    if not isinstance(node, cst.Attribute):
        return False
    owner = node.value
    if isinstance(owner, cst.Attribute) and owner.attr.value in TABLE_COLUMNS:
        return True
    owner_name = owner.value if isinstance(owner, cst.Name) else owner.attr.value if isinstance(owner, cst.Attribute) \
        else ""  # `User.api_token`, or the model through its module: `ub.RemoteAuthToken.auth_token`
    return _is_class_name(owner_name) and node.attr.value.islower()


TABLE_COLUMNS = frozenset({"c", "columns"})  # SQLAlchemy `Table.c`, the table's column collection
# Query methods that take a lambda over a table's row and build SQL from it: Emmett's and pydal's
# `Share.where(lambda s: s.token == token)`, Pony's `Share.get(lambda s: s.token == token)`.
QUERY_LAMBDA_METHODS = frozenset({"where", "filter", "select", "get", "first", "exists", "count", "find", "delete"})


def _is_enum_member(node: cst.BaseExpression) -> bool:
    """`Token.Type.ACCESS_TOKEN`, `authenticator.Type.TOTP`: an upper-case member reached through a class.

    Comparing a `type` with an enum member picks a branch; neither side is a secret, whatever the member is named.
    A settings class's constant (`Config.API_KEY`, `Settings.WEBHOOK_SECRET`) is a setting, not a member.
    """
    if not isinstance(node, cst.Attribute) or not node.attr.value.isupper():
        return False
    owner = node.value
    while isinstance(owner, cst.Attribute):
        if _is_class_name(owner.attr.value):
            return not _holds_settings(owner.attr.value)
        owner = owner.value
    return isinstance(owner, cst.Name) and _is_class_name(owner.value) and not _holds_settings(owner.value)


def _is_class_name(name: str) -> bool:
    return name[:1].isupper() and not name.isupper()


def _holds_settings(class_name: str) -> bool:
    """`Config`, `AppSettings`, `ProdConfig`, `Secrets`: a class whose upper-case attributes are the app's settings."""
    return bool(set(words(class_name)) & SETTINGS_CLASS_WORDS)


def _record_id_of(node: cst.BaseExpression) -> frozenset[str]:
    """The record whose own `id` a side reads (`s.id`, `s["id"]`, `s.get("id")` -> `s`), or nothing."""
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute) and node.func.attr.value == "get" \
            and node.args and string_value(node.args[0].value) == "id":
        node = node.func.value
    elif (isinstance(node, cst.Subscript) and subscript_key(node) == "id") \
            or (isinstance(node, cst.Attribute) and node.attr.value == "id"):
        node = node.value
    else:
        return frozenset()
    return frozenset({node.value}) if isinstance(node, cst.Name) else frozenset()


# Words of an object that holds what a client presented: `provided.token`, `incoming.api_key`.
PRESENTED_WORDS = frozenset({"incoming", "provided", "given", "submitted", "presented", "supplied", "input", "claimed"})


def _same_field_of_two_records(left: cst.BaseExpression, right: cst.BaseExpression) -> bool:
    """`installation.bot_token != latest_installation.bot_token`: the same field of two records the program holds (no
    side read through the request, `context.request.session.session_key`, or named for what a client presented) --
    whether a stored copy changed, not a guess."""
    first, second = _record_field(left), _record_field(right)
    if first is None or second is None or first[0] != second[0] or not secret_kinds(first[0]):
        return False  # (`form.password.data`: a field that names no secret holds a form's value, judged by its owner)
    bases = [get_full_name_for_node(first[1]), get_full_name_for_node(second[1])]
    return all(base is not None and not (CLIENT_ROOTS | PRESENTED_WORDS).intersection(words(base))
               for base in bases) and bases[0] != bases[1]


def _record_field(node: cst.BaseExpression) -> tuple[str, cst.BaseExpression] | None:
    """(field, record) of `record.field`, `record["field"]` or `record.get("field")`: one field of a record, whether
    an object or a mapping holds it (`session.session_id != pending["session_id"]`)."""
    if type(node) is cst.Attribute:
        return node.attr.value, node.value
    if type(node) is cst.Subscript:
        key = subscript_key(node)
        return (key, node.value) if key else None
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == "get" and node.args:
        key = string_value(node.args[0].value)
        return (key, node.func.value) if key else None
    return None


def _links_records(left: cst.BaseExpression, right: cst.BaseExpression) -> bool:
    """`job.session_id != state.id`: a record's session id against a session object's own `id`, both held by the
    program (no side comes from the request): an ownership check between records, not a client's guess."""
    sides = (left, right)
    if not all(isinstance(side, cst.Attribute) for side in sides):
        return False
    roots = [head_name(side) for side in sides]
    return not any(root is None or root in CLIENT_ROOTS for root in roots) \
        and any(isinstance(side, cst.Attribute) and side.attr.value == "id" for side in sides)


def _own_key_against_url(own: cst.BaseExpression, other: cst.BaseExpression) -> bool:
    """`kwargs["pk"] == request.session.session_key`: the key of the session the request came with, which its client
    holds (it sent it as its cookie), against what the same client put in the URL or the request: the timing tells
    the client nothing it does not hold. Against a stored record's key (`record.session_key`) it would."""
    own_key = isinstance(own, cst.Attribute) and own.attr.value == "session_key" and isinstance(own.value, cst.Attribute) \
        and own.value.attr.value == "session" and value_name(own.value.value) in ("request", "req")
    url_value = isinstance(other, cst.Subscript) and value_name(other.value) == "kwargs"  # `self.kwargs["pk"]` too
    return own_key and (url_value or head_name(other) in CLIENT_ROOTS)


def _is_content_checksum(node: cst.Call) -> bool:
    """`hashlib.sha256(body).hexdigest()`: an unkeyed hash of data that names no secret, a checksum anyone can compute
    (an asset's manifest digest), whose leading bytes no client steers."""
    func = node.func
    return isinstance(func, cst.Attribute) and func.attr.value in ("digest", "hexdigest") \
        and isinstance(func.value, cst.Call) and _is_unkeyed_hasher(func.value)


def _is_unkeyed_hasher(made: cst.BaseExpression) -> bool:
    """`hashlib.sha256(body)`, `hashlib.new("sha256")`, `hashlib.file_digest(f, "sha256")`: an unkeyed hash object over
    data that names no secret."""
    if not isinstance(made, cst.Call):
        return False
    algorithm = made.func.value if isinstance(made.func, cst.Name) else \
        made.func.attr.value if isinstance(made.func, cst.Attribute) and value_name(made.func.value) == "hashlib" else ""
    return (algorithm in UNKEYED_HASHES or algorithm in HASHLIB_FACTORIES and isinstance(made.func, cst.Attribute)) \
        and not any(secret_kinds(value_name(a.value) or "") for a in made.args)


def _names_content_digest(call: cst.Call) -> bool:
    """`hasher(data)`, `self.compute_digest(blob)`, `store.digest(content)`: a function named for the digest it makes,
    given data and no key (none of its arguments names a secret or a key), not an HMAC's (`sign_digest`, `hmac.digest`,
    `self.signer.digest`) nor a secret's (`hash_token(token)`): a content digest anyone can compute."""
    if not call.args:
        return False
    callee = get_full_name_for_node(call.func) or ""
    last = callee.rpartition(".")[2]
    called = set(words(callee))
    return bool(set(words(last)) & DIGEST_FUNCTION_WORDS) and not called & SIGNING_WORDS \
        and not secret_kinds(last) - {DIGEST} and not any(
            secret_kinds(name) or KEY_WORDS.intersection(words(name))
            for name in (value_name(arg.value) or "" for arg in call.args))


def _is_hash_side(node: cst.BaseExpression, name: str | None) -> bool:
    if isinstance(node, (cst.Name, cst.Attribute)):
        return bool(name) and not name.isupper() and (  # type: ignore[union-attr]
            any(word in HASH_WORDS for word in words(name)[-1:]) or _names_checksum(name))  # type: ignore[arg-type]
    if isinstance(node, cst.Subscript):
        if _kept_checksum(node):
            return True
        held = value_name(node.value)
        return bool(held) and not held.isupper() and words(held)[-1:] in (("hashes",), ("digests",))  # type: ignore[union-attr]
    if isinstance(node, cst.Call) and (_is_content_checksum(node) or _kept_checksum(node)):
        return True
    if isinstance(node, cst.Call):
        callee = node.func.value if isinstance(node.func, cst.Name) else \
            node.func.attr.value if isinstance(node.func, cst.Attribute) else ""
        # `h.digest()` itself may be an HMAC's: only a function named for what it hashes, and not a secret's hash
        # (`hash_token(token)`: the client's token, hashed to meet the stored one)
        called = set(words(callee))
        return len(called) > 1 and bool(called & HASH_WORDS) and not called & KEYED_WORDS \
            and not secret_kinds(callee) - {DIGEST} and not any(secret_kinds(value_name(a.value) or "") for a in node.args)
    return False

