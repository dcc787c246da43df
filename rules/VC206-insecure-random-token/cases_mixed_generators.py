"""VC206 corpus: a predictable draw joined to one from a cryptographic generator makes a value no one can guess."""
import os
import random
import secrets
import uuid


def generate_nonce():
    # ok: VC206 -- uuid4's 122 random bits make the whole nonce unpredictable, whatever uuid1 adds
    return uuid.uuid4().hex + uuid.uuid1().hex


def session_id_for(user_id):
    # ok: VC206 -- secrets.token_hex carries the secret; the random suffix only adds to it
    session_id = f"{secrets.token_hex(16)}-{random.randint(0, 999)}"
    return session_id


def make_api_key():
    # ok: VC206 -- os.urandom is one of the joined parts
    return "".join([os.urandom(16).hex(), str(random.getrandbits(32))])


def reset_token_for(user_id):
    # expect: VC206 -- the user's id is known, so the token is only as strong as uuid1
    return str(user_id) + uuid.uuid1().hex


def build_nonce():
    # expect: VC206 -- a name-based uuid3 adds nothing unpredictable
    return uuid.uuid1().hex + uuid.uuid3(uuid.NAMESPACE_DNS, "example.org").hex


def make_token():
    # expect: VC206 -- secrets only picks the alphabet's order here in a separate statement; the draw is random's
    alphabet = secrets.choice(["abc", "def"])
    token = "".join(random.choice(alphabet) for _ in range(32))
    return token
