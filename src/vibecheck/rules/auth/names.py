"""What "named like a password, token, secret, api key or digest" means, as data shared by the VC2xx rules.

An identifier (`reset_token`, `apiKey`, `HASHED_PASSWORD`, or a string key such as `request.form["password"]`)
is split into lower-case words; each word table below says which kind of secret a word names. Words that
describe a property of a secret rather than the secret itself (`password_length`, `token_url`,
`is_token_valid`, `access_key_given`) veto the match, so `len`-style metadata never looks like the secret.
"""

from __future__ import annotations

from functools import lru_cache

from vibecheck.patterns import lazy_pattern

PASSWORD_KIND = "password"
TOKEN = "token"
SECRET = "secret"
API_KEY = "api key"
SIGNATURE = "signature"
DIGEST = "digest"
OTP = "one-time code"
NONCE = "nonce"
SALT = "salt"
SESSION_ID = "session id"
CSRF = "csrf token"

# A word that is the secret itself (exact match on one word of the identifier).
WORD_KINDS: dict[str, str] = {
    "password": PASSWORD_KIND, "passwd": PASSWORD_KIND, "pwd": PASSWORD_KIND, "pw": PASSWORD_KIND, "passphrase": PASSWORD_KIND,
    "passcode": PASSWORD_KIND, "pass": PASSWORD_KIND,
    "token": TOKEN, "jwt": TOKEN, "bearer": TOKEN, "authorization": TOKEN,
    "secret": SECRET,
    "apikey": API_KEY,
    "signature": SIGNATURE, "hmac": SIGNATURE,
    "digest": DIGEST, "hashed": DIGEST,
    "otp": OTP, "totp": OTP, "hotp": OTP,
    "nonce": NONCE, "iv": NONCE,
    "salt": SALT,
    "sessionid": SESSION_ID,
    "csrf": CSRF, "xsrf": CSRF,
}
# A suffix inside one glued word: `newpassword`, `accesstoken`.
SUFFIX_KINDS: tuple[tuple[str, str], ...] = (("password", PASSWORD_KIND), ("passwd", PASSWORD_KIND), ("token", TOKEN),
                                             ("secret", SECRET), ("apikey", API_KEY), ("signature", SIGNATURE))
