"""VC206: a token, password, session id, one-time code, nonce or salt built with the predictable `random` module."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import libcst as cst
from libcst.helpers import get_full_name_for_node

from vibecheck.analysis.import_edits import reference
from vibecheck.analysis.nodes import suite_statements
from vibecheck.cst_fields import child_nodes
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import NodeFix, Rule
from vibecheck.rules.auth.exprs import argument, assignment_targets, has_star_args, string_value, target_name
from vibecheck.rules.auth.names import (
    GENERATED_SECRETS,
    NONCE,
    OTP,
    PASSWORD_KIND,
    SALT,
    function_kinds,
    is_dev_settings_path,
    secret_kinds,
    words,
)

# Predictable generators: Mersenne Twister (`random`, `numpy.random`) and the clock-and-MAC `uuid1`.
RANDOM_FUNCTIONS = frozenset({
    *(f"random.{name}" for name in ("random", "randint", "randrange", "choice", "choices", "sample", "getrandbits",
                                     "shuffle", "uniform", "randbytes")),
    *(f"numpy.random.{name}" for name in ("randint", "choice", "bytes", "rand", "random", "random_integers", "permutation")),
    "uuid.uuid1",
})
# Generator objects with the same predictable methods: `random.Random(seed).getrandbits(160)`, `rng.choice(...)`.
SYSTEM_GENERATORS = frozenset({"random.SystemRandom", "secrets.SystemRandom"})
GENERATOR_CLASSES = frozenset({"random.Random", "numpy.random.RandomState", "numpy.random.default_rng"})
GENERATOR_METHODS = frozenset({name.rsplit(".", 1)[1] for name in RANDOM_FUNCTIONS} | {"integers"})
# The clock: a secret made of it (`sha1(f"{user_id}:{time.time()}")`) is guessed by trying the seconds around its issue.
CLOCK_FUNCTIONS = frozenset({"time.time", "time.time_ns", "time.monotonic", "time.perf_counter", "datetime.datetime.now",
                             "datetime.datetime.utcnow", "datetime.datetime.today"})
# Steps that turn a value into a secret's text without adding anything unpredictable: a secret assigned the clock
# through these alone is the clock. A bare number or an ISO date is a timestamp, not a secret: some step must make text.
TEXT_CALLS = frozenset({"str", "hex", "repr", "format"})
TEXT_METHODS = frozenset({"hexdigest", "digest", "encode", "format", "join", "hex"})
NUMBER_STEPS = frozenset({"int", "round", "float", "timestamp"})
# Cryptographic randomness mixed in makes the clock harmless.
STRONG_RANDOM_PREFIXES = ("secrets.", "os.urandom", "uuid.uuid4", "random.SystemRandom")
# Digests and name-based UUIDs: the same input always gives the same output, so a secret made of them alone is
# only as secret as what went in.
DIGEST_METHODS = frozenset({"hexdigest", "digest"})
NAME_BASED_UUIDS = frozenset({"uuid.uuid3", "uuid.uuid5"})
# Text steps an input passes through on its way into the digest: they add nothing an attacker does not know.
PUBLIC_TEXT_METHODS = frozenset({"encode", "lower", "upper", "strip", "casefold", "format", "join"})
# Words of a parameter that may hold a key the digest is keyed with (`def token_for(email, key)`), or the secret
# itself (`def hash_backup_code(code)`).
KEY_WORDS = frozenset({"key", "pepper", "salt", "seed", "secret", "code", "pin"})
# First words of a function that stores or checks a secret it is handed (`hash_backup_code`, `verify_token`): its
# digest is the secret's, kept in its place, not a new one.
HANDLING_VERBS = frozenset({"hash", "check", "verify", "validate", "compare", "encrypt", "encode", "store", "save",
                            "set", "update", "change"})
# A secret's timestamp (`reset_token_sent_at`, `token_expiry`) is the clock by design.
TIME_WORDS = frozenset({"at", "time", "timestamp", "ts", "sent", "created", "expires", "expiry", "expiration", "date",
                        "issued", "iat", "exp", "age", "ttl", "updated", "started", "until", "when"})
# The ids that admit whoever holds them, as a link's code does (`invite_id`, `invitation_id`: the invitee signs up with
# it), told by their last two words; other ids name rows, which need not be unguessable.
CAPABILITY_IDS = frozenset({("invite", "id"), ("invitation", "id")})
# The ids that are the only key to what they name when drawn whole: a paste's or a shared item's slug, a short link's code
# (`def new_slug(): return "".join(random.choices(ALPHABET, k=8))`): whoever guesses one reads an unlisted paste or a
# private link's target. Told by their last words, drawn where the only inputs are sizes: a slug made with a title is an
# address, its random part only makes it unique.
LINK_IDS = frozenset({("slug",), ("short", "code"), ("short", "id"), ("share", "id"), ("share", "code"),
                      ("share", "slug")})
LINK = "link id"
SIZE_PARAMETERS = frozenset({"self", "cls", "k", "n", "alphabet", "chars", "charset"})
# A number of four to eight digits drawn by `randint(100000, 999999)` and stored as a `code` or `pin` is a one-time code.
CODE_WORDS = frozenset({"code", "pin", "passcode"})
DIGIT_DRAWS = frozenset({"random.randint", "random.randrange"})
CODE_DIGITS = range(4, 9)
# Enclosing functions or classes whose randomness is not a secret: MIME boundaries, test doubles, retry jitter.
# Words of a name that holds how long a secret is or how many parts it has (`length`, `word_count`), not its content.
SIZE_WORDS = frozenset({"len", "length", "size", "count", "num"})
# Calls whose argument is a number of items or characters: the size goes in, no drawn value comes out.
SIZE_TAKERS = frozenset({"range", "urandom", "token_bytes", "token_hex", "token_urlsafe"})
# Calls that make a file path of their arguments: a "salt" read only there names a folder (pip-tools' download dir
# `os.path.join(base, salt[:2], salt[2:4], ...)`), and salts no hash.
PATH_MAKERS = frozenset({"os.path.join", "path.join", "posixpath.join", "Path", "pathlib.Path", "PurePath",
                         "pathlib.PurePath"})
NOT_SECRET_CONTEXTS = frozenset({"boundary", "mock", "fake", "dummy", "jitter", "backoff", "retry", "shuffle"})
# The methods of `contextvars.ContextVar` that hand out and take back a reset token.
CONTEXT_VARIABLE_METHODS = frozenset({"get", "set", "reset"})
# What a file that salts a hash names: a hash or HMAC, a key derivation, a cipher, a password.
HASHING = lazy_pattern(r"hash|hmac|\.digest\(|hexdigest|crypt|kdf|sha\d|md5|argon|blake|passw|pwd", re.IGNORECASE)
KIND_ORDER = ("password", "api key", "session id", "csrf token", "one-time code", "nonce", "salt", "secret", "token",
              LINK)
HINT = ("Use the `secrets` module: `secrets.token_urlsafe()`, `secrets.token_hex()`, `secrets.choice()` or "
        "`secrets.randbelow()`.")
# Values whose point is to be used once, not to stay secret: what goes wrong, and what to use, said for them.
UNIQUE_KINDS = {
    NONCE: ("so nonces can repeat or be predicted, and a replayed or guessed nonce lets a request or script through",
            "Make each nonce with `secrets.token_urlsafe(16)`, which is unique and unpredictable."),
    SALT: ("so salts can repeat or be predicted, and passwords sharing a salt can be cracked together",
           "Make each salt with `secrets.token_bytes(16)`, or let the password hasher make it (`bcrypt.gensalt()`)."),
    LINK: ("so an attacker can guess ids and open what only its link should reach (an unlisted paste, a shared file)",
           "Draw the id with `secrets.token_urlsafe(8)` or `secrets.choice(alphabet)`, long enough not to be guessed."),
}


def _is_context_variable(node: cst.ClassDef) -> bool:
    """A class with `contextvars.ContextVar`'s interface (`set` hands out a token that `reset` takes back): its
    "token" is a handle for undoing a `set`, which no one guesses to gain anything."""
    body = node.body.body if isinstance(node.body, cst.IndentedBlock) else ()
    return CONTEXT_VARIABLE_METHODS.issubset(s.name.value for s in body if type(s) is cst.FunctionDef)


def _describe(kinds: frozenset[str]) -> str:
    return next(k for k in KIND_ORDER if k in kinds)


class InsecureRandomToken(Rule):
    """A token, password, one-time code, session id, nonce or salt is built with the `random` module.

    ## What it does
    Reports calls to `random.random/randint/randrange/choice/choices/sample/getrandbits/shuffle/uniform/
    randbytes`, the same `numpy.random` functions, the same methods of a seedable generator object
    (`random.Random(seed).getrandbits(160)`, `numpy.random.default_rng()`, or a name bound to one such as
    `rng = random.Random()`) and `uuid.uuid1()` (through any import alias) when the value builds a secret:
    - it is assigned (also with `+=`, or through a dict key, a keyword argument or a cookie's name such as
      `User(password=...)`, `{"token": ...}` or `set_cookie("session_id", ...)`) to something named like a
      token, password, api key, session id, CSRF token, OTP or verification/reset code, nonce, salt or secret, an
      invitation's id (`invite_id`: the invitee signs up with it; other ids name rows), or a link's id that is the only
      key to what it names (a `slug`, `short_code`, `share_id`), drawn where the only inputs are sizes (`def
      new_slug(k=8)`; `def unique_slug(title)` makes an address unique);
    - it is computed in a function named for one (`generate_token`, `make_otp`, `random_password`,
      `send_verification_code`, `new_slug`);
    - or it is first stored in a variable that later flows into such an assignment, dict key or keyword argument in
      the same function (`digits = random.choices(...)`, then `otp = "".join(digits)`; `raw = "".join(random.choices(
      ...))`, then `return {"api_key": raw}` or `create(token=raw)`);
    - or it is a number of four to eight digits (`randint(100000, 999999)`, `randint(0, 999999)`,
      `randrange(10**6)`, `randint(0, 10**6 - 1)`) stored or returned as a `code` or `pin` (`download_code`,
      `def new_pin()`): the shape of a one-time code;
    - or a helper function of the same file returns such a value (`def random_string(n): ...`) and its
      result builds a secret in one of the ways above (`token = random_string(32)`).

    A secret made of the clock alone is reported too: `time.time()`, `time.time_ns()` or `datetime.now()` turned
    into text (`str()`, an f-string, `hashlib.sha1(...).hexdigest()`) and assigned, passed or returned as a
    secret (`session_id = sha1(f"{user_id}:{time.time()}".encode()).hexdigest()`). Not when `secrets`,
    `os.urandom` or `uuid4` or a value named like a secret is mixed in, when the clock is a bare number or
    goes through another call (a JWT's `exp` claim), or when the name says it is a time (`reset_token_sent_at`).

    So is a secret that is a digest or a name-based UUID of the function's own inputs and nothing else
    (`def invite_token(email): return hashlib.sha256(email.lower().encode()).hexdigest()`,
    `uuid.uuid5(uuid.NAMESPACE_URL, user.email)`), assigned to a secret's name or returned from a function named
    for one: whoever knows the address or the id computes the token. A "salt" read only where a file path is made
    (pip-tools' `salt = sha224(url.encode()).hexdigest()` then `os.path.join(root, salt[:2], salt[2:])`) names a
    folder and salts no hash: not reported. Not when a key, a setting, a local variable
    or any call other than a text step (`.encode()`, `.lower()`, `str()`) goes in too, nor when a parameter is
    named for a secret, a code or a key (`def token_hash(token)`, `def sign(email, key)`), nor in a function that
    hashes, checks, sets or stores a secret it is handed (`hash_backup_code`, `verify_invite_token`), nor for a
    password (its digest is its stored hash, VC205's to judge).

    `random.SystemRandom()` and the `secrets` module are not reported (also through a module name rebound to it at
    the top: `if hasattr(random, "SystemRandom"): random = random.SystemRandom()`, as Flask-SeaSurf does), nor is a
    predictable draw joined (`+`, an f-string, `"".join(...)`) to one from `secrets`, `os.urandom` or `uuid4`
    (`uuid.uuid4().hex + uuid.uuid1().hex`: the cryptographic part alone is unguessable), nor is a generator bound
    to `random.Random()` in `except NotImplementedError:`, the fallback for a platform whose `SystemRandom()` has no
    random source; neither are test files and test or
    development settings modules (`tests/settings.py`, `testapp/testsettings.py`, `settings/dev.py`), nor code in
    functions or classes named for something that is not a secret (`_make_boundary`, `FakeCredentials`,
    `retry_with_jitter`), nor a draw weighted by probabilities the code gives (`numpy.random.choice(len(probs),
    p=probs)`, `random.choices(seq, weights=w)`: a language model's sampled next token, not a secret), nor a draw bound
    to a size (`length = random.randint(10, 50)`, `word_count`) that the function reads only as a slice bound or a
    count (`hexlify(os.urandom(50)).decode()[:length]`, `range(length)`): it picks how long the secret is, not what it
    holds (`str(count)` put into the secret still fires), nor a draw that only decides which branch gives a secret
    (`password=conn.password if not picked["anonymous"] else None`: the pick is tested, not sent), nor the reset
    token of a class shaped like `contextvars.ContextVar` (its `set` returns
    the token its `reset` takes back), nor a salt in a module that names no hash, digest, key derivation, cipher or
    password (a "salt" appended to a chat button's data only makes it unique; a function named for making salts is
    still reported).

    ## Why is this bad?
    `random` is a Mersenne Twister: after 624 observed outputs its whole future (and past) is known, and
    seeds are often guessable. Reset codes, session ids and API keys drawn from it can be predicted.
    `uuid1()` is the clock plus the machine's MAC address.

    ## Example
    ```python
    import random
    import string

    def generate_reset_token():
        return "".join(random.choices(string.ascii_letters + string.digits, k=32))
    ```

    ## Use instead
    ```python
    import secrets

    def generate_reset_token():
        return secrets.token_urlsafe(32)
    ```

    ## Fix safety
    The fix draws the same kind of value from `secrets` (adding `import secrets` when needed):
    `random.choice(seq)` -> `secrets.choice(seq)`, `random.choices(seq, k=n)` ->
    `[secrets.choice(seq) for _ in range(n)]` (no weights; `seq` a name, attribute or string),
    `random.randint(a, b)` -> `secrets.randbelow(b - a + 1) + a`, `random.randrange(a, b)` ->
    `secrets.randbelow(b - a) + a`, `random.getrandbits(k)` -> `secrets.randbits(k)`, `random.randbytes(n)`
    -> `secrets.token_bytes(n)`, `uuid.uuid1()` -> `uuid.uuid4()`; every other `random` call
    (`sample`, `shuffle`, `uniform`, `choices` of a computed sequence, other arguments) calls the same method of
    `secrets.SystemRandom()`, the operating system's generator behind the same interface
    (`random.sample(pool, 8)` -> `secrets.SystemRandom().sample(pool, 8)`). It is safe: the values have
    the same type and range, and the same bad arguments raise the same errors; only code that seeds
    `random` to replay a value notices, and a secret must not be replayable. No fix for `numpy.random`,
    for calls through a helper, or where `secrets` names something else in the file; a `from random
    import choice` left unused stays for the author to delete.

    ## References
    - [CWE-330: Use of Insufficiently Random Values](https://cwe.mitre.org/data/definitions/330.html)
    - [CWE-338: Use of Cryptographically Weak PRNG](https://cwe.mitre.org/data/definitions/338.html)
    - [Python: the `secrets` module](https://docs.python.org/3/library/secrets.html)
    """

    code = "VC206"
    name = "insecure-random-token"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (330, 338)
    applies_to_tests = False  # a token made in a test protects nothing
    # Every finding's value comes from `random`, `numpy.random`, a `uuid` function, the clock (`time`, `datetime`) or
    # `hashlib`, each resolved through the file's imports: so the module's name occurs as a name. As text, `time` let in
    # every file that says `timeout` or `timezone` (299 of Django's 883 files, 225 as names).
    file_hints = ("random", "uuid", "time", "datetime", "hashlib")
    file_hints_are_names = True
    supersedes = ("B311",)
    fixable = True

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._functions: list[str] = []
        self._function_nodes: list[cst.FunctionDef] = []
        self._parameters: list[frozenset[str]] = []  # per enclosing function: the names of its parameters
        self._contexts: list[list[str]] = []  # names the value being computed is stored under (innermost last)
        self._tainted: list[dict[str, cst.Call]] = [{}]  # per scope: variable -> the random call it holds
        self._reported: set[int] = set()
        # depth of functions/classes such as `_make_boundary` or `FakeTokenFactory`; a test or development settings
        # module's `SECRET_KEY` signs nothing a deployment trusts
        self._quiet = int(is_dev_settings_path(self.context.path))
        self._helpers: dict[str, str] = {}  # functions of this file that return `random` output -> the random call
        self._generators: set[str] = set()  # names bound to a predictable generator object (`rng = random.Random()`)
        self._entropy_fallbacks = 0  # enclosing `except NotImplementedError:` handlers: no OS generator to draw from
        self._own_slots: set[int] = set()  # expressions that stand alone (an argument, a value): a sum needs no parentheses
        self._cookie_values: dict[int, str] = {}  # the value given to `set_cookie(name, value)` -> the cookie's name
        self._hashes: bool | None = None  # whether the file hashes anything: searched for on the first salt only
        # per enclosing concatenation (`a + b`, an f-string, `"".join(...)`): the outermost one, which holds the others
        # and decides whether they also draw from a cryptographic generator (`_mixes_strong`, asked of few)
        self._strong_mixes: list[cst.CSTNode] = []
        self._strong: dict[int, bool] = {}  # outermost concatenation id -> whether it draws from one

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.append(node.name.value)
        self._function_nodes.append(node)
        params = node.params
        every = (*params.posonly_params, *params.params, *params.kwonly_params)
        self._parameters.append(frozenset(param.name.value for param in every))
        self._tainted.append({})
        self._enter_scope(node.name.value)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._functions.pop()
        self._function_nodes.pop()
        self._parameters.pop()
        self._tainted.pop()
        self._leave_scope(node.name.value)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._enter_scope(node.name.value)
        self._quiet += _is_context_variable(node)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._leave_scope(node.name.value)
        self._quiet -= _is_context_variable(node)

    def _enter_scope(self, name: str) -> None:
        if NOT_SECRET_CONTEXTS & set(words(name)):
            self._quiet += 1

    def _leave_scope(self, name: str) -> None:
        if NOT_SECRET_CONTEXTS & set(words(name)):
            self._quiet -= 1

    def _enter(self, node: cst.Assign | cst.AnnAssign | cst.AugAssign) -> None:
        names = [name for name in (target_name(t) for t in assignment_targets(node)) if name]
        self._contexts.append(names)
        value = node.value
        if type(value) is cst.Call and self.qualified_name(value) in GENERATOR_CLASSES and not self._entropy_fallbacks:
            self._generators.update(names)
        if value is not None:
            self._own_slots.add(id(value))
        kinds = self._kinds(names)
        if kinds and value is not None:
            self._report_tainted(value, names, kinds)
            self._report_clock(value, names, kinds)
            if kinds == {SALT} and self._function_nodes and _used_only_in_paths(self._function_nodes[-1], names[0]):
                return
            self._report_public_digest(value, f"`{names[0]}`", kinds)

    def _leave(self, node: cst.CSTNode) -> None:
        self._contexts.pop()

    visit_Assign = visit_AnnAssign = visit_AugAssign = _enter
    leave_Assign = leave_AnnAssign = leave_AugAssign = _leave

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._entropy_fallbacks += _catches_missing_entropy(node)

    def leave_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._entropy_fallbacks -= _catches_missing_entropy(node)

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self._own_slots.add(id(node.value))
            if self._functions:
                name = self._functions[-1]
                kinds = function_kinds(name) & GENERATED_SECRETS
                self._report_clock(node.value, [f"{name}()"], kinds)
                self._report_public_digest(node.value, f"`{name}()`", kinds)

    def visit_Arg(self, node: cst.Arg) -> None:
        self._own_slots.add(id(node.value))
        cookie = self._cookie_values.get(id(node.value))
        slot = cookie if cookie is not None else node.keyword.value if node.keyword is not None else None
        self._contexts.append([slot] if slot is not None else [])
        if slot is not None:
            self._report_slot(node.value, slot)

    def leave_Arg(self, node: cst.Arg) -> None:
        self._contexts.pop()

    def visit_DictElement(self, node: cst.DictElement) -> None:
        self._own_slots.add(id(node.value))
        key = string_value(node.key)
        self._contexts.append([key] if key else [])
        if key:
            self._report_slot(node.value, key)

    def _report_slot(self, value: cst.BaseExpression, slot: str) -> None:
        """A value given to a keyword or a dict key named for a secret (`token=...`, `{"api_key": raw}`): the clock, or
        a name that an earlier line bound to `random` output (`raw = "".join(random.choices(...))`)."""
        kinds = self._kinds([slot])
        self._report_clock(value, [slot], kinds)
        if kinds:
            self._report_tainted(value, [slot], kinds)

    def leave_DictElement(self, node: cst.DictElement) -> None:
        self._contexts.pop()

    def _kinds(self, names: list[str]) -> frozenset[str]:
        kinds: frozenset[str] = frozenset()
        for name in names:
            kinds |= secret_kinds(name) & GENERATED_SECRETS
            if words(name)[-2:] in CAPABILITY_IDS:
                kinds |= {OTP}
        return self._salting(kinds)

    def _names_link_id(self, name: str) -> bool:
        """`slug`, `new_slug`, `short_code`, `share_id`, drawn where the only inputs are sizes (`def new_slug(k=8)`,
        not `def unique_slug(title)`): the whole id is the draw."""
        parts = words(name)
        return (parts[-1:] == ("slug",) or parts[-2:] in LINK_IDS) and all(
            parameter in SIZE_PARAMETERS or SIZE_WORDS.intersection(words(parameter))
            for parameter in (self._parameters[-1] if self._parameters else ()))

    def _salting(self, kinds: frozenset[str]) -> frozenset[str]:
        """The kinds of a name, less `salt` in a file that hashes nothing: its "salt" is a suffix that makes a value
        unique (a chat button's callback data), which no hash is salted with. A function named for making salts
        (`make_salt()`) makes them for a hash, wherever that is."""
        if SALT not in kinds:
            return kinds
        if self._hashes is None:
            self._hashes = HASHING.search(self.context.source) is not None
        return kinds if self._hashes else kinds - {SALT}

    @functools.cached_property
    def _system_generators(self) -> frozenset[str]:
        """Module names rebound to the operating system's generator at the top (Flask-SeaSurf's `if hasattr(random,
        "SystemRandom"): random = random.SystemRandom()`): `random.randrange(...)` below draws from it."""
        found: set[str] = set()
        pending: list[cst.CSTNode] = [small for line in self.context.module.body for small in (
            line.body if type(line) is cst.SimpleStatementLine else [line])]
        while pending:
            statement = pending.pop()
            if isinstance(statement, (cst.If, cst.Try, cst.Else)):
                pending.extend(suite_statements(statement.body))
                orelse = getattr(statement, "orelse", None)
                pending.extend([orelse] if orelse is not None else [])
            elif isinstance(statement, cst.Assign) and isinstance(statement.value, cst.Call) \
                    and self.qualified_name(statement.value) in SYSTEM_GENERATORS:
                found.update(target.target.value for target in statement.targets if type(target.target) is cst.Name)
        return frozenset(found)

    def _source(self, call: cst.Call) -> tuple[str, str] | None:
        """(the predictable function behind the call, how to name the call) for a random call or a helper call."""
        if type(call.func) is cst.Attribute and type(call.func.value) is cst.Name \
                and call.func.value.value in self._system_generators:
            return None
        qualified = self.qualified_name(call)
        if qualified in RANDOM_FUNCTIONS:
            return qualified, f"`{qualified}()`"
        func = call.func
        if type(func) is cst.Name and func.value in self._helpers:
            source = self._helpers[func.value]
            return source, f"`{func.value}()`, which draws from `{source}()`,"
        if type(func) is cst.Attribute and func.attr.value in GENERATOR_METHODS and self._is_generator(func.value):
            method = f"random.{func.attr.value}"
            return method, f"`{self.context.module.code_for_node(func)}()`, a seedable `random` generator's method,"
        return None

    def _is_generator(self, node: cst.BaseExpression) -> bool:
        """`random.Random(seed)`, `numpy.random.default_rng()`, or a name bound to one."""
        if isinstance(node, cst.Call):
            return self.qualified_name(node) in GENERATOR_CLASSES
        return (target_name(node) or "") in self._generators

    def _enter_concatenation(self, node: cst.BaseExpression) -> None:
        self._strong_mixes.append(self._strong_mixes[-1] if self._strong_mixes else node)

    def _leave_concatenation(self, node: cst.BaseExpression) -> None:
        self._strong_mixes.pop()

    def visit_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if type(node.operator) is cst.Add:
            self._enter_concatenation(node)

    def leave_BinaryOperation(self, node: cst.BinaryOperation) -> None:
        if type(node.operator) is cst.Add:
            self._leave_concatenation(node)

    visit_FormattedString = _enter_concatenation
    leave_FormattedString = _leave_concatenation

    def _mixes_strong(self) -> bool:
        """Whether the enclosing concatenation also draws from a cryptographic generator, searched once per outermost
        concatenation, and only when a predictable draw inside it asks (most concatenations hold none)."""
        if not self._strong_mixes:
            return False
        outer = self._strong_mixes[-1]
        found = self._strong.get(id(outer))
        if found is None:
            found = self._strong[id(outer)] = self._draws_strong(outer)
        return found

    def _draws_strong(self, node: cst.CSTNode) -> bool:
        """Whether an expression calls a cryptographic generator (`secrets`, `os.urandom`, `uuid4`) anywhere in it."""
        pending: list[cst.CSTNode] = [node]
        while pending:
            current = pending.pop()
            if isinstance(current, cst.Call) and (self.qualified_name(current) or "").startswith(STRONG_RANDOM_PREFIXES):
                return True
            pending.extend(child_nodes(current))
        return False

    def visit_Call(self, node: cst.Call) -> None:
        if _is_join(node):
            self._enter_concatenation(node)
        if self._quiet:
            return
        self._note_cookie(node)
        source = self._source(node)
        if source is None or _weighted_draw(node) or self._mixes_strong():
            return
        for names in reversed(self._contexts):
            kinds = self._kinds(names) or (frozenset({LINK}) if any(map(self._names_link_id, names)) else frozenset())
            if kinds:
                self._report(node, source, _describe(kinds), f"`{names[0]}`")
                return
        if self._draws_a_size():
            return
        if self._functions:
            kinds = function_kinds(self._functions[-1]) & GENERATED_SECRETS \
                or (frozenset({LINK}) if self._names_link_id(self._functions[-1]) else frozenset())
            if kinds:
                self._report(node, source, _describe(kinds), f"`{self._functions[-1]}()`")
                return
        if self._draws_digits(node):
            slots = [*((f"`{name}`", name) for names in self._contexts[-1:] for name in names),
                       *((f"`{name}()`", name) for name in self._functions[-1:])]
            code = next((label for label, name in slots if words(name)[-1:] and words(name)[-1] in CODE_WORDS), None)
            if code is not None:
                self._report(node, source, OTP, code)
                return
        for names in self._contexts:
            for name in names:
                self._tainted[-1].setdefault(name, node)
        if self._functions:
            self._helpers.setdefault(self._functions[-1], source[0])

    def _draws_a_size(self) -> bool:
        """`length = random.randint(lo, hi)` whose every use in the function is a slice bound or a count
        (`os.urandom(n).hex()[:length]`, `range(length)`): it picks how long the secret is, not what it holds; a
        size that is itself put into the secret (`str(count)`) still counts as its content."""
        names = self._contexts[-1] if self._contexts else []
        if len(names) != 1 or not SIZE_WORDS & set(words(names[0])) or not self._function_nodes:
            return False
        return _used_only_as_size(self._function_nodes[-1], names[0])

    def leave_Call(self, node: cst.Call) -> None:
        if _is_join(node):
            self._leave_concatenation(node)

    def _draws_digits(self, call: cst.Call) -> bool:
        """`randint(100000, 999999)`, `randint(0, 999999)`, `randrange(10**6)`: a number of a code's length."""
        if self.qualified_name(call) not in DIGIT_DRAWS or has_star_args(call) or len(call.args) not in (1, 2):
            return False
        given = [_integer(arg.value) for arg in call.args]
        bounds = [bound for bound in given if bound is not None]
        if len(bounds) != len(given):
            return False
        *low, high = bounds
        top = high + 1 if self.qualified_name(call) == "random.randint" else high
        return any(top == 10 ** digits and low in ([], [0], [10 ** (digits - 1)]) for digits in CODE_DIGITS)

    def _note_cookie(self, call: cst.Call) -> None:
        """`response.set_cookie("session_token", value)`: the value is stored under the cookie's name."""
        if type(call.func) is not cst.Attribute or call.func.attr.value != "set_cookie":
            return
        key, value = argument(call, 0, "key"), argument(call, 1, "value")
        name = string_value(key) if key is not None else None
        if name is not None and value is not None:
            self._cookie_values[id(value)] = name

    def _report_tainted(self, value: cst.BaseExpression, names: list[str], kinds: frozenset[str]) -> None:
        tainted = self._tainted[-1]
        if not tainted:
            return
        pending: list[cst.CSTNode] = [value]
        while pending:
            current = pending.pop()
            if isinstance(current, cst.Name) and current.value in tainted:
                call = tainted[current.value]
                source = self._source(call)
                if source is not None:
                    self._report(call, source, _describe(kinds), f"`{names[0]}`")
                return
            if type(current) is cst.IfExp:  # the test only picks a branch: `password if not ref["anonymous"] else None`
                pending.extend((current.orelse, current.body))
                continue
            pending.extend(child_nodes(current))

    def _report_clock(self, value: cst.BaseExpression, names: list[str], kinds: frozenset[str]) -> None:
        """Report the clock when it alone, turned into text, is the secret stored under `names`."""
        if not kinds or self._quiet or TIME_WORDS & set(words(names[0])):
            return
        clocks: list[cst.Call] = []
        if not self._clock_text(value, clocks) or not clocks or self._mixes_in_randomness(value):
            return
        source = self.qualified_name(clocks[0]) or "time.time"
        self._report(clocks[0], (source, f"`{source}()`"), _describe(kinds), f"`{names[0]}`")

    def _clock_text(self, node: cst.BaseExpression, clocks: list[cst.Call]) -> bool:
        """Collect the clock calls `node` is built from through text steps; True when some step made text."""
        if isinstance(node, cst.FormattedString):
            for part in node.parts:
                if isinstance(part, cst.FormattedStringExpression):
                    self._clock_text(part.expression, clocks)
            return True
        if isinstance(node, cst.BinaryOperation):
            left, right = self._clock_text(node.left, clocks), self._clock_text(node.right, clocks)
            return left or right
        if not isinstance(node, cst.Call):
            return False
        qualified = self.qualified_name(node) or ""
        if qualified in CLOCK_FUNCTIONS:
            clocks.append(node)
            return False
        func = node.func
        inner = [arg.value for arg in node.args]
        if isinstance(func, cst.Attribute) and func.attr.value in TEXT_METHODS | NUMBER_STEPS:
            inner.append(func.value)
        elif not (qualified in TEXT_CALLS | NUMBER_STEPS or qualified.startswith("hashlib.")):
            return False
        made_text = [self._clock_text(value, clocks) for value in inner]
        return any(made_text) or qualified not in NUMBER_STEPS and not (
            isinstance(func, cst.Attribute) and func.attr.value in NUMBER_STEPS)

    def _report_public_digest(self, value: cst.BaseExpression, where: str, kinds: frozenset[str]) -> None:
        """Report a secret that is a digest (or a name-based UUID) of the function's own inputs alone:
        `hashlib.sha256(email.lower().encode()).hexdigest()` as an invite token is computed by anyone who knows the
        address. Not when anything else goes in (a key, a setting, a local, a call that is not a text step)."""
        kinds = kinds - {PASSWORD_KIND}  # a password's digest is its stored hash, VC205's to judge
        if not kinds or self._quiet or not self._parameters or HANDLING_VERBS.intersection(words(self._functions[-1])[:1]):
            return
        digest = self._digest_call(value)
        if digest is None:
            return
        inputs: list[str] = []
        if not all(self._public_input(arg.value, inputs) for arg in digest.args) or not inputs:
            return
        if id(digest) in self._reported:
            return
        self._reported.add(id(digest))
        shown = ", ".join(f"`{name}`" for name in dict.fromkeys(inputs))
        self.report(digest, f"`{self.qualified_name(digest)}()` builds a {_describe(kinds)} ({where}) from {shown} "
                    "alone, which others know or can guess, so anyone can compute it.",
                    hint="Draw the value from `secrets.token_urlsafe()` and store it, or sign it with a server-side "
                         "key (`hmac.new(key, ...)`, itsdangerous).")

    def _digest_call(self, node: cst.BaseExpression) -> cst.Call | None:
        """The `hashlib.<algorithm>(...)` call of `hashlib.sha256(x).hexdigest()` (also sliced), or `uuid.uuid5(...)`."""
        if isinstance(node, cst.Subscript):
            node = node.value
        if isinstance(node, cst.Call) and type(node.func) is cst.Name and node.func.value == "str" and len(node.args) == 1:
            node = node.args[0].value
        if not isinstance(node, cst.Call):
            return None
        if (self.qualified_name(node) or "") in NAME_BASED_UUIDS:
            return node
        func = node.func
        if type(func) is cst.Attribute and func.attr.value in DIGEST_METHODS and isinstance(func.value, cst.Call):
            inner = func.value
            return inner if (self.qualified_name(inner) or "").startswith("hashlib.") else None
        return None

    def _public_input(self, node: cst.BaseExpression, inputs: list[str]) -> bool:
        """Whether `node` is built only from the enclosing function's parameters (not named for a key) and literals,
        through text steps; collects the parameters' spellings."""
        if isinstance(node, (cst.SimpleString, cst.Integer)):
            return True
        if isinstance(node, cst.FormattedString):
            return all(self._public_input(part.expression, inputs) for part in node.parts
                       if isinstance(part, cst.FormattedStringExpression))
        if isinstance(node, cst.ConcatenatedString):
            return self._public_input(node.left, inputs) and self._public_input(node.right, inputs)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            return self._public_input(node.left, inputs) and self._public_input(node.right, inputs)
        if isinstance(node, cst.Call):
            func = node.func
            if type(func) is cst.Attribute and func.attr.value in PUBLIC_TEXT_METHODS:
                return all(self._public_input(part, inputs) for part in (func.value, *(a.value for a in node.args)))
            if type(func) is cst.Name and func.value == "str" and len(node.args) == 1:
                return self._public_input(node.args[0].value, inputs)
            return False
        if isinstance(node, cst.Attribute) and (self.qualified_name(node) or "").startswith("uuid.NAMESPACE_"):
            return True
        if not self._parameter_field(node):
            return False
        inputs.append(self.context.module.code_for_node(node))
        return True

    def _parameter_field(self, node: cst.BaseExpression) -> bool:
        """`email`, `user.email`: a parameter of the enclosing function, or a field of one, not named for a secret or
        a key."""
        if isinstance(node, cst.Attribute):
            return not secret_kinds(node.attr.value) and self._parameter_field(node.value)
        return (isinstance(node, cst.Name) and node.value in self._parameters[-1] and not secret_kinds(node.value)
                and not KEY_WORDS & set(words(node.value)))

    def _mixes_in_randomness(self, value: cst.BaseExpression) -> bool:
        """Whether the value also draws from a cryptographic generator or mixes in a secret."""
        pending: list[cst.CSTNode] = [value]
        while pending:
            current = pending.pop()
            if isinstance(current, cst.Call) and (self.qualified_name(current) or "").startswith(STRONG_RANDOM_PREFIXES):
                return True
            if isinstance(current, (cst.Name, cst.Attribute)) and secret_kinds(target_name(current) or ""):
                return True
            pending.extend(child_nodes(current))
        return False

    def _report(self, node: cst.Call, source: tuple[str, str], kind: str, where: str) -> None:
        if id(node) in self._reported:
            return
        self._reported.add(id(node))
        function, subject = source
        why = ("is built from the clock and the MAC address" if function == "uuid.uuid1" else
               "is the current time" if function in CLOCK_FUNCTIONS else "is predictable")
        article = "an" if kind[0] in "aeiu" else "a"
        outcome, hint = UNIQUE_KINDS.get(kind, (f"so an attacker can guess the {kind}", HINT))
        self.report(node, f"{subject} builds {article} {kind} ({where}), but its output {why}, {outcome}.", hint=hint,
                    fix=self._fix(node, function))

    def _fix(self, call: cst.Call, function: str) -> NodeFix | None:
        if self.qualified_name(call) != function:
            return None  # a helper's call: the random call inside it is the one to fix
        if function == "uuid.uuid1":
            if not isinstance(call.func, cst.Attribute) or call.args:
                return None
            return NodeFix("Use `uuid.uuid4()`", ((call.func.attr, cst.Name("uuid4")),))
        if not function.startswith("random."):
            return None
        secrets = reference(self.context, "secrets")
        if secrets is None:
            return None
        rewrite = _SECRETS_REWRITES.get(function)
        text = rewrite(secrets.spelling, call, self.context.module.code_for_node) if rewrite and not has_star_args(call) else None
        if text is None:  # the same method of the OS's generator takes the same arguments: `secrets.SystemRandom()`
            method = f"{secrets.spelling}.SystemRandom().{function.rsplit('.', 1)[1]}"
            return NodeFix(f"Draw it from `{secrets.spelling}.SystemRandom()`", ((call.func, method), *secrets.replacements))
        if " + " in text and id(call) not in self._own_slots:
            text = f"({text})"
        return NodeFix(f"Draw it from `{secrets.spelling}`", ((call, text), *secrets.replacements))


# Keywords that give a draw its probabilities (`numpy.random.choice(n, p=probs)`, `random.choices(seq, weights=w)`).
WEIGHT_KEYWORDS = frozenset({"p", "weights", "cum_weights"})


def _is_join(call: cst.Call) -> bool:
    """`"".join(parts)`: the parts concatenated, as with `+`."""
    return type(call.func) is cst.Attribute and call.func.attr.value == "join"


def _weighted_draw(call: cst.Call) -> bool:
    """A draw from a distribution the code gives: sampling a language model's next token, a weighted pick. A secret
    is drawn uniformly, and one skewed by known weights would be easier to guess, not what its author meant."""
    return any(arg.keyword is not None and arg.keyword.value in WEIGHT_KEYWORDS for arg in call.args)


def _catches_missing_entropy(handler: cst.ExceptHandler) -> bool:
    """`except NotImplementedError:`, what `random.SystemRandom()` raises where the OS has no random source: a
    predictable generator bound there is the fallback of a platform without one, not the generator the code uses."""
    return type(handler.type) is cst.Name and handler.type.value == "NotImplementedError"


def _integer(node: cst.BaseExpression) -> int | None:
    """An integer literal, or a power, sum or difference of literals such as `10**6` or `10**6 - 1`."""
    if isinstance(node, cst.Integer):
        return int(node.evaluated_value)
    if not isinstance(node, cst.BinaryOperation):
        return None
    left, right = _integer(node.left), _integer(node.right)
    if left is None or right is None:
        return None
    if isinstance(node.operator, cst.Power):
        return left ** right if 0 <= right < 20 else None
    if isinstance(node.operator, (cst.Add, cst.Subtract)):
        return left + right if isinstance(node.operator, cst.Add) else left - right
    return None


Code = Callable[[cst.CSTNode], str]


def _positional(call: cst.Call, count: int) -> list[cst.BaseExpression] | None:
    """The call's arguments when it has exactly `count` positional ones and no keywords."""
    if len(call.args) != count or any(arg.keyword is not None for arg in call.args):
        return None
    return [arg.value for arg in call.args]


def _operand(node: cst.BaseExpression, code: Code) -> str:
    """An argument's code, parenthesised unless it is an atom that binds tighter than `-` and `+`."""
    text = code(node)
    return text if isinstance(node, ATOMS) else f"({text})"


def _below_plus(secrets: str, low: cst.BaseExpression, high: cst.BaseExpression, code: Code, inclusive: bool) -> str:
    """`secrets.randbelow(high - low [+ 1]) + low`, folded when both ends are integer literals."""
    extra = 1 if inclusive else 0
    low_value, high_value = _integer(low), _integer(high)
    if low_value is not None and high_value is not None:
        below = f"{secrets}.randbelow({high_value - low_value + extra})"
        return below if low_value == 0 else f"{below} + {low_value}"
    span = f"{_operand(high, code)} - {_operand(low, code)}" + (" + 1" if inclusive else "")
    return f"{secrets}.randbelow({span}) + {_operand(low, code)}"


def _randint(secrets: str, call: cst.Call, code: Code) -> str | None:
    args = _positional(call, 2)
    return _below_plus(secrets, args[0], args[1], code, inclusive=True) if args else None


def _randrange(secrets: str, call: cst.Call, code: Code) -> str | None:
    args = _positional(call, 1)
    if args:
        return f"{secrets}.randbelow({code(args[0])})"
    args = _positional(call, 2)
    return _below_plus(secrets, args[0], args[1], code, inclusive=False) if args else None


def _renamed(name: str) -> Callable[[str, cst.Call, Code], str | None]:
    def rewrite(secrets: str, call: cst.Call, code: Code) -> str | None:
        args = _positional(call, 1)
        return f"{secrets}.{name}({code(args[0])})" if args else None
    return rewrite


def _choices(secrets: str, call: cst.Call, code: Code) -> str | None:
    """`choices(seq, k=n)` -> `[secrets.choice(seq) for _ in range(n)]`, when `seq` is cheap to read again."""
    population = [arg.value for arg in call.args if arg.keyword is None]
    keywords = {arg.keyword.value: arg.value for arg in call.args if arg.keyword is not None}
    if len(population) != 1 or set(keywords) != {"k"} or not _plain_sequence(population[0]):
        return None
    return f"[{secrets}.choice({code(population[0])}) for _ in range({code(keywords['k'])})]"


def _plain_sequence(node: cst.BaseExpression) -> bool:
    """A name, attribute or string (or a `+` of them): reading it once per draw has no side effect."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _plain_sequence(node.left) and _plain_sequence(node.right)
    return isinstance(node, (cst.Name, cst.Attribute, cst.SimpleString, cst.ConcatenatedString))


ATOMS = (cst.Name, cst.Attribute, cst.Integer, cst.Call, cst.Subscript)
_SECRETS_REWRITES: dict[str, Callable[[str, cst.Call, Code], str | None]] = {
    "random.choice": _renamed("choice"),
    "random.choices": _choices,
    "random.randint": _randint,
    "random.randrange": _randrange,
    "random.getrandbits": _renamed("randbits"),
    "random.randbytes": _renamed("token_bytes"),
}


def _used_only_in_paths(function: cst.FunctionDef, name: str) -> bool:
    """Whether every read of `name` in the function is inside the arguments of a call making a file path
    (`os.path.join(root, salt[:2], salt[2:])`, `Path(base, salt)`, `base.joinpath(salt)`)."""
    reads = 0
    pending: list[tuple[cst.CSTNode, bool]] = [(function.body, False)]
    while pending:
        current, in_path = pending.pop()
        if type(current) is cst.Call:
            callee = get_full_name_for_node(current.func) or ""
            makes_path = in_path or callee in PATH_MAKERS or callee.rpartition(".")[2] == "joinpath"
            pending.extend((arg.value, makes_path) for arg in current.args)
            pending.append((current.func, in_path))
            continue
        if type(current) is cst.Name and current.value == name:
            reads += 1
            if not in_path:
                return False
        elif isinstance(current, (cst.Assign, cst.AnnAssign)):  # its targets are written, not read
            pending.extend([(current.value, in_path)] if current.value is not None else [])
            continue
        pending.extend((child, in_path) for child in child_nodes(current))
    return reads > 0


def _used_only_as_size(function: cst.FunctionDef, name: str) -> bool:
    """Whether every read of `name` in the function is a slice's bound or the argument of a call taking a count."""
    sizes: set[int] = set()
    reads = 0
    pending: list[cst.CSTNode] = [function.body]
    while pending:
        current = pending.pop()
        if type(current) is cst.Slice:
            sizes.update(id(bound) for bound in (current.lower, current.upper) if bound is not None)
        elif type(current) is cst.Call and (target_name(current.func) or "").rpartition(".")[2] in SIZE_TAKERS:
            sizes.update(id(arg.value) for arg in current.args)
        elif type(current) is cst.Name and current.value == name:
            reads += 1
            if id(current) not in sizes:
                return False
        elif isinstance(current, (cst.Assign, cst.AnnAssign)):  # its targets are written, not read
            pending.extend([current.value] if current.value is not None else [])
            continue
        pending.extend(child_nodes(current))
    return reads > 0

