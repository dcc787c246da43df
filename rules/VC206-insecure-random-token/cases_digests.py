import hashlib
import hmac
import secrets
import uuid
from hashlib import md5

SECRET_KEY = "loaded-from-the-environment-elsewhere"


def invite_token(email):
    # expect: VC206 -- anyone who knows the address computes the invite
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def unsubscribe_token(email):
    # expect: VC206
    return md5(email.lower().encode()).hexdigest()[:16]


def make_verification_token(user):
    # expect: VC206 -- a field of a parameter is as public as the parameter
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"verify:{user.email}"))


def issue_reset(user):
    # expect: VC206
    reset_token = hashlib.sha1(f"{user.id}-{user.email}".encode()).hexdigest()
    return reset_token


def invite_token_keyed(email):
    # ok: VC206 -- keyed with a server-side secret
    return hmac.new(SECRET_KEY.encode(), email.lower().encode(), hashlib.sha256).hexdigest()


def invite_token_with_constant(email):
    # ok: VC206 -- a module constant goes in: it may be a key, which this rule cannot tell
    return hashlib.sha256(f"{email}:{SECRET_KEY}".encode()).hexdigest()


def invite_token_random(email):
    # ok: VC206
    return hashlib.sha256(f"{email}:{secrets.token_hex(16)}".encode()).hexdigest()


def token_hash(token):
    # ok: VC206 -- the digest of a token, stored in its place
    return hashlib.sha256(token.encode()).hexdigest()


def signed_token(email, key):
    # ok: VC206 -- the caller hands in the key
    return hashlib.sha256(f"{key}:{email}".encode()).hexdigest()


def gravatar_url(email):
    # ok: VC206 -- a digest that is meant to be public
    digest = hashlib.md5(email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}"


def idempotency_token(order_id, amount):
    # ok: VC206 -- the same order must give the same key
    return hashlib.sha256(f"{order_id}:{amount}".encode()).hexdigest()


def confirm_token_for(user):
    # ok: VC206 -- the stored password hash goes in, which only the server knows
    return hashlib.sha256(f"{user.pk}:{user.password}:{user.last_login}".encode()).hexdigest()


def hash_backup_code(code):
    # ok: VC206 -- the digest of a code the user was given, stored in its place
    return hashlib.sha256(code.encode()).hexdigest()


def verify_invite_token(email):
    # ok: VC206 -- a check's name: it makes nothing new (whether it compares well is VC204's)
    return hashlib.sha256(email.encode()).hexdigest()


def store_password(user, raw):
    # ok: VC206 -- a password's digest is its stored hash: weak or not is VC205's
    user.password = hashlib.sha256(raw.encode()).hexdigest()
