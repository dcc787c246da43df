"""VC205: a password hashed with a fast general-purpose hash (MD5, SHA-1, SHA-256, ...)."""

from __future__ import annotations

import re
from functools import lru_cache

import libcst as cst

from vibecheck.analysis.nodes import callee_tail
from vibecheck.cst_fields import child_nodes, walk_own
from vibecheck.literals import string_value
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import argument, assignment_targets, target_name, value_name
from vibecheck.rules.auth.names import (
    API_KEY,
    PASSWORD_KIND,
    TOKEN,
    function_kinds,
    is_dev_path,
    is_password_name,
    secret_kinds,
    words,
)

FAST_HASHES = frozenset({
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
    "blake2b", "blake2s", "sha512_224", "sha512_256",
})
CONSTRUCTORS = frozenset(f"hashlib.{name}" for name in FAST_HASHES) | {"hashlib.new"}
NAME_NODES = (cst.Name, cst.Attribute, cst.Subscript, cst.Call)
# Words naming what a hash is for when it is no secret: a response's ETag, a cache key, a file's fingerprint or
# checksum. MD5/SHA-1 there only tell contents apart; nobody gains by forging a collision.
CONTENT_ID_WORDS = ("etag", "cache", "fingerprint", "checksum", "thumbprint",
                    # a file named after what it holds (`def _counter_filename(key): ... md5(key).hexdigest()`)
                    "filename", "file_name",
                    # JOSE's `x5t` header: the SHA-1 thumbprint of a certificate, as RFC 7515 defines it
                    "x5t")
# Names of a page's own markup, read as words: a CSS class, an element's id, a display colour derived from a name
# (`def to_css_class(s): ... md5(s).hexdigest()[:6]`, `{"color": md5(name).hexdigest()[:6]}`). The hash only keeps two
# names apart in the page; a collision styles two tables alike. By words, so `random_id` is no `dom_id`.
MARKUP_NAME_PAIRS = frozenset({("css", "class"), ("css", "id"), ("dom", "id"), ("element", "id"), ("html", "id")})
MARKUP_NAME_WORDS = frozenset({"color", "colour"})
# Calls that build a file's path: a hash among their arguments names a file (`os.path.join(root, md5(key).hexdigest())`).
PATH_JOINERS = frozenset({"os.path.join", "posixpath.join", "ntpath.join"})
PATH_JOINER_TAIL = "join"
# So does a key that names what it looks up (`get_template_key`, `storage_key`, `dedupe_key`): a hash of a template's
# name or a file's path files it under a short name. A bare `key` (or `derive_key`, `make_key`) stays: it may be a
# cipher's key.
LOOKUP_KEY_QUALIFIERS = frozenset({"template", "lookup", "storage", "bucket", "object", "file", "path", "module",
                                   "dedupe", "dedup", "index", "partition", "shard", "sort", "group", "route", "url"})
