"""Precise name patterns for values that are secrets (`api_key`, `password`) and not their neighbours (`max_tokens`)."""

from __future__ import annotations

import functools

from vibecheck.patterns import lazy_pattern

_WORD = lazy_pattern(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
SECRET_WORDS = frozenset({"password", "passwd", "passphrase", "pwd", "secret", "token", "apikey", "credential",
                          "credentials", "creds", "privatekey"})
PASSWORD_WORDS = frozenset({"password", "passwd", "passphrase", "pwd"})
# Words before a password word that say the value is no longer the password itself (`hashed_password`,
# `encrypted_pwd`, `bcrypt_password`): what a hash or cipher made of it.
PROTECTED_QUALIFIERS = frozenset({"hashed", "hash", "salted", "encrypted", "enc", "crypted", "digested", "bcrypt",
                                  "argon2", "scrypt", "pbkdf2"})
KEY_QUALIFIERS = frozenset({"api", "secret", "private", "access", "auth", "signing", "encryption", "master", "client",
                            "openai", "anthropic", "stripe", "aws",
                            # keys that admit their holder: an admin's, a shared one, a webhook's, a service account's
                            "admin", "shared", "webhook", "service"})
# A token that is not a credential: pagination cursors, LLM token counts, CSRF form fields.
NOT_SECRET_QUALIFIERS = frozenset({"page", "next", "continuation", "pagination", "cursor", "sync", "resume", "max", "min",
                                   "num", "total", "input", "output", "prompt", "completion", "csrf", "xsrf", "eos", "bos",
                                   "pad", "unk", "sep", "cls", "mask", "start", "end", "special", "last", "first",
                                   # a setting about tokens: `permit_create_token`, `collection_by_token`
                                   "create", "by"})


# Last words of a class that lists codes or messages (braintree's `class ErrorCodes:` and the classes inside it): its
# attributes name conditions (`InvalidToken = "83520"`, `PrivateKeyMismatch = "93521"`), they hold no secret.
CATALOGUE_WORDS = frozenset({"codes", "errors", "messages", "statuses", "reasons"})


def name_words(name: str) -> list[str]:
    """`OPENAI_API_KEY` -> ["openai", "api", "key"]; `accessToken` -> ["access", "token"]."""
    return list(_name_words(name))


@functools.lru_cache(maxsize=8192)
def _name_words(name: str) -> tuple[str, ...]:
    """`name_words`, split once per name: a dozen rules split the same names (keywords, fields, callees) of every file."""
    return tuple(w.lower() for w in _WORD.findall(name))


@functools.lru_cache(maxsize=8192)  # asked of every keyword, target and key of every file, which repeat
def is_secret_name(name: str) -> bool:
    """The name of a value that is itself a secret: `password`, `api_key`, `accessToken`, `SECRET_KEY`, `db_pwd`."""
    words = name_words(name)
    if not words:
        return False
    last = words[-1]
    before = words[-2] if len(words) > 1 else ""
    if last == "key":
        return before in KEY_QUALIFIERS
    if last not in SECRET_WORDS:
        return False
    return before not in NOT_SECRET_QUALIFIERS


def names_no_secrets(name: str) -> bool:
    """`not_secret`, `NON_SECRETS`: a mapping whose name says its values are no secrets (an installed app's OAuth
    client, whose provider does not treat its "secret" as one)."""
    words = name_words(name)
    return len(words) >= 2 and words[-2] in ("not", "non") and words[-1] in ("secret", "secrets")


def is_password_name(name: str) -> bool:
    """The name of a value that is a password: `password`, `new_password`, `pwd`, `passwd` (not `password_hash`, nor
    `hashed_password`: a qualifier that says the password was already hashed or encrypted)."""
    words = name_words(name)
    return bool(words) and words[-1] in PASSWORD_WORDS and not PROTECTED_QUALIFIERS.intersection(words[:-1])


def is_catalogue_class(name: str) -> bool:
    """`ErrorCodes`, `AUTH_MESSAGES`, `StatusCodes`: a class whose attributes are codes or messages."""
    words = name_words(name)
    return bool(words) and words[-1] in CATALOGUE_WORDS
