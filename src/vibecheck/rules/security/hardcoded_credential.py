"""VC403: a credential written into the source (API keys, tokens, private keys, passwords)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

import libcst as cst

from vibecheck.analysis.bound_names import names_bound_to_calls
from vibecheck.analysis.environment_fixes import environment_fix, variable_name
from vibecheck.analysis.flow import dotted_name
from vibecheck.analysis.secrets_names import (
    NOT_SECRET_QUALIFIERS,
    PASSWORD_WORDS,
    is_catalogue_class,
    name_words,
    names_no_secrets,
)
from vibecheck.model import Category, Confidence, Severity
from vibecheck.patterns import lazy_pattern
from vibecheck.redaction import (
    CREDENTIAL_FORMATS,
    DSN_KEYWORD,
    DSN_PASSWORD,
    MASK,
    URL_PASSWORD,
    may_hold_a_format,
    redact,
    redact_known_secrets,
)
from vibecheck.rule import NodeFix, Rule
from vibecheck.rules.auth.exprs import url_parameters
from vibecheck.rules.auth.names import is_test_settings_path
from vibecheck.rules.security._support import argument, string_value

SECRET_WORDS = frozenset({"password", "passwd", "pwd", "passphrase", "pass", "secret", "token", "apikey", "credential",
                          "credentials"})
KEY_QUALIFIERS = frozenset({"api", "access", "secret", "private", "auth", "signing", "encryption", "master", "client",
                            "license", "webhook", "app",
                            # a key that admits its holder as an administrator (`ADMIN_KEY`)
                            "admin",
                            # keys a device or an ingest endpoint is let in with (`DEFAULT_DEVICE_KEY`, `INGEST_KEY`)
                            "device", "provisioning", "enrollment", "ingest",
                            # a cloud storage account's key (`STORAGE_ACCOUNT_KEY`, Azure's `account_key=`)
                            "account", "storage"})
PLACEHOLDER_WORDS = ("xxx", "***", "...", "change", "your", "example", "dummy", "placeholder",
                     "redacted", "todo", "replace", "insert", "fake", "sample", "<", "{", "%s",
                     # what the docs of local model servers pass as the key they ignore (LM Studio, llama.cpp)
                     "not-needed", "no-key", "lm-studio",
                     # a default that says the variable is missing (`"billing-api-key-not-set"`)
                     "not-set", "not_set", "unset")
# HTTP authentication schemes (`default_token="Bearer"`, `token_type="Basic"`): the kind of a credential, named as the
# `Authorization` header spells it
AUTH_SCHEMES = frozenset({"bearer", "basic", "digest", "dpop", "negotiate"})
PLACEHOLDER_VALUES = frozenset({"none", "null", "undefined", "password", "passwd", "secret", "token", "apikey",
                                "api_key"}) | AUTH_SCHEMES
# calls whose argument is a signing key: qualified name -> (position, keyword)
KEY_ARGUMENTS = {"jwt.encode": (1, "key"), "jwt.decode": (1, "key"), "hmac.new": (0, "key"),
                 "itsdangerous.Signer": (0, "secret_key"), "itsdangerous.URLSafeTimedSerializer": (0, "secret_key"),
                 "itsdangerous.URLSafeSerializer": (0, "secret_key")}
# Methods that take a password by position (Django's user managers, `set_password`): method name -> its position.
# Given by keyword (`password="..."`), the argument is checked as any keyword is.
# `login(user, password)`: smtplib's, imaplib's and ftplib's sessions, and most clients of a login API.
# A password hashed where it is written (`generate_password_hash("admin123")`, Django's `make_password`, `bcrypt.hashpw`,
# Flask-Bcrypt's method) is in the source as much as one stored as it is.
PASSWORD_METHODS = dict(create_user=2, create_superuser=2, set_password=0, login=1, generate_password_hash=0,
                        make_password=0, hashpw=0)
# Calls that take a password by position: qualified name -> its position (by keyword, it is checked as any keyword is).
PASSWORD_ARGUMENTS = {
    "requests.auth.HTTPBasicAuth": 1, "requests.auth.HTTPDigestAuth": 1, "requests.HTTPBasicAuth": 1,
    "httpx.BasicAuth": 1, "httpx.DigestAuth": 1, "aiohttp.BasicAuth": 1, "ftplib.FTP": 2, "ftplib.FTP_TLS": 2,
    "pymysql.connect": 2, "MySQLdb.connect": 2, "pymysql.connections.Connection": 2,
    **dict.fromkeys(("werkzeug.security.generate_password_hash", "werkzeug.generate_password_hash",
                     "django.contrib.auth.hashers.make_password", "bcrypt.hashpw"), 0),
}
# Password hashers whose `hash(password)` takes the password first, known by the object a name is bound to
# (`pwd_context = CryptContext(schemes=["bcrypt"])`, `ph = argon2.PasswordHasher()`): `hash` alone names no password.
HASHER_CLASSES = frozenset({"passlib.context.CryptContext", "argon2.PasswordHasher"})
HASHER_HINTS = ("CryptContext", "PasswordHasher")
HASH_METHOD = "hash"
# Methods that set an option by name and value (Spark's `.option("password", ...)`, `SparkConf().set(key, value)`,
# `SparkSession.builder.config(key, value)`): a value set under a secret's name is that secret.
OPTION_METHODS = frozenset({"option", "set", "config"})
# Browser automation typing into a form field (Playwright's `page.fill(selector, text)` and
# `page.locator(selector).fill(text)`, Selenium's `driver.find_element(By.ID, field).send_keys(text)`): a field whose
# selector names a secret is given one.
TYPING_METHODS = frozenset({"fill", "type", "send_keys", "press_sequentially"})
SECRET_FIELD = lazy_pattern(r"pass(?:word|wd|phrase)|\bpwd\b|secret|token|api[-_ ]?key", re.IGNORECASE)
# Keywords and attributes that take a `(user, password)` pair: `requests.get(url, auth=("api", "s3cret"))`, httpx,
# aiohttp, a `requests.Session`'s `session.auth = (...)`.
AUTH_PAIR_KEYWORDS = frozenset({"auth", "basic_auth", "http_auth"})
# Shapes that test suites use for made-up fixtures; in test files only the vendor formats count. A PEM private key in a
# test signs fixture tokens (a JWT or SAML suite's test key): generated for the test, it opens nothing, unlike a
# vendor's key, which is issued for a live account.
FIXTURE_KINDS = frozenset({"bearer token", "private key"})
# Parameter declarations of command-line and web frameworks that carry the parameter's default as their first argument:
# `password: str = typer.Option("ChangeMe!2024")` defaults the password as `password: str = "ChangeMe!2024"` does.
DEFAULT_CARRIERS = frozenset({"typer.Option", "typer.Argument", "typer.params.Option", "typer.params.Argument",
                              "fastapi.Query", "fastapi.Form", "fastapi.Body", "fastapi.Header", "fastapi.Cookie"})
ENV_GETTERS = frozenset({"os.getenv", "os.environ.get", "os.environ.setdefault", "environ.get", "getenv"})
# Vendor clients whose `api_key=` has a conventional environment variable (the one the client reads itself).
CLIENT_KEY_VARIABLES = {
    "OpenAI": "OPENAI_API_KEY", "AsyncOpenAI": "OPENAI_API_KEY", "AzureOpenAI": "AZURE_OPENAI_API_KEY",
    "Anthropic": "ANTHROPIC_API_KEY", "AsyncAnthropic": "ANTHROPIC_API_KEY", "Groq": "GROQ_API_KEY",
    "AsyncGroq": "GROQ_API_KEY", "Mistral": "MISTRAL_API_KEY",
}
_NAME_PARTS = lazy_pattern(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_ENV_NAME = lazy_pattern(r"^[A-Z][A-Z0-9_]*$")
# A variable to be filled in (`"$DB_PASSWORD"`, `"${TOKEN}"`, `"$(cat key)"`); a `$` inside a password is a character.
_SHELL_VARIABLE = lazy_pattern(r"^\$|\$[{(]|\$[A-Z_][A-Z0-9_]+\b")
_PATTERN_SYNTAX = lazy_pattern(r"\[\^|\\[sdwbSDW]|\(\?|\[[a-zA-Z0-9]-[a-zA-Z0-9]\]|\[[^\]]*(?:0-9|a-z|A-Z)[^\]]*\][+*?{]")
# Keys a service hands out to be shipped in browsers and apps, which only identify the project (Stripe's publishable
# `pk_live_`, PostHog's `phc_` project key): public by design, unlike their secret counterparts (`sk_live_`, `phx_`).
_PUBLISHABLE_KEY = lazy_pattern(r"^(?:pk_(?:live|test)_|phc_)[A-Za-z0-9]{16,}$")
# `"_password_reset_token"`, `"set-password"`: a session key, URL segment or form field named after a secret.
_LABEL_SHAPE = lazy_pattern(r"^_*[a-z]+(?:[-_.][a-z]+)+$")
_LABEL_WORDS = ("password", "passwd", "token")
# Words that make a label-shaped value name a kind of credential (`"oauth-credentials"`, `"api-key-not-set"`), as whole
# words: inside a word (`"monkey-business"`) they say nothing. `storage` names the slot a value is kept in
# (`STORAGE_KEY = "aiohttp_session_storage"`), where a storage account's real key is base64.
_LABEL_WHOLE_WORDS = frozenset({"credential", "credentials", "key", "storage"})
# Words that make a label-shaped value say the key is never sent (`api_key="conversion-only"`: a client built only to
# convert message formats, `"unused-offline"`): the SDK wants a non-empty key, the value tells the reader it opens nothing.
_UNUSED_WORDS = frozenset({"only", "unused", "ignored", "noop"})
_LABEL_OR_UNUSED_WORDS = _LABEL_WHOLE_WORDS | _UNUSED_WORDS
_FILE_NAME = lazy_pattern(r"^[A-Za-z][A-Za-z_-]*\.[a-z]{2,4}$")
# "Change me" padded with digits or symbols only (`"ChangeMe!2024"`, `"changeme123"`): made to pass a password policy, so
# that the account is created with it, and it works wherever nobody changes it; `"changeme"` and
# `"change-me-in-production"` ask to be filled in and stay placeholders.
_PADDED_CHANGE_ME = lazy_pattern(r"^[\W\d_]*change[-_. ]?(?:me|this|it)[\W\d_]*$", re.IGNORECASE)
# A rate-limit spec (`"5/m/user"`, `"20/m/ip,5/m/key"`, `"100/hour"`): the limits of a password or token view.
# A lexer's or parser's marker (`token == "#bygroup"`, `"#pop"`) and SQLite's `":memory:"`: a word between sigils.
# A Uniform Resource Name (RFC 8141): `urn:<namespace>:<name>`, such as SAML's authentication context class
# `urn:oasis:names:tc:SAML:2.0:ac:classes:Password`, names a thing in a registry, not a secret.
_URN = lazy_pattern(r"^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$", re.IGNORECASE)
_MARKER = lazy_pattern(r"^(?:#[a-z_]+|:[a-z_]+:|__[a-z][a-z_]*__)$")  # `"#bygroup"`, `":memory:"`, `"__anonymous__"`
_RATE_LIMIT = lazy_pattern(r"^\d+/\d*[a-z]+(?:/[a-z]+)?(?:\s*[,;]\s*\d+/\d*[a-z]+(?:/[a-z]+)?)*$")
# A dotted import path (`"myapp.serializers.SetPasswordSerializer"`, `"auth.hashers.make_token"`): the class or function
# a setting names for a secret's slot, as pluggable settings do, not a secret.
# Its last part is a CapWords class or a snake_case function: `"kq7.zr92.wmx4"` stays a password.
_IMPORT_PATH = lazy_pattern(r"^[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+\.(?:[A-Z][a-z]+[A-Za-z0-9]*|[a-z][a-z0-9]*_[a-z0-9_]+)$")
# A relative module (`".types"`, `"..organizations.client"`): where a package's lazy-import table finds the class a key
# names (`_dynamic_imports = {"OrganizationApiKey": ".types"}`), as `importlib.import_module(name, package)` reads it.
_RELATIVE_MODULE = lazy_pattern(r"^\.{1,3}[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*$")
# Keys and keywords under which an API schema shows a sample response or body (OpenAPI's `"example"`, pydantic's
# `Field(examples=[...])`, FastAPI's `Body(example=...)`): a sample token there documents the shape, it opens nothing.
EXAMPLE_KEYS = frozenset({"example", "examples"})
# The only parameters of a function that returns a setting, as a property does: `def db_password(self) -> str:`.
GETTER_RECEIVERS = frozenset({"self", "cls"})
_PEM_BODY = lazy_pattern(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----\s*[A-Za-z0-9+/=\s]{40,}")


# Product-analytics services whose ingestion key is shipped in every browser and app that reports events, so it only
# names the project (Mixpanel's project token, Amplitude's API key, Segment's and RudderStack's write key, PostHog's
# project key, Heap's app id): `MIXPANEL_TOKEN` is public by design. Their secret counterparts say so in their names
# (Mixpanel's API secret and service account secret, Amplitude's secret key, PostHog's personal API key).
ANALYTICS_SERVICES = frozenset({"mixpanel", "amplitude", "segment", "rudderstack", "posthog", "heap"})
ANALYTICS_SECRET_WORDS = frozenset({"secret", "personal", "service", "private", "admin", "management"})
ANALYTICS_KEY_WORDS = frozenset({"token", "key", "apikey"})


def _is_analytics_project_key(parts: list[str]) -> bool:
    """`mixpanel_project_token`, `AMPLITUDE_API_KEY` (lower-cased name parts): an analytics service's public key."""
    return parts[-1] in ANALYTICS_KEY_WORDS and not ANALYTICS_SERVICES.isdisjoint(parts[:-1]) \
        and ANALYTICS_SECRET_WORDS.isdisjoint(parts[:-1])