# Words of a value that namespaces a key (`prefix + md5(name).hexdigest()`, `f"{KEY_PREFIX}{...}"`): the hex digest
# after it is a name under that prefix (django-waffle's cache keys), unless the prefix names a secret (`token_prefix`).
KEY_PREFIX_WORDS = frozenset({"prefix", "namespace"})
HEX_DIGEST_METHOD = "hexdigest"
# Where a hash constructor is handed to an HMAC (or a signer built on one) as its digest: HMAC-SHA1 and HMAC-MD5
# stay sound, since an HMAC's strength does not rest on the hash's collision resistance.
DIGEST_KEYWORDS = frozenset({"digestmod", "digest_method", "hashfunc", "hash_func"})
HMAC_CALLS = frozenset({"hmac.new", "hmac.HMAC", "hmac.digest"})
# sqlite3's `create_function(name, narg, func)` (and Django's `create_deterministic_function` wrapper): `func`
# implements the SQL function `name`, whose algorithm the SQL that calls it chooses (`SELECT MD5(...)`).
SQL_FUNCTION_REGISTRARS = frozenset({"create_function", "create_deterministic_function"})
# RFC 6455's WebSocket handshake: `Sec-WebSocket-Accept` is the SHA-1 of the client's key and this GUID. The protocol
# names the hash; a function that hashes with the GUID (a literal, or a module constant holding it) or names the
# header it computes (`"Sec-WebSocket-Accept"`, `hdrs.SEC_WEBSOCKET_ACCEPT`) computes that.
WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
WEBSOCKET_ACCEPT = lazy_pattern(r"sec[-_]websocket[-_]accept", re.IGNORECASE)
# Have I Been Pwned's k-anonymity range API (`api.pwnedpasswords.com/range/<first 5 hex of the SHA-1>`): a breach
# check must send the SHA-1 of the password it looks up; nothing stores that hash.
BREACH_RANGE_API = lazy_pattern(r"pwnedpasswords\.com|haveibeenpwned\.com", re.IGNORECASE)
# A function that raises to a power modulo a prime (`pow(g, x, N)`) computes a password-authenticated key exchange
# (SRP, as AWS Cognito's login speaks it): the protocol fixes the hash of the password it exponentiates, and no hash is
# stored. Three-argument `pow` has no other use in password code.
MODULAR_POWER_ARGUMENTS = 3
# HTTP clients: a function that sends a request with one and hashes the object's own password (`self.password`) logs
# that object in to another service, whose login asks for the hash (Emby's `passwordMd5`): the service chose it, and
# this side keeps no hash.
HTTP_CLIENT_PREFIXES = ("requests.", "httpx.", "aiohttp.", "urllib.request.", "urllib3.")
# Attributes a hash object has without hashing anything: `os.urandom(sha1().digest_size)` only asks for a size.
SIZE_ATTRIBUTES = frozenset({"digest_size", "block_size", "name"})
# Django's `PASSWORD_HASHERS` setting: the first hasher hashes every new password; the rest only verify old hashes
# (kept there to upgrade them at the next login). These first ones hash with one round of MD5 or SHA-1, or DES crypt.
HASHERS_SETTING = "PASSWORD_HASHERS"
WEAK_DJANGO_HASHERS = frozenset({"MD5PasswordHasher", "UnsaltedMD5PasswordHasher", "SHA1PasswordHasher",
                                 "UnsaltedSHA1PasswordHasher", "CryptPasswordHasher"})
# A hasher class named for the random keys it hashes (`Sha512ApiKeyHasher`, `TokenHasher`): the hasher interface
# (Django's `BasePasswordHasher.encode(password, salt)`) calls what it hashes a password, but a key drawn at random
# has too much entropy to guess, so a fast hash of it is sound (djangorestframework-api-key's SHA-512 hasher).
RANDOM_KEY_KINDS = frozenset({TOKEN, API_KEY})
HASHER_WORD = "hasher"
# Words of a password function's parameters that name something other than the password it is handed: the stored
# hash it checks against (`check_password(raw, hashed)`), its salt, its cost, its owner.
NOT_PASSWORD_PARAMETER_WORDS = frozenset({"hash", "hashed", "digest", "stored", "encoded", "expected", "salt", "rounds",
                                          "cost", "iterations", "user", "account", "self", "cls"})
HINT = ("Hash passwords with a slow, salted key-derivation function: `hashlib.scrypt`, `hashlib.pbkdf2_hmac` with "
        "a high iteration count, bcrypt or argon2.")


def password_parameters(module: cst.Module) -> frozenset[str]:
    """The names the module's password functions and methods give the password they are handed (`def
    hash_password(raw)`, `def check_password(self, plain, hashed)`: `raw`, `plain`), when not named a password already."""
    functions = [s for s in module.body if type(s) is cst.FunctionDef]
    functions += [m for c in module.body if type(c) is cst.ClassDef and isinstance(c.body, cst.IndentedBlock)
                  for m in c.body.body if type(m) is cst.FunctionDef]
    return frozenset(p.name.value for f in functions if PASSWORD_KIND in function_kinds(f.name.value)
                     for p in f.params.params if not is_password_name(p.name.value)
                     and NOT_PASSWORD_PARAMETER_WORDS.isdisjoint(words(p.name.value)))


def mentions_password(node: cst.CSTNode | None) -> bool:
    """True if a password-named value appears anywhere in the expression (`(salt + pw).encode()`)."""
    pending = [node] if node is not None else []
    while pending:
        current = pending.pop()
        if isinstance(current, NAME_NODES) and is_password_name(value_name(current)):
            return True
        pending.extend(child_nodes(current))
    return False


