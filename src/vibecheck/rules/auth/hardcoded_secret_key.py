"""VC203: a signing or session secret written into the source as a string literal."""

from __future__ import annotations

import re

import libcst as cst

from vibecheck.analysis.environment_fixes import environment_fix, variable_name
from vibecheck.analysis.secrets_names import is_catalogue_class, names_no_secrets
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.rule import Rule
from vibecheck.rules.auth.exprs import (
    argument,
    assignment_targets,
    redacted_code,
    string_value,
    target_name,
    url_parameters,
)
from vibecheck.rules.auth.names import (
    API_KEY,
    PASSWORD_KIND,
    SECRET,
    TOKEN,
    is_encryption_key_name,
    is_signing_key_name,
    is_test_settings_path,
    secret_kinds,
    words,
)

# Callables that take a signing key: qualified name -> (position, keyword) of the key argument.
KEYED_CALLS: dict[str, tuple[int, str]] = {
    "jwt.encode": (1, "key"), "jwt.decode": (1, "key"), "jwt.decode_complete": (1, "key"),
    "jose.jwt.encode": (1, "key"), "jose.jwt.decode": (1, "key"), "jose.jws.sign": (1, "key"),
    "authlib.jose.jwt.encode": (2, "key"), "authlib.jose.jwt.decode": (1, "key"),
    "jwt.api_jwt.encode": (1, "key"), "jwt.api_jwt.decode": (1, "key"), "jwt.api_jws.encode": (1, "key"),
    "jose.jws.verify": (1, "key"), "joserfc.jwt.encode": (2, "key"), "joserfc.jwt.decode": (1, "key"),
    "joserfc.jwk.OctKey.import_key": (0, "raw"), "jwcrypto.jwk.JWK.from_password": (0, "password"),
    "fastapi_users.authentication.JWTStrategy": (0, "secret"),
    "fastapi_users.authentication.strategy.jwt.JWTStrategy": (0, "secret"),
    "hmac.new": (0, "key"), "hmac.digest": (0, "key"),
    "itsdangerous.URLSafeTimedSerializer": (0, "secret_key"), "itsdangerous.URLSafeSerializer": (0, "secret_key"),
    "itsdangerous.TimedSerializer": (0, "secret_key"), "itsdangerous.Serializer": (0, "secret_key"),
    "itsdangerous.Signer": (0, "secret_key"), "itsdangerous.TimestampSigner": (0, "secret_key"),
    # Pyramid's signed session cookies and auth tickets
    "pyramid.session.SignedCookieSessionFactory": (0, "secret"),
    "pyramid.authentication.AuthTktCookieHelper": (0, "secret"),
    "pyramid.authentication.AuthTktAuthenticationPolicy": (0, "secret"),
    # Emmett's signed cookie sessions and aiohttp-session's encrypted cookie storages
    "emmett.sessions.SessionManager.cookies": (0, "key"),
    "aiohttp_session.cookie_storage.EncryptedCookieStorage": (0, "secret_key"),
    "aiohttp_session.nacl_storage.NaClCookieStorage": (0, "secret_key"),
}
# HMACs that may derive a key: the secret is then their message (`hmac.new(b"WebAppData", bot_token, sha256)`, as
# Telegram's Web App check does) and the literal key only labels what the derived key is for.
DERIVING_CALLS: dict[str, tuple[int, str]] = {"hmac.new": (1, "msg"), "hmac.digest": (1, "msg")}
SECRET_MESSAGE_KINDS = frozenset({TOKEN, SECRET, API_KEY, PASSWORD_KIND})
# Words of a call that returns key material (`self.shared_x(pubkey)`, `ecdh(private, peer)`, `derive_shared_secret()`):
# an HMAC keyed with a literal over it is HKDF's extract step, whose salt (`b"nip44-v2"`) the protocol publishes.
KEY_MATERIAL_WORDS = frozenset({"shared", "ecdh", "ikm", "prk"})
# Calls that only change how a secret is spelled: `token.encode()`, `bytes(token, "utf-8")`.
ENCODING_METHODS = frozenset({"encode", "strip"})
ENCODING_FUNCTIONS = frozenset({"bytes", "str", "bytearray"})
# Environment readers whose default is used when the variable is unset: name -> position of the default.
ENV_READERS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})
# Mapping lookups with a positional default: `config.get("JWT_SECRET", "dev")`, `settings.setdefault(...)`.
LOOKUP_METHODS = frozenset({"get", "getenv", "setdefault"})
TEST_CLASS_WORDS = frozenset({"test", "tests", "testing"})
# Words of a name that keeps a stand-in for a secret (passlib's `_dummy_secret`, hashed to spend the time a real check
# takes when the user does not exist): it signs nothing.
DUMMY_WORDS = frozenset({"dummy", "decoy", "fake"})
# The secret half of an app-key/app-secret pair (`APP_SECRET`, `appSecret`, `SECRET_KEY`), in any spelling.
APP_SECRET_NAMES = lazy_pattern(r"app_?secret|secret_?key", re.IGNORECASE)
# No quoted names in hints: on a secret's line every quoted literal of a hint is masked.
HINT = ("Read the key from an environment variable (`os.environ[...]`) or a secret store, fail at start-up if it is "
        "missing, and replace the committed value: it is public now.")