@lru_cache(maxsize=4096)
def names_public_analytics_key(name: str) -> bool:
    """Whether `name` holds an analytics service's project key, which every client that reports events ships."""
    parts = [p.lower() for p in _NAME_PARTS.findall(name)]
    return bool(parts) and _is_analytics_project_key(parts)


@lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    """`password`, `DB_PASSWORD`, `apiKey`, `client_secret`, `GITHUB_TOKEN`, `stripe_api_key`; not `key`, `token_url`,
    nor an analytics service's public project key (`mixpanel_project_token`, `AMPLITUDE_API_KEY`)."""
    parts = [p.lower() for p in _NAME_PARTS.findall(name)]
    if not parts or _is_analytics_project_key(parts):
        return False
    if parts[-1] == "token" and len(parts) > 1 and parts[-2] in NOT_SECRET_QUALIFIERS:
        return False  # a tokenizer's `pad_token`, a page's `next_token`: a marker or a cursor, not a credential
    if parts[-1] in SECRET_WORDS:
        return parts[-1] != "pass" or len(parts) > 1
    return parts[-1] == "key" and len(parts) > 1 and parts[-2] in KEY_QUALIFIERS


# Last words of a name that say it holds something about a secret, not the secret: `PASSWORD_FIELD`, `TOKEN_TYPE`.
LABEL_QUALIFIERS = frozenset({"field", "fields", "type", "name", "header", "param", "parameter", "url", "uri", "endpoint",
                              "path", "prefix", "suffix", "pattern", "regex", "format", "label", "attr", "attribute",
                              "column", "kind", "scheme", "mode", "style", "key", "var", "env", "message",
                              "msg", "text", "template", "error", "hint", "help", "title"})
