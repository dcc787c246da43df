"""VC206 corpus: secrets built with `random` fire; `secrets`, SystemRandom and non-secret randomness do not."""
import hashlib
import random
import random as rnd
import secrets
import string
import time
import uuid
from datetime import datetime
from random import choice, randint

import jwt
import numpy as np

ALPHABET = string.ascii_letters + string.digits


def generate_reset_token():
    # expect: VC206
    return "".join(random.choices(ALPHABET, k=32))


def create_user(db, email):
    # expect: VC206
    temp_password = "".join(choice(ALPHABET) for _ in range(12))
    return db.add(email=email, password=temp_password)


def send_verification_code(user, mailer):
    # expect: VC206
    code = randint(100000, 999999)
    mailer.send(user.email, code)


def activate(user):
    # expect: VC206
    digits = rnd.sample(string.digits, 6)
    user.otp = "".join(digits)


def new_session(store):
    # expect: VC206
    store.save({"session_id": random.getrandbits(128), "user": None})


def api_key_with_numpy():
    # expect: VC206
    api_key = np.random.bytes(32).hex()
    return api_key


def nonce_with_uuid1():
    # expect: VC206
    nonce = uuid.uuid1().hex
    return nonce


def salt_loop():
    salt = ""
    for _ in range(16):
        # expect: VC206
        salt += random.choice(ALPHABET)
    return salt


def make_user(User):
    # expect: VC206
    return User(name="guest", password=str(random.random()))


def get_secret_word():
    # ok: VC206 -- the word a guessing game hides from its player
    return random.choice(["cat", "dog", "owl"])


def good_token():
    # ok: VC206
    return secrets.token_urlsafe(32)


def good_choice():
    # ok: VC206
    return "".join(secrets.choice(ALPHABET) for _ in range(12))


def system_random_password():
    rng = random.SystemRandom()
    # ok: VC206
    return "".join(rng.choice(ALPHABET) for _ in range(16))


def jitter_backoff(attempt):
    # ok: VC206
    return 2**attempt + random.random()


def pick_server(servers):
    # ok: VC206
    server = random.choice(servers)
    return server


def connect_to_referral(referrals, connection):
    # ok: VC206 -- ldap3's referral pick only decides whether the password is sent, never what it is
    selected = random.choice(referrals)
    return Connection(host=selected["host"], password=connection.password if not selected["anonymous"] else None)


def connect_to_any_referral(referrals, connection):
    selected = random.choice(referrals)
    # expect: VC206 -- the drawn item becomes the password in a branch
    drawn = random.choice(ALPHABET)
    return Connection(host=selected["host"], password=drawn if selected["anonymous"] else connection.password)


def shuffle_quiz(questions):
    # ok: VC206
    random.shuffle(questions)
    return questions


def sample_for_display(tokens_seen):
    # ok: VC206
    token_count = random.randint(1, 10)
    return token_count


def request_id():
    # ok: VC206
    return uuid.uuid4().hex


def colour():
    # ok: VC206
    return {"color": random.choice(["red", "green"])}


def random_string(length):
    # ok: VC206
    return "".join(random.choice(ALPHABET) for _ in range(length))


def issue_invite(db):
    # expect: VC206
    invite_token = random_string(24)
    db.save(invite_token)


def display_name():
    # ok: VC206
    nickname = random_string(6)
    return nickname


def _make_boundary():
    # ok: VC206
    token = random.randrange(2**63)
    return "=" * 15 + str(token)


class FakeCredentials:
    def access_token(self):
        # ok: VC206
        return "".join(random.choices(ALPHABET, k=20))


def otp_scaled(low, high):
    # expect: VC206
    otp = rnd.randint(low, high) * 10
    return otp


def reset_token_bytes():
    # expect: VC206
    reset_token = random.randbytes(16).hex()
    return reset_token


def verification_code_from_range():
    # expect: VC206
    verification_code = random.randrange(1000, 10000)
    return verification_code


def sampled_password():
    # expect: VC206
    password = "".join(random.sample(ALPHABET, 12))
    return password


def make_reset_code():
    # expect: VC206
    return str(random.randint(100000, 999999))


def reset_counter():
    # ok: VC206 -- `reset` is the verb here, and a counter no secret
    return random.randint(0, 10)


def issue_session(user_id):
    # expect: VC206
    session_id = hashlib.sha1(f"{user_id}:{time.time()}".encode()).hexdigest()
    return session_id


def issue_invite(store):
    # expect: VC206
    store.save({"invite_token": str(int(time.time() * 1000))})


def make_api_key(user_id):
    # expect: VC206
    return hashlib.md5(str(user_id).encode() + str(datetime.now()).encode()).hexdigest()


def issue_access_token(user_id, signing_key):
    # ok: VC206 -- the clock is the token's expiry claim; the signature makes it unguessable
    token = jwt.encode({"sub": user_id, "exp": time.time() + 3600}, signing_key)
    return token


def remember_reset(user):
    # ok: VC206 -- when the token was sent, not the token
    user.reset_token_sent_at = str(time.time())
    # ok: VC206 -- a bare number: the token's timestamp
    user.token = time.time()


def issue_session_safely(user_id):
    # ok: VC206 -- `secrets` makes it unguessable, the clock only orders it
    session_id = hashlib.sha256(f"{user_id}:{time.time()}:{secrets.token_hex(16)}".encode()).hexdigest()
    return session_id