FALLBACK_HINT = "Read the key with `os.environ[...]` and no default, so that a missing key stops the app at start-up."


def _is_secret_value(node: cst.BaseExpression | None) -> bool:
    """A value named like a token, secret, API key or password (`bot.token.encode()`), however it is encoded."""
    while isinstance(node, cst.Call):
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ENCODING_METHODS:
            node = func.value
        elif isinstance(func, cst.Name) and func.value in ENCODING_FUNCTIONS and node.args:
            node = node.args[0].value
        else:
            callee = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else ""
            return bool(KEY_MATERIAL_WORDS & set(words(callee)))
    name = node.attr.value if isinstance(node, cst.Attribute) else node.value if isinstance(node, cst.Name) else None
    return name is not None and (bool(secret_kinds(name) & SECRET_MESSAGE_KINDS) or is_signing_key_name(name))


# A dotted lower-case path (`"mfa.totp.secret"`, `"app.auth.signing_key"`): the name under which a secret is
# kept in a session, a cache or the settings, not the secret itself.
_NAMESPACED_LABEL = lazy_pattern(r"^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+$")
# A JSON Web Algorithm's name (`"HS256"`, `"RS256"`, `"EdDSA"`, `"A256KW"`, `"RSA-OAEP-256"`): what a table keyed by an
# authentication method or a key's name (`"client_secret_jwt": "HS256"`) maps it to, the algorithm and not the key.
_ALGORITHM_NAME = lazy_pattern(r"^(?:(?:HS|RS|ES|PS)(?:256|384|512)K?|EdDSA|RSA1_5|RSA-OAEP(?:-256)?"
                               r"|A(?:128|192|256)(?:KW|GCMKW|GCM|CBC-HS(?:256|384|512))"
                               r"|ECDH-ES(?:\+A(?:128|192|256)KW)?|PBES2-HS(?:256|384|512)\+A(?:128|192|256)KW)$")


def _secret_literal(node: cst.CSTNode | None, *, is_the_key: bool = False) -> cst.BaseExpression | None:
    """A non-empty string/bytes literal that is not a `${VAR}` template or the name of a setting; else None.

    `is_the_key`: the literal is passed where a signing function takes its key, so even `"SECRET_KEY"` is
    the key itself, not the name of a setting.
    """
    value = string_value(node)
    if not value or "${" in value or "{{" in value or _is_mask(value):
        return None
    if not is_the_key and (_names_a_setting(value) or _NAMESPACED_LABEL.match(value)):
        return None
    return node  # type: ignore[return-value]


# Kinds of secret by a word of their name, with what a reader of the code can do with one, first match wins;
# any other is a key the app signs sessions or tokens with.
SECRET_KINDS: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"client", "consumer", "oauth", "oauth2", "oidc"}), "can act as this app at the identity provider: "
     "obtain tokens in its name and exchange intercepted authorisation codes"),
    (frozenset({"webhook", "webhooks", "endpoint"}), "can forge webhook events that the app accepts as genuine"),
    (frozenset({"api"}), "can call the service's API as this app"),
)
SIGNING_USE = "can sign sessions or tokens that the app accepts as genuine"
ENCRYPTION_USE = "can decrypt, and forge, whatever it protects"