# The words bandit's B105 looks for in a name (its `RE_CANDIDATES`), loosely: the cheap screen before the test below.
_BANDIT_PASSWORD_WORDS = lazy_pattern(r"pas|pwd|token|secret", re.IGNORECASE)
# The names bandit's B105/B106 take for a password's (its `RE_CANDIDATES`): one of its words, whole or as a `_` part.
_BANDIT_WORD = r"(?:pas+wo?r?d|pass(?:phrase)?|pwd|token|secrete?)"
_BANDIT_CANDIDATE = lazy_pattern(rf"^{_BANDIT_WORD}$|_{_BANDIT_WORD}_|^{_BANDIT_WORD}_|_{_BANDIT_WORD}$", re.IGNORECASE)


def names_a_label(name: str, value: cst.SimpleString) -> bool:
    """Whether `name = "value"` is a label about a secret, not one: the name is no secret name and ends in a word
    such as `FIELD` or `TYPE`, and the value is a placeholder (`PASSWORD_FIELD = "password"`,
    `token_type == "bearer"`). `PASSWORD = "hunter2"` and `ADMIN_PASSWORD_DEFAULT = "admin"` are not labels."""
    if not _BANDIT_PASSWORD_WORDS.search(name) or is_secret_name(name):
        return False
    parts = _NAME_PARTS.findall(name)
    text = string_value(value)
    return bool(parts) and parts[-1].lower() in LABEL_QUALIFIERS and text is not None and is_placeholder(text)


def _squashed(text: str) -> str:
    """`api_key`, `api-key`, `ApiKey` -> `apikey`: a name however it is spelled, to find it inside a value."""
    return re.sub(r"[-_.\s]", "", text).lower()


def _names_its_slot(name: str, value: str) -> bool:
    """`"cloudfiles_api_key": "my_rackspace_api_key"`: a label-shaped value that ends in the name's own last words
    says what belongs there, as a sample configuration does; a real credential does not spell its slot. So does
    the name without its `key` (`exclude_from_auth_key = "exclude_from_auth"`: the key of a flag in a mapping)."""
    words = [w for w in re.split(r"[^a-z0-9]+", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()) if w]
    slot = "_".join(words[-2:])
    if _LABEL_SHAPE.match(value) is None:
        return False
    spelled = value.replace("-", "_")
    return (len(slot) >= 5 and spelled.endswith(slot)) or (len(words) > 2 and words[-1] == "key"
                                                            and spelled == "_".join(words[:-1]))


def _spells_its_name(name: str, value: str, env_default: bool) -> bool:
    """`API_KEY = "my-api-key"`: a value that spells its own name is a stand-in. The default of an environment variable
    is the credential of every deployment that forgets the variable (`os.getenv("ADMIN_KEY", "admin-key-123")`,
    `"reports-admin-token"`), so there only the name itself, spelled again, stands in for one."""
    if env_default:
        return _squashed(name) == _squashed(value)
    return _squashed(name) in _squashed(value)