# Two consecutive words: `api_key`, `session_id`, `reset_code`.
PAIR_KINDS: dict[tuple[str, str], str] = {
    ("api", "key"): API_KEY, ("access", "key"): API_KEY, ("private", "key"): SECRET, ("signing", "key"): SECRET,
    # keys that admit their holder (`ADMIN_KEY`, `x-admin-key`, a service account's `SERVICE_KEY`)
    **{(qualifier, "key"): API_KEY for qualifier in ("admin", "master", "service", "webhook")}, ("shared", "key"): SECRET,
    ("session", "id"): SESSION_ID, ("session", "key"): SESSION_ID,
    # (and the lists of them: `backup_codes`, `recovery_codes`)
    **{(qualifier, code): OTP for code in ("code", "codes") for qualifier in (
        "reset", "verification", "verify", "confirmation", "confirm", "activation", "invite", "invitation",
        "recovery", "magic", "login", "mfa", "2fa", "auth", "backup", "security", "access", "otp", "one", "time",
        # codes whose holder gets in, or gets something: a share link's, a gift card's, a device pairing's
        "share", "claim", "unlock", "gift", "redeem", "redemption", "pairing", "device")},
    **{(qualifier, "pin"): OTP for qualifier in ("login", "security", "access", "verification")},
}
# Words that make the identifier describe a secret's metadata (length, name, URL, flag) rather than hold it.
VETO_WORDS = frozenset({
    "len", "length", "min", "max", "size", "count", "num", "number", "type", "types", "kind", "url", "uri", "endpoint",
    "name", "names", "field", "fields", "label", "prompt", "hint", "help", "policy", "expiry", "expires", "expiration",
    "exp", "ttl", "timeout", "lifetime", "age", "path", "file", "filename", "dir", "header", "format", "fmt", "regex",
    "pattern", "re", "required", "enabled", "enable", "disabled", "is", "has", "use", "uses", "should", "can", "allow",
    "allowed", "env", "var", "prefix", "suffix", "param", "attr", "column", "col", "index", "idx", "pos", "position",
    "error", "errors", "err", "exception", "message", "msg", "class", "cls", "factory", "form", "schema", "serializer",
    "model", "provider", "manager", "handler", "validator", "mode", "version", "algorithm", "alg", "algorithms",
    "scheme", "strength", "changed", "updated", "created", "date", "location", "placeholder", "widget",
    "button", "template", "view", "route", "rules", "requirements", "complexity", "store",
    "storage", "backend", "cache", "parser", "lexer", "stream", "list", "repr", "entropy", "char", "chars",
    "alphabet", "charset", "characters", "digits", "letters", "set", "dict", "map", "mapping", "id", "ids", "uuid",
    "uuids", "guid", "state",
    "status", "check", "flag", "method", "methods", "verify", "verified", "next", "page", "pagination",
    "continuation", "lock", "task", "sync", "creation", "idempotency", "keys", "config", "arn", "start", "end",
    "channel", "ref", "kinds", "boundary", "first", "last", "hasher", "hashers", "generator", "generators",
    # a text that finds or frames a key in other text (`_PEM_PRIVATE_KEY_MARKER = "PRIVATE KEY-----"`)
    "marker", "markers", "delimiter", "banner",
    # the address a flow sends the user back to (`token_redirect_str`: the redirect URI a token request names)
    "redirect",
    # a marker put where a secret is missing (`API_KEY_SENTINEL as _api_key_sentinel`): known to everyone
    "sentinel",
    # when a file of secrets last changed (`htpasswd_mtime_ns`): read to know when to load it again
    "mtime", "ctime", "atime", "timestamp",
})
_VETOES_FOR_SESSION_IDS = VETO_WORDS.difference({"id"})
# A last word that makes the identifier a flag saying whether the secret is there (`access_key_given`,
# `token_provided`): a boolean. Only as the last word: `provided_token` is the token a client provided.
PRESENCE_WORDS = frozenset({"given", "provided", "supplied", "present", "missing", "exists", "specified",
                            "configured", "defined"})
# A last word that makes the identifier the party a secret belongs to or names (`token_user`, `api_key_owner`): a
# user or an account, compared to tell who it is, not a secret. Only as the last word: `user_token` is a token.
PRINCIPAL_WORDS = frozenset({"user", "users", "owner", "owners", "holder", "holders", "account", "issuer", "subject"})
# Words that name a secret only as the head of a name (`db_pass`, `user_pass`), and are a verb before other words
# (`pass_collection`, `pass_many`, `pass_through`: marshmallow's hook options).
VERB_FIRST_WORDS = frozenset({"pass"})
# Identifiers whose kind is carried by a word that also has an innocent meaning in this spelling.
IGNORED_IDENTIFIERS = frozenset({"tokens", "secrets", "passes", "first_pass", "second_pass", "bypass"})

_WORD = lazy_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+[a-z]*")


@lru_cache(maxsize=4096)
def words(identifier: str) -> tuple[str, ...]:
    """`resetToken_v2` -> ("reset", "token", "v2"): snake_case and camelCase split, lower-cased."""
    return tuple(w.lower() for w in _WORD.findall(identifier))


@lru_cache(maxsize=4096)
def mentions_secret_word(identifier: str) -> bool:
    """True if a word of the identifier names a secret, even when a veto word makes it metadata (`token_type`)."""
    parts = words(identifier)
    return any(word in WORD_KINDS or any(word.endswith(suffix) for suffix, _ in SUFFIX_KINDS) for word in parts) or any(
        pair in PAIR_KINDS for pair in zip(parts, parts[1:], strict=False))