@lru_cache(maxsize=1024)
def hashes_random_keys(class_name: str) -> bool:
    """`Sha512ApiKeyHasher`, `APITokenHasher`: a hasher whose name says it hashes tokens or API keys, and no password."""
    parts = words(class_name)
    kinds = secret_kinds("_".join(parts[:-1])) if parts and parts[-1] == HASHER_WORD else frozenset()
    return bool(kinds) and kinds <= RANDOM_KEY_KINDS


# Words of a value used once, for one request (`cnonce`, `server_nonce`, `self.challenge["nonce"]`): a password hashed
# with one is the proof a challenge-response protocol sends (WS-Security's UsernameToken `PasswordDigest`, HTTP Digest's
# `response`), which no store could keep, as it could never check a later login against it.
NONCE_WORDS = frozenset({"nonce", "cnonce", "snonce", "nonces"})


def mentions_nonce(node: cst.CSTNode | None) -> bool:
    """True if a nonce-named value appears anywhere in the expression (`(cnonce + created + password).encode()`)."""
    pending = [node] if node is not None else []
    while pending:
        current = pending.pop()
        if isinstance(current, NAME_NODES) and NONCE_WORDS.intersection(words(value_name(current) or "")):
            return True
        pending.extend(child_nodes(current))
    return False


def own_credential_only(node: cst.CSTNode | None) -> bool:
    """Every password the expression names is an attribute of `self` (`self.password.encode()`): the object's own."""
    pending = [node] if node is not None else []
    found = False
    while pending:
        current = pending.pop()
        if isinstance(current, (cst.Name, cst.Attribute)) and is_password_name(value_name(current)):
            if not (isinstance(current, cst.Attribute) and isinstance(current.value, cst.Name)
                    and current.value.value == "self"):
                return False
            found = True
            continue
        pending.extend(child_nodes(current))
    return found


@lru_cache(maxsize=4096)
def names_content_id(identifier: str | None) -> bool:
    """`etag`, `cache_key`, `file_fingerprint`, `to_css_class`: the name says the value identifies contents or names
    markup, and names no secret (`token_cache_key`, `signature_checksum` keep their findings)."""
    if not identifier:
        return False
    lowered = identifier.lower()
    parts = words(identifier)
    looks_up = len(parts) >= 2 and parts[-1] == "key" and parts[-2] in LOOKUP_KEY_QUALIFIERS
    names_markup = not MARKUP_NAME_WORDS.isdisjoint(parts) or any(
        pair in MARKUP_NAME_PAIRS for pair in zip(parts, parts[1:], strict=False))
    return (looks_up or names_markup or any(word in lowered for word in CONTENT_ID_WORDS)) \
        and not secret_kinds(identifier) \
        and not any(secret_kinds(word) for word in parts)


def names_digest_slot(name: str | None) -> bool:
    """`digest_method`, `default_digest_method`, `self.digestmod`: where an HMAC's inner hash function is kept."""
    return name is not None and any(name == keyword or name.endswith("_" + keyword) for keyword in DIGEST_KEYWORDS)


def names_key_prefix(node: cst.BaseExpression) -> bool:
    """`prefix`, `self.key_prefix`, `settings.CACHE_NAMESPACE`: a value that namespaces keys, and names no secret
    (`token_prefix`)."""
    name = value_name(node) if type(node) in (cst.Name, cst.Attribute) else None
    parts = words(name) if name else ()
    return not KEY_PREFIX_WORDS.isdisjoint(parts) and not any(secret_kinds(part) for part in parts) \
        and not secret_kinds("_".join(part for part in parts if part not in KEY_PREFIX_WORDS))


def is_hex_digest(node: cst.BaseExpression) -> bool:
    """`md5(data).hexdigest()`, also cut short (`[:12]`): the digest as text."""
    if type(node) is cst.Subscript:
        node = node.value
    return type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value == HEX_DIGEST_METHOD


def _prefixes_hex_digest(node: cst.BinaryOperation) -> bool:
    """`prefix + md5(name).hexdigest()`: a key under a namespace."""
    return type(node.operator) is cst.Add and names_key_prefix(node.left) and is_hex_digest(node.right)