def is_placeholder(value: str, *, labels: bool = True) -> bool:
    """Not a credential: too short, a short lowercase word (`"async"`, `"root"`, `"no-check"`), an env-var name, a sentence,
    a path, URL, URN (`"urn:oasis:names:tc:SAML:2.0:ac:classes:Password"`), file name, import path
    (`"app.forms.SetPasswordForm"`) or relative module (`".types"`), rate-limit spec (`"5/m/user"`), marker
    (`"#bygroup"`, `":memory:"`, a dunder sentinel such as `"__anonymous__"`) or regular expression (`"[-!#0-9a-zA-Z]+"`),
    a key published by design (Stripe's `pk_live_`, PostHog's `phc_`), a label named after a secret
    (`"_password_reset_token"`, `"oauth-credentials"`) or saying it is never sent (`"conversion-only"`), characters
    counting up (`"0123456789..."`), a shell variable (`"$DB_PASSWORD"`, `"${TOKEN}"`), or a word agents use for
    "fill this in".
    Without `labels`, a label-shaped value is a credential: the default of an environment variable fills the slot."""
    lowered = value.lower()
    if len(value) < 4 or len(set(value)) < 3 or " " in value.strip() or _ENV_NAME.match(value):
        return True
    squashed = value.replace("-", "").replace("_", "")  # `"no-check"`: a short word however it is joined
    if lowered in PLACEHOLDER_VALUES or (squashed.isalpha() and value.islower() and len(squashed) <= 8):
        return True
    if _PATTERN_SYNTAX.search(value) or _PUBLISHABLE_KEY.match(value):
        return True
    if value.startswith(("/", "./", "~")) or "://" in value or _URN.match(value):
        return True
    if (labels and _LABEL_SHAPE.match(value) and (any(word in value for word in _LABEL_WORDS)
                                       or not _LABEL_OR_UNUSED_WORDS.isdisjoint(re.split(r"[-_.]", value)))) \
            or _FILE_NAME.match(value) \
            or _RATE_LIMIT.match(value) or _MARKER.match(value) or _IMPORT_PATH.match(value) \
            or _RELATIVE_MODULE.match(value):
        return True
    return _counts_up(lowered) or _SHELL_VARIABLE.search(value) is not None \
        or (any(word in lowered for word in PLACEHOLDER_WORDS) and not _padded_change_me(value))


def _padded_change_me(value: str) -> bool:
    """`"ChangeMe!2024"`, `"changeme123"`, `"CHANGE_ME_42"`: "change me" with digits or symbols added to it and no other
    word, a password made to pass the strength rules of the app it is created in."""
    if _PADDED_CHANGE_ME.match(value) is None:
        return False
    rest = re.sub(r"change[-_. ]?(?:me|this|it)", "", value, count=1, flags=re.IGNORECASE)
    return any(c.isdigit() or not (c.isalnum() or c in "-_. ") for c in rest)


# Characters counting up in a row that make a known credential format a dummy: one chance in 36**7 in a random key.
COUNTING_RUN = 8
# The share of a value in runs of three or more counting up that makes it a typed-in dummy.
COUNTING_SHARE = 0.75


def _counts_up(value: str) -> bool:
    """`"0123456789012345..."`, `"abcdefgh"`: characters counting up (digits wrapping from 9 to 0), the filler of a
    dummy token, never a generated secret."""
    steps = {(ord(b) - ord(a)) % (10 if a.isdigit() and b.isdigit() else 256) for a, b in pairwise(value)}
    return len(value) >= 16 and steps == {1}


def _longest_counting_run(value: str) -> int:
    """The most characters in a row that count up (`abcdefgh`, `34567890`), as `_counts_up` counts them."""
    longest = run = 1
    for a, b in pairwise(value):
        run = run + 1 if (ord(b) - ord(a)) % (10 if a.isdigit() and b.isdigit() else 256) == 1 else 1
        longest = max(longest, run)
    return longest


def _counting_share(value: str) -> float:
    """The share of characters that stand in runs of three or more counting up (`abc123XYZ789def...` is all of them):
    a typed-in dummy's filler, where each position of a generated key starts such a run once in thousands."""
    covered = 0
    run = 1
    for a, b in pairwise(value):
        if (ord(b) - ord(a)) % (10 if a.isdigit() and b.isdigit() else 256) == 1:
            run += 1
            continue
        covered += run if run >= 3 else 0
        run = 1
    covered += run if run >= 3 else 0
    return covered / len(value) if value else 0.0


def looks_random(secret: str) -> bool:
    """A real key mixes letters and digits and is no known example value: none that says so, none with eight
    characters counting up (`sk-ant-...-abcdefghijklmnop`, `xoxb-1234567890-...`), which a generated key never has,
    and none made of short counting runs (`sk-proj-abc123XYZ789defGHI456...`, a redaction test's sample)."""
    lowered = secret.lower()
    if "example" in lowered or "xxxx" in lowered or "your" in lowered or "test" in lowered or "dummy" in lowered:
        return False
    if _spelled_out(secret):
        return False
    return any(c.isdigit() for c in secret) and any(c.isalpha() for c in secret) \
        and _longest_counting_run(lowered) < COUNTING_RUN and _counting_share(lowered) < COUNTING_SHARE


def _spelled_out(secret: str) -> bool:
    """`super-secret-key-12345`, `my-secret-api-key-12345`: words and numbers joined by dashes, a value made up for a
    test; each part of a generated key mixes letters with digits or cases (`proj-4fJ9kLq2Xw8RtY6u`)."""
    parts = [part for part in re.split(r"[-_]", secret) if part]
    return len(parts) > 1 and all(part.isdigit() or (part.isalpha() and (part.islower() or part.isupper()))
                                  for part in parts)


def credential_format(value: str) -> tuple[str, str] | None:
    """(kind, redacted) for a known credential format inside `value`, else None."""
    if not may_hold_a_format(value):  # most strings of every file: one search, not one per format
        return None
    for kind, pattern in CREDENTIAL_FORMATS:
        match = pattern.search(value)
        if match is None:
            continue
        if kind == "private key":
            if _PEM_BODY.search(value):
                return kind, match.group(1) + MASK
            continue
        if looks_random(match.group(0)[len(match.group(1)):]):
            return kind, match.group(1) + MASK
    return None


# An AWS secret access key has no prefix of its own: 40 base64 characters under a name that says what it is.
_AWS_SECRET = lazy_pattern(r"[A-Za-z0-9/+]{40}")