@lru_cache(maxsize=4096)
def secret_kinds(identifier: str) -> frozenset[str]:
    """The kinds of secret an identifier names (e.g. {"password"}), or an empty set.

    Session ids keep their `id`: `session_id` names a secret, `token_id` names a database row.
    """
    if identifier.lower() in IGNORED_IDENTIFIERS:
        return frozenset()
    parts = words(identifier)
    kinds: set[str] = set()
    for index, word in enumerate(parts):
        kind = WORD_KINDS.get(word) if word not in VERB_FIRST_WORDS or index == len(parts) - 1 else None
        if kind is None:
            kind = next((k for suffix, k in SUFFIX_KINDS if word.endswith(suffix) and word != suffix), None)
        if kind is not None:
            kinds.add(kind)
        if index + 1 < len(parts):
            pair = PAIR_KINDS.get((word, parts[index + 1]))
            if pair is not None:
                kinds.add(pair)
    if not kinds or (kinds == {SECRET} and parts[-1] in SECRET_PUZZLE_WORDS):
        return frozenset()  # (`secret_word`: the answer a game hides from its player)
    vetoes = _VETOES_FOR_SESSION_IDS if SESSION_ID in kinds else VETO_WORDS
    if parts[-1] in PRESENCE_WORDS or parts[-1] in PRINCIPAL_WORDS or any(word in vetoes for word in parts):
        return frozenset()
    return frozenset(kinds)


def head_kinds(identifier: str) -> frozenset[str]:
    """Kinds named by the head (last) word or last word pair: `ADMIN_PASSWORD`, `API_KEY`, not `SIGNATURE_PLAINTEXT`.

    Used for upper-case constants, which name enum-like options (`SIGNATURE_HMAC`, `PASSWORD_GRANT`) as
    often as secrets.
    """
    parts = words(identifier)
    if not parts:
        return frozenset()
    head = frozenset({WORD_KINDS[parts[-1]]}) if parts[-1] in WORD_KINDS else frozenset()
    return head | (secret_kinds("_".join(parts[-2:])) if len(parts) > 1 and parts[-1] in (
        "key", "id", "code") else frozenset())


def names_any(identifier: str | None, kinds: frozenset[str]) -> bool:
    """True if the identifier names a secret of one of the given kinds."""
    return identifier is not None and bool(secret_kinds(identifier) & kinds)


# Kinds per use: what may be compared in constant time, what is a password, what must come from `secrets`.
COMPARED_SECRETS = frozenset({PASSWORD_KIND, TOKEN, SECRET, API_KEY, SIGNATURE, DIGEST, OTP, SESSION_ID, CSRF})
PASSWORDS = frozenset({PASSWORD_KIND})
GENERATED_SECRETS = frozenset({PASSWORD_KIND, TOKEN, SECRET, API_KEY, OTP, NONCE, SALT, SESSION_ID, CSRF})

# Signing keys: `SECRET_KEY`, `JWT_SECRET`, `app.secret_key`, `SIGNING_KEY`, `jwt_key`.
_SIGNING_KEY_PAIRS = frozenset({("secret", "key"), ("signing", "key"), ("jwt", "key"), ("hmac", "key"),
                                ("fernet", "key"), ("aes", "key"), ("cipher", "key"),
                                ("encryption", "key"), ("private", "key"), ("app", "key"), ("session", "secret")})


# Words that make a key an encryption key: what it protects can be read, not only forged.
ENCRYPTION_WORDS = frozenset({"encryption", "encrypt", "fernet", "aes", "cipher", "crypt", "crypto"})


def is_encryption_key_name(identifier: str) -> bool:
    """`ENCRYPTION_KEY`, `FERNET_KEY`, `aes_key`: a key that decrypts, not only one that signs."""
    return bool(ENCRYPTION_WORDS.intersection(words(identifier)))