def _can_do_with(name: str) -> str:
    """What a reader of the code can do with the secret a name holds."""
    if is_encryption_key_name(name):
        return ENCRYPTION_USE
    parts = set(words(name.rpartition(".")[2]))  # `app.secret_key`: the setting, not the object holding it
    return next((use for kind, use in SECRET_KINDS if kind & parts), SIGNING_USE)


def _hint_for(name: str) -> str:
    """Where the secret a name holds should come from, and that the committed value must be replaced."""
    variable = variable_name(name.rpartition(".")[2]) or "SECRET_KEY"
    return (f"Read it from the environment variable {variable} (`os.environ[...]`) or a secret store, fail at start-up "
            "if it is missing, and replace the committed value: it is public now.")


def _is_mask(value: str) -> bool:
    """`"*****"`, `"..."`: a redaction mask or an elided example value, which holds no letter or digit of any key."""
    return not any(c.isalnum() for c in value)


def _mentions(value: str, name: str) -> bool:
    """`"private_key is required when ..."`, `"secret"` for `"secret"`: a message or a label that names the field (or
    is its name), not the field's value. The field's name written in words is a label only capitalised as one
    (`consumer_secret = "Consumer secret"`): in lower case it is the weak key a user typed (`SECRET_KEY = "secret
    key"`, FlaskBB 2.0.2's default config, which the app signs its sessions with)."""
    tokens = [token.strip(".,:;!?()'\"`").lower() for token in value.split()]
    return value.lower() == name.lower() or (len(tokens) > 1 and (
        name.lower() in tokens or (value[:1].isupper() and tuple(tokens) == words(name))))


def _is_parameter_name(node: cst.BaseExpression | None) -> bool:
    """`"ssh_pkey"`, `"mute_exceptions"`: a lower-case name of words joined by `_`, as a keyword argument is spelled."""
    value = string_value(node) if node is not None else None
    return value is not None and value.isidentifier() and value.islower() and "_" in value.strip("_")


def _renames(element: cst.DictElement) -> bool:
    """`"ssh_private_key": "ssh_pkey"`: an old keyword argument's name and the new one's; beside a key's name, the new
    name keeps one of its words (a passphrase of lower-case words keeps none)."""
    key, value = string_value(element.key), string_value(element.value)
    if not (_is_parameter_name(element.key) and _is_parameter_name(element.value)) or not key or not value:
        return False
    return not is_signing_key_name(key) or bool(set(words(key)) & set(words(value)))


# A module named relative to its package (`".clientsecret"`, `"..models.webhook_secret"`): what a lazy import table maps
# an exported name to (`{"ClientSecret": ".clientsecret", ...}`, a generated SDK's `__getattr__` loader).
_RELATIVE_MODULE = lazy_pattern(r"^\.+[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$")


def _is_relative_module(node: cst.BaseExpression) -> bool:
    """`".clientsecret"`: the module a lazy import table loads a name from, not a key."""
    value = string_value(node)
    return value is not None and _RELATIVE_MODULE.match(value) is not None


def _is_prose(node: cst.BaseExpression) -> bool:
    """A string of several words (`"Service account client secret"`): a description, not a key."""
    value = string_value(node)
    return value is not None and len(value.split()) > 1


def _names_a_setting(value: str) -> bool:
    """`"AWS_SECRET_ACCESS_KEY"` (an environment variable) or `"AWSSecretKey"` (a field): names, not secrets."""
    if not value.isidentifier() or not (is_signing_key_name(value) or words(value)[-2:] == ("access", "key")):
        return False
    return value.isupper() or (value[0].isupper() and not value.isupper() and "_" not in value)