def _is_aws_secret(name: str, value: str) -> bool:
    """`aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/..."`: the name ends in `secret_access_key` (any case)."""
    return name.lower().replace("-", "_").endswith("secret_access_key") and _AWS_SECRET.fullmatch(value) is not None \
        and looks_random(value)


# An Azure Storage or Cosmos DB account key: 64 random bytes in base64, under a name that ends in `key` (`COSMOS_KEY`).
_ACCOUNT_KEY = lazy_pattern(r"[A-Za-z0-9+/]{86}==")


def _is_account_key(name: str, value: str | None) -> bool:
    return value is not None and name_words(name)[-1:] == ["key"] and _ACCOUNT_KEY.fullmatch(value) is not None \
        and looks_random(value)


# Words of a name for a table of logins (`VALID_USERNAME_PASSWORD_PAIRS`, `USER_PASSWORDS`, `PASSWORDS`): its values
# are passwords. `PASSWORD_HASHERS` or `PASSWORD_RULES` are settings about them.
LOGIN_TABLE_WORDS = frozenset({"user", "users", "username", "usernames", "login", "logins", "account", "accounts"})


def _names_a_password_table(name: str) -> bool:
    words = name_words(name)
    passwords = [w for w in words if w in PASSWORD_WORDS or w[:-1] in PASSWORD_WORDS]
    return bool(passwords) and (words[-1][:-1] in PASSWORD_WORDS or words[-1] == "pairs"
                                or bool(LOGIN_TABLE_WORDS.intersection(words)))


def dsn_password(value: str) -> str | None:
    """The redacted connection string when `value` is a keyword connection string with a real password in it."""
    match = DSN_PASSWORD.search(value) if "=" in value else None  # (its every match holds `=`)
    if match is None or DSN_KEYWORD.search(value) is None or is_placeholder(match.group(2)):
        return None
    return DSN_PASSWORD.sub(lambda m: m.group(1) + MASK, value)


def url_password(value: str) -> str | None:
    """The redacted URL when `value` has a real password in its user info (`postgres://app:s3cret@db/app`)."""
    match = URL_PASSWORD.search(value) if "://" in value else None  # (its every match holds `://`)
    if match is None or is_placeholder(match.group(2)) or match.group(2).lower() in ("pass", "pw", "pwd"):
        return None
    return URL_PASSWORD.sub(lambda m: m.group(1) + MASK + m.group(3), value)