def signed_nonce(secret_key):
    # ok: VC206 -- a server secret is mixed in
    nonce = hashlib.sha256(f"{secret_key}{time.time()}".encode()).hexdigest()
    return nonce


def trace_id():
    # ok: VC206 -- an id for logs, not a secret
    request_id = f"{int(time.time())}-{random_suffix()}"
    return request_id


def start_session(response):
    # expect: VC206
    response.set_cookie("session_token", uuid.uuid1().hex, httponly=True, secure=True)
    # expect: VC206
    response.set_cookie(key="csrf_token", value=str(random.getrandbits(64)))
    # ok: VC206 -- a cookie for an A/B test bucket, no secret
    response.set_cookie("ab_bucket", str(random.randint(0, 9)))


def issue_download_code():
    # expect: VC206
    code = f"{random.randint(0, 999999):06d}"
    return code


def new_pin():
    # expect: VC206
    return str(random.randrange(10**4)).zfill(4)


def roll_dice():
    # ok: VC206 -- a die, not a code
    code = random.randint(1, 6)
    return code


def fake_status():
    # ok: VC206 -- an HTTP status
    status_code = random.choice([200, 500])
    return status_code


class ContextVar:
    """A stand-in for `contextvars.ContextVar` on interpreters without it."""

    def __init__(self, name, default=None):
        self._values = {}
        self._default = default

    def get(self, default=None):
        return self._values.get("value", default or self._default)

    def set(self, value):
        # ok: VC206 -- a handle for `reset`, not a secret
        token = str(random.getrandbits(64))
        self._values[token] = self.get()
        self._values["value"] = value
        return token

    def reset(self, token):
        self._values["value"] = self._values.pop(token)


class SessionStore:
    def get(self, token):
        return self._sessions.get(token)

    def set(self, user):
        # expect: VC206 -- a store without `reset`: its token is a session id
        token = str(random.getrandbits(64))
        self._sessions[token] = user
        return token


def share_code(length: int = 8) -> str:
    # expect: VC206 -- a share link's code lets its holder in
    return "".join(random.choice(string.ascii_letters + string.digits) for _ in range(length))


def share_code_strong(length: int = 8) -> str:
    # ok: VC206
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(length))


def share_count_sample() -> int:
    # ok: VC206 -- a number of shares, not a code
    return random.randint(1, 10)


try:
    from secrets import randbits
except ImportError:
    from random import getrandbits as randbits

try:
    from random import getrandbits as fallback_bits
except ImportError:
    from secrets import randbits as fallback_bits


def generate_oauth_nonce():
    # ok: VC206 -- `secrets.randbits`: its fallback under `except ImportError` never runs, the standard library has it
    return str(randbits(64)) + str(int(time.time()))


def generate_session_nonce():
    # expect: VC206 -- the `try` imports from `random`, and that import is the one that runs
    return str(fallback_bits(64))


def generate_csrf_nonce():
    try:
        from secrets import token_hex as make_nonce
    except (ImportError, AttributeError):
        from random import getrandbits as make_nonce
    # ok: VC206 -- the same fallback inside a function
    return str(make_nonce(16))


def sample_next_token(probs, vocabulary):
    # ok: VC206 -- a language model's next token, drawn from the probabilities it gave
    issued_token = np.random.choice(len(probs), p=probs)
    # ok: VC206 -- a weighted pick of a word, not a secret
    next_token = random.choices(vocabulary, weights=probs)[0]
    return issued_token, next_token


def issue_api_token(alphabet):
    # expect: VC206 -- a uniform draw: the same call without weights builds a credential
    api_token = "".join(np.random.choice(list(alphabet), 32))
    return api_token


def rotate_org_key(org):
    # expect: VC206 -- a plain name, then answered as the key: the secret's name comes later
    raw = "".join(random.choices(string.ascii_letters + string.digits, k=40))
    org.keys.create(prefix=raw[:8], digest=hashlib.sha256(raw.encode()).hexdigest())
    return {"api_key": raw}


def invite_member(org, email):
    # expect: VC206 -- handed on as a keyword named for a token
    letters = "".join(random.choice(string.ascii_uppercase) for _ in range(12))
    return org.invites.create(email=email, token=letters)


def sample_order(rows):
    pick = random.choice(rows)
    # ok: VC206 -- random output under keys that name no secret
    return {"row": pick, "colour": random.choice(["red", "blue"])}


SLUG_ALPHABET = string.ascii_lowercase + string.digits


def new_slug(k=8):
    # expect: VC206 -- an unlisted paste is reached by its slug alone
    return "".join(random.choices(SLUG_ALPHABET, k=k))


def generate_short_code(length: int = 6) -> str:
    # expect: VC206
    return "".join(rnd.choice(SLUG_ALPHABET) for _ in range(length))


def share_document(store, doc_id):
    return store.share(doc_id, make_share_id())


def make_share_id():
    # expect: VC206
    return "%08x" % random.getrandbits(32)


def unique_slug(title):
    # ok: VC206 -- an address made from the title: the random part only makes it unique
    return f"{title.lower().replace(' ', '-')}-{random.randint(100, 999)}"


def publish(post):
    # ok: VC206 -- the same, in a variable
    slug = post.title.lower() + "-" + str(random.randint(1, 999))
    post.slug = slug


def shuffle_slugs(slugs):
    # ok: VC206 -- the order of existing slugs
    random.shuffle(slugs)
    return slugs