def _formats_prefixed_hex_digest(node: cst.FormattedString) -> bool:
    """`f"{prefix}:{md5(name).hexdigest()}"`: the first part names a key prefix and a later one is a hex digest."""
    expressions = [part.expression for part in node.parts if type(part) is cst.FormattedStringExpression]
    return bool(expressions) and type(node.parts[0]) is cst.FormattedStringExpression \
        and names_key_prefix(expressions[0]) and any(is_hex_digest(expression) for expression in expressions[1:])


class WeakPasswordHash(Rule):
    """A password is hashed with a fast hash such as MD5 or SHA-256.

    ## What it does
    Reports `hashlib.md5/sha1/sha256/sha512/sha3_*/blake2*(...)` and `hashlib.new(name, ...)` (through any
    import alias, with or without `.hexdigest()`) when:
    - the data hashed mentions a value named like a password (`password.encode()`,
      `(salt + pwd).encode()`, `f"{salt}{raw_password}"`, `form.password.data`);
    - or a hash object is fed one with `.update(...)` in the same function;
    - or the hash becomes a password: assigned to `password_hash`, `user.password`, ..., compared with `==` or
      `!=` to one (`sha1(raw.encode()).hexdigest() == self.password`), or computed in a function such as
      `hash_password`, `set_password` or `check_password`;
    - or the data mentions a parameter named as the module's password functions name the password they take
      (`def legacy_hash(raw): return md5(raw.encode()).hexdigest()` beside `def hash_password(raw)`), unless the
      function is named for a content id (`def etag_for(raw)`); names of a stored hash, a salt or a user are no
      password (`check_password(raw, hashed)`: `hashed`).

    Values that only mention a password but are tokens (`password_reset_token`) are not reported: hashing
    a random token with SHA-256 is fine. Nor is the SHA-1 a function sends to Have I Been Pwned's range API
    (`api.pwnedpasswords.com/range/...`) to look a password up among breached ones: the API asks for it; nor the
    hash a function raises to a power modulo a prime (`pow(g, x, N)`: SRP's `x = H(salt | H(user:password))`, as AWS
    Cognito's login computes it), which the protocol fixes and nobody stores, nor a password hashed with a nonce
    (`sha1(cnonce + created + password)`, WS-Security's UsernameToken digest): a proof for one request, which no store
    could check a later login against, unless it becomes a password (`user.password = ...`); nor the object's own password
    (`self.password`) hashed in a function that sends an HTTP request (`requests.post`, `httpx`): a client logging in to
    a service whose login asks for the hash (Emby's `passwordMd5`). A parameter's or a request's password hashed
    there, or `self.password` hashed where no request is sent (a model hashing its own field), is still reported. Nor
    is the `password` of a hasher class named for the tokens or API keys it hashes (`Sha512ApiKeyHasher.encode(self,
    password, salt)`: Django's hasher interface names the argument, and a key drawn at random is too long to guess);
    a `PasswordHasher`, or a `TokenPasswordHasher`, is still reported.
    `hashlib.pbkdf2_hmac` and `hashlib.scrypt` are never reported. It also reports a Django `PASSWORD_HASHERS` whose
    first hasher, the one every new password gets, is MD5, SHA-1 (salted or not) or DES crypt; weak hashers after
    it only verify old hashes until the next login upgrades them, and settings for tests or development
    (`settings/test.py`, `local_settings.py`) pick MD5 to make tests fast. Test
    files are not checked.

    It supersedes bandit's `B324` (every MD5/SHA-1) on the lines it reports, and clears `B324` where the code
    shows the hash protects nothing: its value becomes an ETag, a cache key, a lookup key that names what it looks up
    (`get_template_key`, `storage_key`), a fingerprint, a certificate's thumbprint (JOSE's `x5t`), a checksum, a file
    name or a name in the page's markup (a CSS class, an element's id, a display colour) (an assignment, a keyword,
    a dict key, a call or the function named so, and no secret named with it; or a part of `os.path.join(...)`), the
    call sits in an HTTP Digest authentication class or function (RFC 7616 names MD5 and SHA-1) or a function that hashes with
    the WebSocket GUID or names the `Sec-WebSocket-Accept` header (RFC 6455 makes it a SHA-1), the hash object
    serves only for its size (`sha1().digest_size`), the function that calls it is the digest of an HMAC
    (`digestmod=`, `digest_method = staticmethod(_sha1)`, `default_digest_method: Any = staticmethod(_sha1)`) or the
    implementation of an SQL function
    (`create_function("MD5", 1, _md5)`), or the hex digest follows a value named as a key's prefix or namespace
    (`prefix + md5(name).hexdigest()`, `f"{KEY_PREFIX}{md5(name).hexdigest()}"`: a key under that namespace, not a
    `token_prefix`). MD5 or SHA-1 of a token, a signature or a PIN keeps bandit's finding.

    ## Why is this bad?
    General-purpose hashes are built to be fast: a stolen table of SHA-256 password hashes, even salted,
    is cracked at billions of guesses per second on one GPU. Password hashes must be slow and salted.

    ## Example
    ```python
    import hashlib

    def hash_password(password):
        return hashlib.sha256(password.encode()).hexdigest()
    ```

    ## Use instead
    ```python
    import hashlib
    import os

    def hash_password(password):
        salt = os.urandom(16)
        return salt + hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    ```

    ## References
    - [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
    - [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
    - [Python: `hashlib.scrypt`](https://docs.python.org/3/library/hashlib.html#hashlib.scrypt)
    """

    code = "VC205"
    name = "weak-password-hash"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (916, 328)
    # The same call's `B324` says less: a fast hash of a password is the weak-hash use that matters.
    supersedes = ("B324",)
    vets = ("B324",)
    # Every finding is a `hashlib` constructor (or a hash object one made), which the file must name, or Django's
    # setting of its password hashers.
    file_hints = ("hashlib", "password_hashers")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._functions: list[str] = []
        self._hashers: list[dict[str, str]] = [{}]  # per scope: names bound to a fast hash object -> its constructor
        self._password_targets = 0  # depth of assignments whose target is a password
        self._classes: list[str] = []
        self._content_ids = 0  # depth of assignments, calls and keywords naming a content identifier (an ETag)
        self._constructors: list[dict[str, cst.Call]] = [{}]  # per scope: hash object names -> the call making them
        self._in_function: list[tuple[str, cst.Call]] = []  # weak hashes whose function may turn out a digest method
        self._digest_functions: set[str] = set()  # names used as an HMAC's digest or an SQL function
        # Functions called from a content-id function (`def cache_key(...): ... self.generate_hash(names)`), and those
        # called from anywhere else: a helper counts as making content ids only when no other code calls it.
        self._content_callees: set[str] = set()
        self._other_callees: set[str] = set()
        self._naming_content_ids: list[bool] = []  # per function: whether its name says it makes a content id
        self._digest_auth = "qop" in self.context.source  # RFC 7616's quality-of-protection parameter
        self._has_guid = WEBSOCKET_GUID in self.context.source
        self._names_accept = WEBSOCKET_ACCEPT.search(self.context.source) is not None
        self._guid_names: frozenset[str] = frozenset()  # module constants holding the WebSocket GUID
        self._queries_breaches = BREACH_RANGE_API.search(self.context.source) is not None
        self._handshakes: list[bool] = []  # per function: whether it hashes with the WebSocket GUID
        self._breach_lookups: list[bool] = []  # per function: whether it calls a breach range API
        self._key_exchanges: list[bool] = []  # per function: whether it raises to a power modulo N (SRP)
        self._may_send_http = any(client.rstrip(".") in self.context.source for client in HTTP_CLIENT_PREFIXES)
        self._http_senders: list[bool] = []  # per function: whether it sends a request with an HTTP client
        # What the module's password functions call the password (`def hash_password(raw)`: `raw`), and per function
        # those of its own parameters so named (`def legacy_hash(raw)`: the same plain text, hashed another way).
        self._password_parameters: frozenset[str] = frozenset()
        self._named_as_password: list[frozenset[str]] = []

    def visit_Module(self, node: cst.Module) -> None:
        self._password_parameters = password_parameters(node)
        if self._has_guid:
            self._guid_names = frozenset(
                target.value for statement in node.body if isinstance(statement, cst.SimpleStatementLine)
                for small in statement.body if isinstance(small, (cst.Assign, cst.AnnAssign))
                and WEBSOCKET_GUID in str(string_value(small.value) or "")
                for target in assignment_targets(small) if isinstance(target, cst.Name))

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)
        self._hashers.append({})
        self._constructors.append({})
        self._naming_content_ids.append(names_content_id(node.name.value))
        self._named_as_password.append(self._password_parameters.intersection(
            p.name.value for p in node.params.params) if self._password_parameters else frozenset())
        self._handshakes.append(self._hashes_websocket_guid(node))
        self._breach_lookups.append(self._queries_breaches and any(
            isinstance(inner, (cst.SimpleString, cst.FormattedStringText))
            and BREACH_RANGE_API.search(inner.value) is not None for inner in walk_own(node.body)))
        self._key_exchanges.append("pow(" in self.context.source and any(
            type(inner) is cst.Call and type(inner.func) is cst.Name and inner.func.value == "pow"
            and len(inner.args) == MODULAR_POWER_ARGUMENTS for inner in walk_own(node.body)))
        self._http_senders.append(self._may_send_http and any(
            type(inner) is cst.Call and (self.qualified_name(inner) or "").startswith(HTTP_CLIENT_PREFIXES)
            for inner in walk_own(node.body)))

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()
        self._hashers.pop()
        self._constructors.pop()
        self._naming_content_ids.pop()
        self._named_as_password.pop()
        self._handshakes.pop()
        self._breach_lookups.pop()
        self._key_exchanges.pop()
        self._http_senders.pop()

    def _hashes_websocket_guid(self, node: cst.FunctionDef) -> bool:
        """The function mentions the WebSocket GUID (`sha1(key + WS_KEY)`, `h.update(b"258EAFA5-...")`) or the
        `Sec-WebSocket-Accept` header the hash becomes."""
        if not (self._has_guid or self._names_accept):
            return False
        for inner in walk_own(node.body):
            if isinstance(inner, cst.SimpleString) and (WEBSOCKET_GUID in inner.value or WEBSOCKET_ACCEPT.search(inner.value)):
                return True
            if isinstance(inner, cst.Name) and (inner.value in self._guid_names or WEBSOCKET_ACCEPT.fullmatch(inner.value)):
                return True
        return False

    def visit_Attribute(self, node: cst.Attribute) -> None:
        made = node.value
        if node.attr.value in SIZE_ATTRIBUTES and isinstance(made, cst.Call) and not made.args \
                and self.qualified_name(made) in CONSTRUCTORS:
            self.vet(made)  # `sha1().digest_size`: nothing is hashed

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.pop()

    def leave_Module(self, node: cst.Module) -> None:
        for function, call in self._in_function:
            if function in self._digest_functions or (
                    function in self._content_callees and function not in self._other_callees):
                self.vet(call)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._enter_assignment(node, node.value)

    def leave_Assign(self, node: cst.Assign) -> None:
        self._leave_assignment(node)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._enter_assignment(node, node.value)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._leave_assignment(node)

    def _enter_assignment(self, node: cst.Assign | cst.AnnAssign, value: cst.BaseExpression | None) -> None:
        if (type(value) is cst.List or type(value) is cst.Tuple) and value.elements \
                and any(target_name(t) == HASHERS_SETTING for t in assignment_targets(node)):
            self._check_first_hasher(value.elements[0].value)
        if type(value) is cst.Call and self.qualified_name(value) in CONSTRUCTORS:
            qualified = self.qualified_name(value) or ""
            names = [t.value for t in assignment_targets(node) if isinstance(t, cst.Name)]
            self._hashers[-1].update((name, qualified) for name in names)
            self._constructors[-1].update((name, value) for name in names)
        if self._targets_password(node):
            self._password_targets += 1
        if self._targets_content_id(node):
            self._content_ids += 1
        if value is not None and any(names_digest_slot(target_name(t)) for t in assignment_targets(node)):
            self._note_digest_function(value)

    def _check_first_hasher(self, first: cst.BaseExpression) -> None:
        """`PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", ...]`: new passwords get one MD5."""
        hasher = (string_value(first) or "").rpartition(".")[2]
        if hasher in WEAK_DJANGO_HASHERS and not is_dev_path(self.context.project_path):
            self.report(first, f"`PASSWORD_HASHERS` puts `{hasher}` first, so Django hashes every new password with a "
                        "single fast hash.", hint="Put `Argon2PasswordHasher`, `PBKDF2PasswordHasher` or "
                        "`ScryptPasswordHasher` first and keep the weak hasher after it only to upgrade old hashes.")

    def _leave_assignment(self, node: cst.Assign | cst.AnnAssign) -> None:
        if self._targets_password(node):
            self._password_targets -= 1
        if self._targets_content_id(node):
            self._content_ids -= 1

    @staticmethod
    def _targets_content_id(node: cst.Assign | cst.AnnAssign) -> bool:
        return any(names_content_id(target_name(t)) for t in assignment_targets(node))

    def visit_Arg(self, node: cst.Arg) -> None:
        keyword = node.keyword
        if keyword is None:
            return
        if names_content_id(keyword.value):
            self._content_ids += 1
        elif keyword.value in DIGEST_KEYWORDS:
            self._note_digest_function(node.value)

    def leave_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None and names_content_id(node.keyword.value):
            self._content_ids -= 1

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if _prefixes_hex_digest(node):
            self._content_ids += 1

    def leave_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if _prefixes_hex_digest(node):
            self._content_ids -= 1

    def visit_FormattedString(self, node: cst.FormattedString) -> None:
        if _formats_prefixed_hex_digest(node):
            self._content_ids += 1

    def leave_FormattedString(self, node: cst.FormattedString) -> None:
        if _formats_prefixed_hex_digest(node):
            self._content_ids -= 1

    def visit_DictElement(self, node: cst.DictElement) -> None:
        if names_content_id(string_value(node.key)):  # `{"ETag": sha1(body).hexdigest()}`
            self._content_ids += 1

    def leave_DictElement(self, node: cst.DictElement) -> None:
        if names_content_id(string_value(node.key)):
            self._content_ids -= 1

    def _note_digest_function(self, value: cst.BaseExpression) -> None:
        """`value` is used as a digest (`digestmod=_sha1`, `staticmethod(_sha1)`, `lambda d=b"": sha1(d)`): the
        function it names computes an HMAC's inner hash, and a weak constructor called by a lambda is vetted."""
        if isinstance(value, cst.Call) and callee_tail(value.func) == "staticmethod" and value.args:
            value = value.args[0].value
        if isinstance(value, cst.Lambda):
            if isinstance(value.body, cst.Call) and self.qualified_name(value.body) in CONSTRUCTORS:
                self.vet(value.body)
            return
        name = callee_tail(value)
        if name is not None:
            self._digest_functions.add(name)

    def _note_call_roles(self, node: cst.Call) -> None:
        """The functions this call hands on as a digest or an SQL function (the third positional argument), and
        the one a content-id function calls (`def cache_key(...): ... self.generate_hash(names)`)."""
        tail = callee_tail(node.func)
        if tail is not None:
            in_content_id = bool(self._naming_content_ids) and self._naming_content_ids[-1]
            (self._content_callees if in_content_id else self._other_callees).add(tail)
        hands_on = tail in SQL_FUNCTION_REGISTRARS or (tail in ("new", "HMAC", "digest")
                                                        and self.qualified_name(node) in HMAC_CALLS)
        if hands_on and len(node.args) > 2 and node.args[2].keyword is None:
            self._note_digest_function(node.args[2].value)

    @staticmethod
    def _targets_password(node: cst.Assign | cst.AnnAssign) -> bool:
        return any(is_password_name(target_name(t)) for t in assignment_targets(node))

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if self._compares_password(node):  # `sha1(raw.encode()).hexdigest() == self.password`: the stored hash
            self._password_targets += 1

    def leave_Comparison(self, node: cst.Comparison) -> None:
        if self._compares_password(node):
            self._password_targets -= 1

    @staticmethod
    def _compares_password(node: cst.Comparison) -> bool:
        return any(isinstance(c.operator, (cst.Equal, cst.NotEqual)) for c in node.comparisons) and any(
            isinstance(operand, (cst.Name, cst.Attribute, cst.Subscript)) and is_password_name(target_name(operand))
            for operand in (node.left, *(c.comparator for c in node.comparisons)))

    def visit_Call(self, node: cst.Call) -> None:
        if self.context.is_test_file:
            return
        if self._names_content_id_callee(node):
            self._content_ids += 1
        qualified = self.qualified_name(node)
        if qualified in CONSTRUCTORS:
            data = argument(node, 1, "data") if qualified == "hashlib.new" else argument(node, 0, "data")
            if data is None and qualified != "hashlib.new":
                data = argument(node, None, "string")
            in_password_function = bool(self._functions) and PASSWORD_KIND in function_kinds(self._functions[-1])
            if self._breach_lookups and self._breach_lookups[-1] or self._key_exchanges and self._key_exchanges[-1]:
                self.vet(node)  # the SHA-1 a breach range API asks for, or SRP's exponent: not a stored hash
            elif self._logs_in_elsewhere(data):
                self.vet(node)
            elif mentions_nonce(data) and not self._password_targets:
                self.vet(node)  # a proof for one request (WSSE's PasswordDigest): no store keeps it
            elif data is None and self._http_senders and self._http_senders[-1]:
                pass  # `password_md5 = hashlib.md5()` before a login: its `.update(...)` tells whose password it hashes
            elif (mentions_password(data) or self._password_targets or in_password_function
                  or self._hashes_password_parameter(data)) and not self._in_random_key_hasher():
                self._report(node, node, qualified)
            else:
                self._vet_purpose(node)
            return
        self._note_call_roles(node)
        func = node.func
        if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
            return
        receiver = func.value.value
        if (func.attr.value == "update" and receiver in self._hashers[-1] and node.args
                and mentions_password(node.args[0].value) and not self._in_random_key_hasher()):
            if self._logs_in_elsewhere(node.args[0].value) or (mentions_nonce(node.args[0].value)
                                                                and not self._password_targets):
                self.vet(self._constructors[-1][receiver])
            else:
                self._report(node, None, self._hashers[-1][receiver])
        elif func.attr.value in ("hexdigest", "digest") and self._content_ids and receiver in self._constructors[-1]:
            self.vet(self._constructors[-1][receiver])  # `h = sha1(); ...; etag = h.hexdigest()`

    def _hashes_password_parameter(self, data: cst.CSTNode | None) -> bool:
        """`def legacy_hash(raw): return md5(raw.encode()).hexdigest()` beside `def hash_password(raw)`: the parameter
        holds what the module's password functions call the password, unless the function is named for a content id
        (`def etag(raw)`)."""
        named = self._named_as_password[-1] if self._named_as_password else frozenset()
        if not named or data is None or self._content_ids or self._naming_content_ids[-1]:
            return False
        return any(type(inner) is cst.Name and inner.value in named for inner in walk_own(data))

    def _in_random_key_hasher(self) -> bool:
        return bool(self._classes) and hashes_random_keys(self._classes[-1])

    def _logs_in_elsewhere(self, data: cst.CSTNode | None) -> bool:
        """The object's own password hashed in a function that sends an HTTP request: a login to another service."""
        return bool(self._http_senders) and self._http_senders[-1] and own_credential_only(data)

    def leave_Call(self, node: cst.Call) -> None:
        if not self.context.is_test_file and self._names_content_id_callee(node):
            self._content_ids -= 1

    def _names_content_id_callee(self, node: cst.Call) -> bool:
        """`set_etag(...)`, `cache.set(...)`, `make_cache_key(...)`: what the call's arguments become is named; or
        `os.path.join(...)`: they become a file's path."""
        func = node.func
        tail = callee_tail(func)
        return names_content_id(tail) or (type(func) is cst.Attribute and names_content_id(callee_tail(func.value))) \
            or (tail == PATH_JOINER_TAIL and self.qualified_name(node) in PATH_JOINERS)

    def _vet_purpose(self, node: cst.Call) -> None:
        """Clear bandit's B324 on a hash the code shows to protect nothing (see the docstring)."""
        function = self._functions[-1] if self._functions else None
        if self._content_ids or (self._naming_content_ids and self._naming_content_ids[-1]) or (
                self._handshakes and self._handshakes[-1]) or (
                self._digest_auth and any("digest" in name.lower() for name in (*self._classes, *self._functions))):
            self.vet(node)
        elif function is not None:
            self._in_function.append((function, node))

    def _report(self, node: cst.Call, constructor: cst.Call | None, qualified: str) -> None:
        algorithm = qualified.rsplit(".", 1)[-1]
        name = constructor.args[0].value if constructor is not None and constructor.args else None
        if algorithm == "new":
            algorithm = string_value(name) or algorithm
        hasher = f"`hashlib.{algorithm}`" if algorithm in FAST_HASHES else "a `hashlib` hash"
        self.report(node, f"A password is hashed with {hasher}, a fast hash that lets whoever gets the hashes "
                    "test billions of guesses per second.", hint=HINT)