def is_signing_key_name(identifier: str) -> bool:
    """`SECRET_KEY`, `JWT_SECRET_KEY`, `APP_SECRET`, `signing_key`, but not `SECRET_KEY_ENV` or `secret_key_file`.

    Asked of every call's first string argument (translated messages too): a name holds `secret` or `key`
    (every signing-key word and pair does) before it is split into words."""
    lowered = identifier.lower()
    return ("secret" in lowered or "key" in lowered) and _is_signing_key_name(identifier)


@lru_cache(maxsize=4096)
def _is_signing_key_name(identifier: str) -> bool:
    parts = words(identifier)
    if not parts or any(word in VETO_WORDS for word in parts) or parts[-2:] == ("access", "key"):
        return False  # (`AWS_SECRET_ACCESS_KEY`: a cloud credential, VC403's, not a key the app signs with)
    if parts[-1] in SECRET_PUZZLE_WORDS:
        return False  # `secret_word="dog"`: the answer of a guessing game, a value the program hides, not a key
    if parts[-1] in PROVENANCE_WORDS:
        return False  # `secret_from = "env"`: where the key was found, a label the code logs, not the key
    if len(parts) > 1 and parts[0] in ACTION_VERBS:
        return False  # `"convert_to_secret_str": "utils"`: a function's name (here mapped to its module), not a key
    if "secret" in parts or any(word.endswith("secret") for word in parts):
        return True
    return any(pair in _SIGNING_KEY_PAIRS for pair in zip(parts, parts[1:], strict=False))


# First words that make an identifier a function's name, an action on a secret rather than the secret
# (`convert_to_secret_str`, `get_secret_key`, `load_signing_key`).
ACTION_VERBS = frozenset({"convert", "get", "load", "read", "fetch", "make", "build", "parse", "generate", "create",
                          "rotate", "decode", "encode", "to", "resolve", "lookup"})
# Last words that make a "secret" something a game or a puzzle hides from its player (`secret_word`,
# `secret_number`), not a key anything is signed with.
SECRET_PUZZLE_WORDS = frozenset({"word", "words", "number", "answer", "riddle"})
# Last words that make a name say where a secret comes from (`secret_from = "file"`, `key_source`), not hold it.
PROVENANCE_WORDS = frozenset({"from", "source", "sources", "origin"})


# Cookies that carry a session or a credential.
AUTH_COOKIE_WORDS = frozenset({"session", "sess", "sessionid", "sid", "token", "auth", "jwt", "access", "refresh",
                               "remember", "login", "csrf", "xsrf", "credentials", "bearer", "identity", "user"})


def is_auth_cookie_name(name: str) -> bool:
    """`session`, `auth_token`, `refresh-token`, `remember_me`, `sessionid`, but not `theme` or `lang`."""
    parts = words(name)
    return any(word in AUTH_COOKIE_WORDS or word.endswith(("token", "session")) for word in parts)


# Development-only places: files, directories and config classes where a debug setting is intended.
# `ci`: settings for a CI run (`ci_settings.py`); `demo`: a demo project shipped beside a package (`demo/settings.py`).
DEV_WORDS = frozenset({"dev", "develop", "development", "local", "test", "tests", "testing", "ci", "demo"})


# What a development word is glued to in a one-word name of a place (`testsettings.py`, `testapp/`, `devconfig`).
DEV_GLUED_TAILS = frozenset({"settings", "setting", "config", "conf", "app", "project", "site"})


def _glued_dev_word(word: str) -> bool:
    """`testsettings`, `testapp`, `localsettings`: a development word and a place's noun written as one word."""
    return any(word.startswith(dev) and word[len(dev):] in DEV_GLUED_TAILS for dev in DEV_WORDS)


def is_dev_name(name: str) -> bool:
    """`settings/dev.py`, `local_settings`, `DevelopmentConfig`, `TestingConfig`, `testapp/testsettings.py`."""
    return any(word in DEV_WORDS or _glued_dev_word(word) for word in words(name))