class HardcodedCredential(Rule):
    """A credential written into the source code.

    ## What it does
    Reports string literals that match a known credential format anywhere in the code (OpenAI
    `sk-`/`sk-proj-`, Anthropic `sk-ant-`, AWS `AKIA...`, GitHub `ghp_`/`github_pat_`, GitLab `glpat-`,
    Slack `xox?-` and webhook URLs, Stripe `sk_live_`, Google `AIza...`, Hugging Face `hf_`, Groq `gsk_`,
    SendGrid `SG.`, PEM private keys, `Bearer <token>` header values,
    URLs with a password such as `postgres://app:s3cret@db/app`, keyword connection strings with one: libpq's
    `"host=db user=app password=..."`, ODBC's `"...;UID=sa;PWD=..."`), and literals given to names like
    `password`, `api_key`, `token` or `secret` (also a key a device or an ingest endpoint is let in with:
    `DEFAULT_DEVICE_KEY`, `INGEST_KEY`, and a storage account's: `STORAGE_ACCOUNT_KEY`) (assignments, keyword arguments,
    dict keys, options set by name: Spark's `.option("password", "...")`, `conf.set("spark.hadoop.fs.s3a.secret.key",
    "...")`, `builder.config(...)`, parameter
    defaults, also a default given to `typer.Option(...)`/`typer.Argument(...)` or FastAPI's `Query(...)`, `Form(...)`
    (`password: str = typer.Option("...")`), what a property or a getter that takes no arguments returns,
    `def db_password(self): return "..."`,
    comparisons, the default of `os.getenv` (also one spelled after `or`: `os.getenv("DB_PASSWORD") or
    "..."`), and the key of `jwt.encode`/`jwt.decode`/
    `hmac.new`/`itsdangerous` signers; the password given by position to a `login(user, password)` method, to
    `HTTPBasicAuth`/`httpx.BasicAuth`/`aiohttp.BasicAuth`, `ftplib.FTP(host, user, password)` and
    `pymysql.connect(host, user, password)`, the password hashed where it is written (`generate_password_hash("...")`,
    Django's `make_password`, `bcrypt.hashpw("...".encode(), salt)`, the `hash` of a `CryptContext` or argon2
    `PasswordHasher` bound in the file), or as the second of an `auth=(user, password)` pair (also
    `session.auth = (user, password)`), and the text a
    browser bot types into a field whose selector names a secret: `page.fill("#password", ...)`,
    `page.get_by_label("Password").fill(...)`, Selenium's `find_element(By.ID, "password").send_keys(...)`), an
    Azure Storage or Cosmos DB account key under any name that ends in `key` (`COSMOS_KEY = "C2y6...Jw=="`), and the
    values of a table of logins (`VALID_USERNAME_PASSWORD_PAIRS = {"admin": "..."}`, `USER_PASSWORDS`).
    Placeholders (`""`, `"changeme"`, but not "change me" padded with digits or symbols only, `"ChangeMe!2024"`,
    a password made to pass the strength rules of the app that creates the account; `"xxx"`, `"<...>"`, env-var
    names, a value that spells its own slot as a sample configuration does:
    `"cloudfiles_api_key": "my_rackspace_api_key"`, or its name in any spelling:
    `api_key = "api-key-not-set"`, `"new_credentials": "NewCredentials"`; a label naming a kind of credential:
    `api_key="oauth-credentials"`; a dummy's counting filler:
    `"0123456789012345..."`; words and numbers joined by dashes: `"sk-super-secret-key-12345"`) and values that are no secret
    whatever their key (rate-limit specs such as `"change_password": "5/m/user"`, import paths such as
    `"set_password": "app.serializers.SetPasswordSerializer"`, regular expressions such as an RFC's token grammar
    `token = r"[-!#$%&'*+.^_|~0-9a-zA-Z]+"`, keys a service publishes by design: Stripe's `pk_live_...`, PostHog's
    `phc_...` project key; a product-analytics project key named after its service: `mixpanel_project_token`,
    `AMPLITUDE_API_KEY`, `SEGMENT_WRITE_KEY`, not their `..._API_SECRET` or `..._SECRET_KEY`) are left alone, as are named values
    in an API schema's sample (`{"example": {"access_token": "..."}}`, `Field(examples=[...])`) and the parameters of a link
    (`reverse("order", kwargs={"secret": ...})`: whoever gets the link sees them), and in test
    files (and settings modules only a test or CI run loads: `ci_settings.py`, `settings/test.py`) only vendor
    credential formats are reported (not a PEM private key: a test's key signs fixture tokens).
    Nor are the attributes of a class that lists codes or messages (`class ErrorCodes:` and the classes inside it:
    `InvalidToken = "83520"` names a condition), nor the values of a mapping named as no secrets (`not_secret =
    {"client_secret": ...}`, an installed app's OAuth client, whose provider does not treat it as secret). Messages
    and snippets show a redacted prefix only.
    A placeholder given to a name that labels a secret rather than holds one (`PASSWORD_FIELD = "password"`,
    `token_type == "bearer"`: the name ends in `FIELD`, `TYPE`, `HEADER`, `URL`, ...) and an analytics project key
    (`mixpanel_project_token = "..."`) also clear bandit's `B105` there, which flags any string given to a name
    containing `password` or `token`, and bandit's `B106` on a call whose every such keyword holds one of them or an
    HTTP authentication scheme's name (`Client(default_token="Bearer")`).

    ## Why is this bad?
    Everyone who can read the repository, its history, a wheel or a CI log can use the credential, and
    it cannot be rotated without a code change. Agents paste the key they were given straight into the
    code, or keep a "temporary" default password next to `os.getenv`.

    ## Example
    ```python
    import os

    DATABASE_PASSWORD = "Tr0ub4dor&3-prod"
    openai_key = os.getenv("OPENAI_API_KEY", "sk-proj-4fJ9kLq2Xw8RtY6uVb3NmZ1pQs7D")
    ```

    ## Use instead
    ```python
    import os

    DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]
    openai_key = os.environ["OPENAI_API_KEY"]
    ```

    ## Fix safety
    A credential given to a name (an assignment, a keyword argument, a dict key; also a key of a known
    format such as `OPENAI_API_KEY = "sk-..."`) is replaced with
    `os.environ["NAME"]`, `NAME` being that name in upper snake case (`db_password` -> `DB_PASSWORD`,
    and the vendor's own variable for `OpenAI(api_key=...)`, `Anthropic(...)`, `Groq(...)`, ...),
    adding `import os` when needed; `os.getenv("DB_PASSWORD", "hunter22")` becomes
    `os.environ["DB_PASSWORD"]`. It is unsafe: the program now stops with `KeyError` until the variable is
    set (to a new value: the old one is public). Not fixed: parameter defaults (they are read when the
    function is defined), comparisons, vendor-format keys found outside such a name, and files where `os`
    names something else.

    ## References
    - [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
    - [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
    - [OWASP Secrets Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html)
    """

    code = "VC403"
    name = "hardcoded-credential"
    category = Category.SECURITY
    severity = Severity.HIGH
    confidence = Confidence.HIGH
    cwe = (798, 259)
    fixable = True
    supersedes = ("B105", "B106", "B107")
    vets = ("B105", "B106")

    def __init__(self, context, options=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(context, options)
        self._reported: set[int] = set()
        # a test file, or settings only a test or CI run loads (`ci_settings.py`): its keys are the tests' fixtures
        self._tests = context.is_test_file or is_test_settings_path(context.path)
        self._docstrings: set[int] = set()
        self._shared_start: set[int] = set()  # calls a call with a B106 candidate starts with (`Client(...).login(...)`)
        self._clients: dict[int, str] = {}  # arguments of a vendor client's constructor -> the client's name
        # a literal given to a name -> what its fix replaces, and the variable to read instead
        self._named: dict[int, tuple[cst.CSTNode, str | None]] = {}
        self._example_depth = 0  # inside an `"example"` mapping or `examples=` argument of an API schema
        self._url_parameters: set[int] = set()  # items of `reverse(..., kwargs={...})`: a link's parameters
        self._hashers: frozenset[str] | None = None  # names bound to a password hasher, found when first asked
        self._catalogues = 0  # inside a class that lists codes or messages (`class ErrorCodes:`)
        self._declared_public: set[int] = set()  # items of a mapping named as no secrets (`not_secret = {...}`)
        self._getters: list[str | None] = []  # per enclosing function: its name when it is a getter (no arguments)

    # literals of a known format, anywhere
    def visit_Expr(self, node: cst.Expr) -> None:
        if type(node.value) is cst.SimpleString or type(node.value) is cst.ConcatenatedString:
            self._docstrings.add(id(node.value))

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if id(node) in self._docstrings or len(node.value) < 12:
            return
        value = string_value(node)
        if value is None:
            return
        found = credential_format(value)
        if found is not None and not (self._tests and found[0] in FIXTURE_KINDS):
            kind, shown = found
            named = self._named.get(id(node))
            fix = environment_fix(self.context, named[0], named[1]) if named is not None else None
            self._report(node, f"A hard-coded {kind} (`{shown}`) is in the source code.", Severity.HIGH, fix)
        elif found is None and not self._tests:
            redacted_url = url_password(value)
            redacted_dsn = dsn_password(value) if redacted_url is None else None
            if redacted_url is not None:
                self._report(node, f"A URL with a hard-coded password (`{redacted_url}`) is in the source code.",
                               Severity.HIGH)
            elif redacted_dsn is not None:
                self._report(node, f"A connection string with a hard-coded password (`{redacted_dsn}`) is in the source "
                             "code.", Severity.HIGH)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._catalogues += is_catalogue_class(node.name.value)

    def leave_ClassDef(self, node: cst.ClassDef) -> None:
        self._catalogues -= is_catalogue_class(node.name.value)

    # literals given to a secret-looking name
    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        params = node.params
        takes_nothing = not (isinstance(params.star_arg, cst.Param) or params.kwonly_params or params.star_kwarg
                             or params.posonly_params) and all(p.name.value in GETTER_RECEIVERS for p in params.params)
        self._getters.append(node.name.value if takes_nothing else None)

    def leave_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._getters.pop()

    def visit_Return(self, node: cst.Return) -> None:
        """`def db_password(self): return "Billing#2024"` (a property, or a getter taking nothing): its name names what
        it returns."""
        if self._getters and self._getters[-1] is not None and node.value is not None:
            self._check_named(self._getters[-1], node.value)

    def visit_Assign(self, node: cst.Assign) -> None:
        if type(node.value) is cst.Dict and any(names_no_secrets(_target_name(t.target) or "") for t in node.targets):
            self._declared_public.update(map(id, node.value.elements))  # `not_secret = {"client_secret": ...}`
        for target in node.targets:
            self._check_named(_target_name(target.target), node.value, replaced=node.value)
            self._check_password_table(_target_name(target.target), node.value)
            self._check_auth_pair(_target_name(target.target), node.value)

    def _check_auth_pair(self, name: str | None, pair: cst.BaseExpression | None) -> None:
        """`auth=("api", "s3cret")`, `session.auth = ("api", "s3cret")`: the second of a `(user, password)` pair."""
        if name in AUTH_PAIR_KEYWORDS and type(pair) is cst.Tuple and len(pair.elements) == 2:
            self._check_named("password", pair.elements[1].value)

    def _check_password_table(self, name: str | None, value: cst.BaseExpression) -> None:
        """`VALID_USERNAME_PASSWORD_PAIRS = {"admin": "Sales2024!"}`: each value of a table of logins is a password."""
        if type(value) is cst.Dict and name is not None and _names_a_password_table(name):
            for element in value.elements:
                if type(element) is cst.DictElement and string_value(element.key) is not None:
                    self._check_named("password", element.value)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._check_named(_target_name(node.target), node.value, replaced=node.value)

    def visit_Arg(self, node: cst.Arg) -> None:
        self._example_depth += node.keyword is not None and node.keyword.value in EXAMPLE_KEYS
        if node.keyword is not None:
            client = self._clients.get(id(node))
            variable = CLIENT_KEY_VARIABLES.get(client) if client and node.keyword.value == "api_key" else None
            self._check_named(node.keyword.value, node.value, replaced=node.value, variable=variable)

    def leave_Arg(self, node: cst.Arg) -> None:
        self._example_depth -= node.keyword is not None and node.keyword.value in EXAMPLE_KEYS

    def visit_DictElement(self, node: cst.DictElement) -> None:
        if id(node) not in self._url_parameters and id(node) not in self._declared_public:
            self._check_named(string_value(node.key), node.value, replaced=node.value, label=node)
        self._example_depth += string_value(node.key) in EXAMPLE_KEYS

    def leave_DictElement(self, node: cst.DictElement) -> None:
        self._example_depth -= string_value(node.key) in EXAMPLE_KEYS

    def visit_Param(self, node: cst.Param) -> None:
        default = node.default
        if type(default) is cst.Call and self.qualified_name(default) in DEFAULT_CARRIERS:
            default = argument(default, 0, "default")
        if default is not None:
            self._check_named(node.name.value, default)

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> None:
        """`os.getenv("DB_PASSWORD") or "hunter22"`: the literal after `or` is the lookup's default, spelled apart."""
        lookup = node.left
        if type(node.operator) is cst.Or and isinstance(lookup, cst.Call) and self.qualified_name(lookup) in ENV_GETTERS \
                and argument(lookup, 1, "default") is None:
            variable = string_value(argument(lookup, 0, "key"))
            self._check_named(variable, node.right, replaced=node, variable=variable, env_default=True)

    def visit_Comparison(self, node: cst.Comparison) -> None:
        if len(node.comparisons) == 1 and isinstance(node.comparisons[0].operator, (cst.Equal, cst.NotEqual)):
            self._check_named(_target_name(node.left), node.comparisons[0].comparator)

    def visit_Call(self, node: cst.Call) -> None:
        self._url_parameters.update(map(id, url_parameters(node)))
        qualified = self.qualified_name(node)
        client = (qualified or "").rpartition(".")[2]
        if client in CLIENT_KEY_VARIABLES:
            self._clients.update((id(arg), client) for arg in node.args)
        if qualified in ENV_GETTERS:
            variable = string_value(argument(node, 0, "key"))
            self._check_named(variable, argument(node, 1, "default"), replaced=node, variable=variable,
                              env_default=True)
        elif qualified in KEY_ARGUMENTS:
            position, name = KEY_ARGUMENTS[qualified]
            self._check_named("signing_key", argument(node, position, name))
        elif type(node.func) is cst.Attribute and node.func.attr.value in PASSWORD_METHODS:
            self._check_positional_password(node, PASSWORD_METHODS[node.func.attr.value])
        elif qualified in PASSWORD_ARGUMENTS:
            self._check_positional_password(node, PASSWORD_ARGUMENTS[qualified])
        elif type(node.func) is cst.Attribute and node.func.attr.value == HASH_METHOD and self._is_hasher(node.func.value):
            self._check_positional_password(node, 0)
        self._check_typed_secret(node)
        self._check_option(node)
        self._vet_funcarg(node)
        for arg in node.args:
            if arg.keyword is not None:
                self._check_auth_pair(arg.keyword.value, arg.value)

    def _vet_funcarg(self, node: cst.Call) -> None:
        """`Client(default_token="Bearer")`: clear bandit's B106, one per call, when every string literal the call
        gives to a password-like name (bandit's `RE_CANDIDATES`) is a label, an analytics project key or an HTTP
        authentication scheme's name; a literal password beside them keeps the call's alarm. Bandit reports the first
        such keyword, at its value's line and the call's column: only that position is cleared, so a nested call's
        B106 stays, and a call sharing the start of another with a B106 (`Client(...).login(password="...")`,
        visited first) clears nothing."""
        candidates = []
        for arg in node.args:
            if arg.keyword is not None and isinstance(arg.value, (cst.SimpleString, cst.ConcatenatedString)) \
                    and _BANDIT_CANDIDATE.search(arg.keyword.value):
                candidates.append(arg)
        if not candidates:
            return
        inner = node.func
        while isinstance(inner, (cst.Attribute, cst.Subscript, cst.Call)):
            inner = inner.func if isinstance(inner, cst.Call) else inner.value
            if isinstance(inner, cst.Call):
                self._shared_start.add(id(inner))
        if id(node) not in self._shared_start and all(
                type(arg.value) is cst.SimpleString and arg.keyword is not None
                and _no_credential_funcarg(arg.keyword.value, arg.value) for arg in candidates):
            self.vet(candidates[0].value, codes=("B106",), column_of=node)

    def _check_typed_secret(self, node: cst.Call) -> None:
        """`page.fill("#password", "...")`, `page.get_by_label("Password").fill("...")`,
        `driver.find_element(By.ID, "password").send_keys("...")`: a literal typed into a field named for a secret."""
        func = node.func
        if type(func) is not cst.Attribute or func.attr.value not in TYPING_METHODS:
            return
        given = [arg.value for arg in node.args if arg.keyword is None and arg.star == ""]
        if len(given) == 2:
            fields, typed = given[:1], given[1]
        elif len(given) == 1 and type(func.value) is cst.Call:
            fields, typed = [arg.value for arg in func.value.args], given[0]
        else:
            return
        if any(SECRET_FIELD.search(string_value(field) or "") for field in fields):
            self._check_named("password", typed)

    def _check_option(self, node: cst.Call) -> None:
        """`.option("password", "...")`, `conf.set("spark.hadoop.fs.s3a.secret.key", "...")`: a value set by name."""
        func = node.func
        if type(func) is cst.Attribute and func.attr.value in OPTION_METHODS and len(node.args) == 2 \
                and all(arg.keyword is None and arg.star == "" for arg in node.args):
            self._check_named(string_value(node.args[0].value), node.args[1].value)

    def _is_hasher(self, receiver: cst.BaseExpression) -> bool:
        """`pwd_context` bound to a `CryptContext(...)` (or `argon2.PasswordHasher()`) in this file, or one built here."""
        if type(receiver) is cst.Call:
            return (self.qualified_name(receiver) or "") in HASHER_CLASSES
        if self._hashers is None:
            self._hashers = names_bound_to_calls(self.context.module, self.context.imports, HASHER_CLASSES.__contains__) \
                if any(hint in self.context.source for hint in HASHER_HINTS) else frozenset()
        return (dotted_name(receiver) or "") in self._hashers

    def _check_positional_password(self, node: cst.Call, position: int) -> None:
        password = node.args[position] if len(node.args) > position else None
        if password is not None and password.keyword is None and password.star == "" \
                and all(arg.keyword is None and arg.star == "" for arg in node.args[:position]):
            value = password.value
            if type(value) is cst.Call and type(value.func) is cst.Attribute and value.func.attr.value == "encode":
                value = value.func.value  # `bcrypt.hashpw("...".encode(), salt)`: the text is the password
            self._check_named("password", value)

    def _check_named(self, name: str | None, value: cst.BaseExpression | None, *, replaced: cst.CSTNode | None = None,
                     variable: str | None = None, label: cst.CSTNode | None = None, env_default: bool = False) -> None:
        """Report a credential literal given to `name`; the fix reads `variable` (or `NAME`) instead of `replaced`.

        A label (`names_a_label`) or an analytics project key (public by design) clears bandit's B105
        (`vibecheck.vetting`) on the literal, or on `label` where bandit reports elsewhere (the key of a dict entry)."""
        if type(value) is cst.SimpleString and name is not None \
                and (names_a_label(name, value) or names_public_analytics_key(name)):
            self.vet(label or value, codes=("B105",))
        if name is None or value is None or self._tests or self._example_depth or self._catalogues or not (
                is_secret_name(name) or _is_account_key(name, string_value(value))):
            return
        if isinstance(value, cst.Call) and self.qualified_name(value) in ENV_GETTERS:
            return  # its default is checked as its own finding
        text = string_value(value)
        if replaced is not None and isinstance(value, cst.SimpleString):  # `OPENAI_API_KEY = "sk-..."`: fixed where reported
            self._named[id(value)] = (replaced, variable or variable_name(name))
        if text is None or is_placeholder(text, labels=not env_default) or _spells_its_name(name, text, env_default) \
                or (not env_default and _names_its_slot(name, text)) or credential_format(text):
            return  # a known format is reported by `visit_SimpleString`, with its kind
        literal = value.left if isinstance(value, cst.ConcatenatedString) else value
        fix = environment_fix(self.context, replaced, variable or variable_name(name)) if replaced is not None else None
        if _is_aws_secret(name, text):
            self._report(literal, f"A hard-coded AWS secret access key (`{redact(text)}`) is given to `{name}` in the "
                         "source code.", Severity.HIGH, fix)
            return
        self._report(literal, f"A hard-coded credential (`{redact(text)}`) is given to `{name}` in the source code.",
                     Severity.MEDIUM, fix)

    def _report(self, node: cst.CSTNode, message: str, severity: Severity, fix: NodeFix | None = None) -> None:
        if id(node) in self._reported:
            return
        self._reported.add(id(node))
        self.report(node, message, severity=severity, snippet=self._snippet(node),
                    hint="Read the credential from the environment or a secret manager, and rotate the exposed one.",
                    fix=fix)

    def _snippet(self, node: cst.CSTNode) -> str:
        """The source line of the literal, with the literal (and any other credential on it) redacted."""
        raw = node.value if isinstance(node, cst.SimpleString) else ""
        source = self.context.source
        at = source.find(raw) if raw else -1
        if at < 0:
            return ""
        start = source.rfind("\n", 0, at) + 1
        end = source.find("\n", at)
        line = source[start:end if end >= 0 else len(source)]
        body = len(raw) - len(raw.lstrip("rRbBuUfF"))
        quote = raw[body:body + 3] if raw[body:body + 3] in ('"""', "'''") else raw[body:body + 1]
        masked = f"{raw[:body]}{quote}{redact(string_value(node) or '')}{quote}"
        return redact_known_secrets(line.replace(raw, masked)).strip("\r").split("\n")[0]


def _no_credential_funcarg(name: str, value: cst.SimpleString) -> bool:
    """Whether VC403 reads `name="value"` as no credential by its kind: an HTTP authentication scheme's name
    (`default_token="Bearer"`), a label (`token_type="bearer"`) or an analytics project key."""
    text = string_value(value)
    return text is not None and (text.lower() in AUTH_SCHEMES or names_a_label(name, value)
                                 or names_public_analytics_key(name))


def _target_name(node: cst.BaseExpression) -> str | None:
    """`password`, `self.password` -> `password`, `config["password"]` -> `password`."""
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        return node.attr.value
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index):
            return string_value(index.value)
    return None
