"""VC206 corpus: a "salt" in a module that feeds no digest or key derivation is a suffix that makes a value unique."""
import random


def build_callback(params, is_random=False):
    # ok: VC206 -- nothing in this module digests it: the suffix only makes a chat button's data unique
    salt = "_" + str(random.randint(1, 10**18)) if is_random else ""
    return "_".join(params) + salt


def new_session_token():
    # expect: VC206 -- a token is a secret whatever else the module does
    return "".join(random.choices("abcdef0123456789", k=32))


def make_salt():
    # expect: VC206 -- a function named for making salts makes them to salt something, wherever that is
    return random.getrandbits(64)