def _path_parts(path: str) -> tuple[str, str]:
    """(parent directory name, file stem) of a path, with either separator."""
    parts = path.replace("\\", "/").rsplit("/", 2)
    stem = parts[-1].rsplit(".", 1)[0]
    return (parts[-2] if len(parts) > 1 else ""), stem


# Modules that list a framework's defaults (Django's `global_settings.py`), not a deployment's choices.
DEFAULTS_WORDS = frozenset({"global", "default", "defaults"})


def is_dev_path(path: str) -> bool:
    """`settings/dev.py`, `local_settings.py`, `tests/settings.py`, `global_settings.py`: directory and file name only."""
    directory, stem = _path_parts(path)
    return is_dev_name(directory) or is_dev_name(stem) or bool(DEFAULTS_WORDS & set(words(stem)))


SETTINGS_WORDS = frozenset({"settings", "setting", "config", "configs", "conf", "production", "prod", "deploy"})


def is_settings_path(path: str) -> bool:
    """`settings.py`, `settings/production.py`, `config.py`, `prod_settings.py`, `conf/base.py`, `testsettings.py`."""
    directory, stem = _path_parts(path)
    return any(word in SETTINGS_WORDS or (_glued_dev_word(word) and any(word.endswith(tail) for tail in SETTINGS_WORDS))
               for word in words(stem)) or directory in ("settings", "config", "conf")


# Words of a settings module's place that say tests or CI runs read it (`ci_settings.py`, `settings/test.py`).
TEST_RUN_WORDS = frozenset({"test", "tests", "testing", "ci"})


def is_test_settings_path(path: str) -> bool:
    """`ci_settings.py`, `settings/test.py`, `testsettings.py`: settings that only a test or CI run loads (not a
    development machine's, `settings/dev.py`, which may be deployed by mistake)."""
    directory, stem = _path_parts(path)
    named = [word for name in (directory, stem) for word in words(name)]
    return is_settings_path(path) and any(word in TEST_RUN_WORDS or any(
        word.startswith(test) and word[len(test):] in DEV_GLUED_TAILS for test in TEST_RUN_WORDS) for word in named)


def is_dev_settings_path(path: str) -> bool:
    """A settings module for development or tests (`tests/settings.py`, `testapp/testsettings.py`): not a deployment's."""
    return is_dev_path(path) and is_settings_path(path)


# Verbs that lead a function name about a secret: `set_password`, `check_password`, `generate_token`.
FUNCTION_VERBS = frozenset({"set", "check", "verify", "validate", "get", "make", "create", "generate", "gen", "hash",
                            "encrypt", "encode", "new", "build", "random", "issue", "compute", "store", "save",
                            "update", "change", "to", "send", "email", "sms", "deliver", "request", "assign",
                            "rotate", "refresh", "regenerate", "add", "reset", "mint", "rand"})


def function_kinds(name: str) -> frozenset[str]:
    """The kinds of secret a function handles, judged from its name after its leading verbs, or with the last of
    them when that verb is the secret's own qualifier (`make_reset_code`: a reset code, not a `code`)."""
    parts = list(words(name))
    start = 0
    while start < len(parts) and parts[start] in FUNCTION_VERBS:
        start += 1
    kinds = secret_kinds("_".join(parts[start:])) if start < len(parts) else frozenset()
    if not kinds and 0 < start < len(parts):
        kinds = secret_kinds("_".join(parts[start - 1:]))
    return kinds


# A value that is a user's password (not a token or code that merely mentions one, e.g. `password_reset_token`).
NOT_PASSWORDS = frozenset({TOKEN, OTP, SALT, NONCE, SESSION_ID, CSRF, API_KEY, SIGNATURE})


def is_password_name(identifier: str | None) -> bool:
    if identifier is None:
        return False
    kinds = secret_kinds(identifier)
    return PASSWORD_KIND in kinds and not kinds & NOT_PASSWORDS