class HardcodedSecretKey(Rule):
    """A signing or session secret is a string literal in the source code.

    ## What it does
    Reports a non-empty string (or bytes) literal that becomes a signing key:
    - assigned to a name or attribute named like one: `SECRET_KEY`, `JWT_SECRET`, `JWT_SECRET_KEY`,
      `app.secret_key`, `SIGNING_KEY`, `CLIENT_SECRET`, also as a class attribute of a config class;
    - written into a config mapping: `app.config["SECRET_KEY"] = ...`, `app.config.update(SECRET_KEY=...)`,
      `from_mapping(SECRET_KEY=...)`, `{"SECRET_KEY": ...}`, or any keyword such as
      `SessionMiddleware(app, secret_key=...)`;
    - passed as the key to `jwt.encode`/`jwt.decode` (PyJWT, python-jose, authlib, joserfc), `jws.sign`/
      `jws.verify`, joserfc's `OctKey.import_key`, fastapi-users' `JWTStrategy(secret=...)`, `hmac.new`,
      an `itsdangerous` serializer, Pyramid's signed cookie factories, Emmett's `SessionManager.cookies(key)` or
      aiohttp-session's `EncryptedCookieStorage`, directly or through a variable bound to a literal in the same file
      (there even `"SECRET_KEY"` is the key itself, not the name of a setting); not an HMAC whose message is
      the secret (`hmac.new(b"WebAppData", bot_token.encode(), sha256)`, a key derived from the token, as
      Telegram's Web App check does), or key material a call returns (`hmac.new(b"nip44-v2", self.shared_x(pub),
      sha256)`, HKDF's extract step over an ECDH secret, whose salt the protocol publishes): there the literal only
      labels what the derived key is for; nor the values of a mapping named as no secrets (`not_secret = {"client_secret":
      ...}`, an installed app's OAuth client, whose provider does not treat that secret as one);
    - used as the default of an environment lookup: `os.environ.get("SECRET_KEY", "dev")`,
      `os.getenv("JWT_SECRET") or "change-me"`, `config.get("JWT_SECRET", "dev")`,
      `config("SECRET_KEY", default="...")` (reported with its own
      message: the environment is read, but a missing variable silently falls back to the literal); not
      configparser's `configuration.get("auth", "ldap_secret")`, whose first argument is a section that names no
      secret and whose second is the option's name, nor its `parser.get(profile, "aws_secret_access_key",
      fallback=None)`, whose default is `fallback=` (a literal there is reported), nor an identifier looked up in a
      function named for the name it answers (Flask-AppBuilder's `get_oauth_token_secret_name`: `return
      provider.get("token_secret", "oauth_token_secret")`, the field a secret is kept under).

    Placeholders such as `"dev"`, `"change-me"` or `"your_secret_key"` are reported too: a placeholder is
    the production key the day nobody overrides it. Not reported: empty strings, `${VAR}` templates, values
    that are the name of a setting (`"AWS_SECRET_ACCESS_KEY"`, `"AWSSecretKey"`) or a dotted path naming
    where a secret is kept (`SECRET_SESSION_KEY = "mfa.totp.secret"`, a session key), masks and elided example
    values with no letter or digit (`SECRET_REDACTED = "*****"`, `"private_key": "..."`), a value that is the
    field's name or a message naming it (`errors["private_key"] = "private_key is required ..."`, a placeholder's
    `example.consumer_secret = "Consumer secret"`), a table renaming keyword arguments (`{"ssh_host":
    "ssh_address_or_host", "ssh_private_key": "ssh_pkey"}`: every key and value a lower-case name, the new one keeping a
    word of a key's name), mappings whose every value is prose (`{"client_secret": "Service account client secret",
    ...}` describes a form's fields), lazy import tables whose every value is a module named relative to its package
    (`{"ClientSecret": ".clientsecret", "WebhookSigningSecret": ".webhooksigningsecret"}`, a generated SDK's loader), a
    mapping's JSON Web Algorithm name (`{"client_secret_jwt": "HS256", "private_key_jwt": "RS256"}` names the algorithm
    each method signs with; `SECRET_KEY = "HS256"` and `"HS256-7f9c..."` still fire), the
    URL parameters a reversal fills in (`reverse("order", kwargs={"secret": ...})`: whoever gets the link sees
    them), names that say where a key comes from (`secret_from = "env"`, `key_source`), test files and config
    classes named for tests (`TestingConfig`) and settings modules named for test or CI runs (`ci_settings.py`,
    `settings/test.py`; not `settings/dev.py`), the attributes of a class that lists codes or messages (braintree's
    `class ErrorCodes:` and the classes inside it: `PrivateKeyMismatch = "93521"`), an app key in a file that also
    names an app secret (`APP_KEY = "..."`
    beside `APP_SECRET`: the app's public id in an app-key/app-secret pair), and a name that keeps a stand-in
    (`_dummy_secret = "too many secrets"`, hashed to spend the time a real check takes; `fake_`, `decoy_`). Messages
    and snippets never show the literal.

    ## Why is this bad?
    Whoever reads the repository (or a leaked copy, or the package on PyPI) can sign session cookies and
    tokens that the app accepts as genuine, and so log in as anyone; with an OAuth client secret they act as the
    app at the identity provider, with a webhook secret they forge the events it trusts, with an API secret they
    call the service as the app, and an encryption key decrypts what it protects. The message says which.
    Agents write `SECRET_KEY = "dev"` to make the app start and the placeholder ships.

    ## Example
    ```python
    from flask import Flask

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "super-secret-key-123"
    ```

    ## Use instead
    ```python
    import os

    from flask import Flask

    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    ```

    ## Fix safety
    The fix replaces the literal with `os.environ["NAME"]` (adding `import os` when needed), where `NAME` is
    the setting's name in upper snake case (`app.secret_key = "..."` -> `os.environ["SECRET_KEY"]`); a
    fallback `os.environ.get("JWT_SECRET", "dev")` or `os.getenv("JWT_SECRET") or "dev"` becomes
    `os.environ["JWT_SECRET"]`. It is unsafe: the program now stops with `KeyError` until the deployment
    sets the variable, to a new value, since the old one is public. A key passed positionally to `jwt.encode`
    or `hmac.new`, a fallback read from something other than the environment, and files where `os` names
    something else are not fixed.

    ## References
    - [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
    - [Flask: `SECRET_KEY`](https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY)
    - [Django: `SECRET_KEY`](https://docs.djangoproject.com/en/stable/ref/settings/#secret-key)
    """

    code = "VC203"
    name = "hardcoded-secret-key"
    category = Category.AUTH
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (798, 321)
    applies_to_tests = False  # a test's key signs fixture data, not a deployment's sessions
    # Every finding names a signing key (its words include `secret` or `key`) or a keyed call: `jwt`, `jose`,
    # `joserfc`, `hmac`, `itsdangerous`, `jwcrypto` or fastapi-users' `JWTStrategy`.
    file_hints = ("secret", "key", "jwt", "jose", "hmac", "itsdangerous", "jwcrypto")
    fixable = True
    supersedes = ("VC403", "B105")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._statement: cst.CSTNode | None = None
        self._literal_scopes: list[dict[str, cst.BaseExpression]] = [{}]
        self._class_names: list[str] = []
        self._reported: set[int] = set()
        self._not_keys: set[int] = set()  # mappings of descriptions, and the URL parameters a reversal fills in
        self._functions: list[str] = []
        self._test_settings = is_test_settings_path(self.context.path)  # `ci_settings.py`: only a CI run loads it

    def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statement = node

    def leave_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> None:
        self._statement = None

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._literal_scopes.append({})
        self._functions.append(node.name.value)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._literal_scopes.pop()
        self._functions.pop()

    def _answers_a_name(self, literal: cst.BaseExpression) -> bool:
        """An identifier (`"oauth_token_secret"`) looked up in a function named for a name it answers
        (Flask-AppBuilder's `get_oauth_token_secret_name`: "Returns the token_secret name"): the default is the name of
        the field a token's secret is kept under, not a secret."""
        value = string_value(literal) or ""
        return bool(self._functions) and words(self._functions[-1])[-1:] in (("name",), ("names",)) \
            and value.isidentifier()

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._class_names.append(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._class_names.pop()

    def _skipped(self) -> bool:
        return self._test_settings or any(TEST_CLASS_WORDS & set(words(c)) or is_catalogue_class(c) for c in self._class_names)

    def visit_Assign(self, node: cst.Assign) -> None:
        self._check_assignment(node, node.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._check_assignment(node, node.value)

    def _check_assignment(self, node: cst.Assign | cst.AnnAssign, value: cst.BaseExpression) -> None:
        if type(value) is cst.Dict and any(names_no_secrets(target_name(t) or "") for t in assignment_targets(node)):
            self._not_keys.update(map(id, value.elements))  # `not_secret = {"client_secret": ...}`: declared public
        literal = _secret_literal(value)
        for target in assignment_targets(node):
            name = target_name(target)
            if literal is not None and isinstance(target, cst.Name):
                self._literal_scopes[-1][target.value] = literal
            if name is None or not is_signing_key_name(name) or self._skipped() or self._identifies_the_app(name) \
                    or DUMMY_WORDS & set(words(name.rpartition(".")[2])):
                continue
            if literal is not None and not _mentions(string_value(literal) or "", name.rpartition(".")[2]):
                self._report_literal(literal, f"`{name}` is set to a hard-coded string literal, so anyone who can read "
                                     f"the code {_can_do_with(name)}.", _hint_for(name), variable=variable_name(name))
            elif literal is None:
                self._check_fallback(value, name)

    def _identifies_the_app(self, name: str) -> bool:
        """`APP_KEY = "AI_MEETING"` in a file that also names an app secret (`APP_SECRET`, `SECRET_KEY`): the public
        half of an app-key/app-secret pair, sent beside the signature to say which app signed; the secret is the key."""
        return words(name.rpartition(".")[2]) == ("app", "key") and APP_SECRET_NAMES.search(self.context.source) is not None

    def visit_Call(self, node: cst.Call) -> None:
        if self._skipped():
            return
        qualified = self.qualified_name(node)
        self._not_keys.update(map(id, url_parameters(node)))  # `reverse("order", kwargs={"secret": ...})`
        for arg in node.args:
            if arg.keyword is not None and is_signing_key_name(arg.keyword.value):
                literal = _secret_literal(arg.value)
                if literal is not None:
                    self._report_literal(literal, f"`{arg.keyword.value}=` is given a hard-coded string literal, so anyone "
                                         f"who can read the code {_can_do_with(arg.keyword.value)}.",
                                         _hint_for(arg.keyword.value), variable=variable_name(arg.keyword.value))
        if qualified in KEYED_CALLS:
            self._check_keyed_call(node, qualified)
        variable = string_value(node.args[0].value) if node.args else None
        if variable is not None and is_signing_key_name(variable):
            self._check_fallback(node, variable)

    def visit_Dict(self, node: cst.Dict) -> None:
        """`{"client_id": "Service account client ID", "client_secret": "Service account client secret"}` documents
        the fields a form asks for: every value is prose. `{"ssh_private_key": "ssh_pkey", "ssh_host":
        "ssh_address_or_host"}` renames keyword arguments: every key and value is a lower-case parameter name.
        `{"ClientSecret": ".clientsecret", "Model": ".model"}` is a lazy import table: every value a relative module."""
        values = [e.value for e in node.elements if isinstance(e, cst.DictElement)]
        if len(values) > 1 and len(values) == len(node.elements) and (
                all(map(_is_prose, values)) or all(map(_is_relative_module, values))
                or all(_renames(e) for e in node.elements if isinstance(e, cst.DictElement))):
            self._not_keys.update(map(id, node.elements))

    def visit_DictElement(self, node: cst.DictElement) -> None:
        key = string_value(node.key)
        literal = _secret_literal(node.value)
        if (key is not None and literal is not None and key.isidentifier() and is_signing_key_name(key)
                and not _mentions(string_value(literal) or "", key) and id(node) not in self._not_keys
                and not _ALGORITHM_NAME.match(string_value(literal) or "")
                and not self._skipped()):
            self._report_literal(literal, f'`"{key}"` is set to a hard-coded string literal, so anyone who can read the '
                                 f"code {_can_do_with(key)}.", _hint_for(key), variable=variable_name(key))

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        if not isinstance(node.operator, cst.Or) or self._skipped():
            return
        literal = _secret_literal(node.right)
        left = node.left
        if literal is None or not isinstance(left, cst.Call) or not self._is_lookup(left):
            return
        variable = string_value(left.args[0].value) if left.args else None
        if variable is not None and is_signing_key_name(variable):
            from_environment = self.qualified_name(left) in ENV_READERS
            self._report_literal(literal, f"`{variable}` falls back to a hard-coded string literal when the environment "
                                 "variable is unset, so a misconfigured deployment runs with a public key.", FALLBACK_HINT,
                                 variable=variable if from_environment else None, replaced=node)

    def _check_keyed_call(self, node: cst.Call, qualified: str) -> None:
        position, keyword = KEYED_CALLS[qualified]
        key = argument(node, position, keyword)
        literal = _secret_literal(key, is_the_key=True)
        if qualified in DERIVING_CALLS and _is_secret_value(argument(node, *DERIVING_CALLS[qualified])):
            return
        callee = qualified.split(".", 1)[-1] if qualified.startswith(("jose.", "authlib.jose.", "joserfc.")) else qualified
        callee = callee.rsplit(".", 1)[-1] if callee.startswith(("fastapi_users.", "pyramid.")) else callee
        if literal is not None:
            self._report_literal(literal, f"`{callee}()` is given a hard-coded string literal as its key, so anyone who "
                                 "can read the code can forge what it signs.", HINT)
        elif isinstance(key, cst.Name) and not is_signing_key_name(key.value):
            bound = next((s[key.value] for s in reversed(self._literal_scopes) if key.value in s), None)
            if bound is not None:
                self._report_literal(bound, f"`{callee}()` is given `{key.value}` as its key, a hard-coded string "
                                     "literal, so anyone who can read the code can forge what it signs.", HINT,
                                     at=node)

    def _reads_an_option(self, call: cst.Call) -> bool:
        """`configuration.get("auth", "ldap_secret")`: configparser's `get(section, option)`, whose second argument names
        the option to read, not a default. Told from `config.get("JWT_SECRET", "dev")` by its first argument, a section
        that names no secret, and its second, an identifier."""
        if self.qualified_name(call) in ENV_READERS or len(call.args) != 2 or any(a.keyword for a in call.args):
            return False
        section, option = (string_value(a.value) for a in call.args)
        if not section or not option:
            return False
        return option.isidentifier() and not is_signing_key_name(section) and not secret_kinds(section)

    def _is_lookup(self, call: cst.Call) -> bool:
        """`os.getenv(...)`, `os.environ.get(...)`, `config.get(...)`: a lookup whose second argument is a default."""
        func = call.func
        return self.qualified_name(call) in ENV_READERS or (isinstance(func, cst.Attribute)
                                                            and func.attr.value in LOOKUP_METHODS)

    def _check_fallback(self, value: cst.BaseExpression, name: str) -> None:
        if not isinstance(value, cst.Call) or self._reads_an_option(value):
            return
        # configparser's `get(section, option, fallback=...)`: its second argument names the option, `fallback=` is the
        # default (`os.getenv` and `dict.get` take no such keyword)
        fallback = next((arg.value for arg in value.args if arg.keyword is not None and arg.keyword.value == "fallback"),
                        None)
        position = 1 if self._is_lookup(value) else None
        default = fallback if fallback is not None else argument(value, position, "default")
        literal = _secret_literal(default)
        if literal is not None and not self._answers_a_name(literal):
            variable = string_value(value.args[0].value) if self.qualified_name(value) in ENV_READERS else None
            self._report_literal(literal, f"`{name}` falls back to a hard-coded string literal when the environment "
                                 "variable is unset, so a misconfigured deployment runs with a public key.", FALLBACK_HINT,
                                 variable=variable, replaced=value)

    def _report_literal(self, literal: cst.BaseExpression, message: str, hint: str, *, at: cst.CSTNode | None = None,
                        variable: str | None = None, replaced: cst.CSTNode | None = None) -> None:
        """Report the literal (or `at`); with `variable`, the fix reads it from there instead (replacing `replaced`)."""
        where = at or literal
        if id(where) in self._reported:
            return
        self._reported.add(id(where))
        statement = self._statement.with_changes(leading_lines=()) if self._statement is not None else where
        snippet = redacted_code(self.context.module, statement, literal)
        if at is not None:
            snippet = " ".join(self.context.module.code_for_node(statement).split())
        fix = environment_fix(self.context, replaced or literal, variable) if at is None else None
        self.report(where, message, hint=hint, snippet=snippet, fix=fix)
