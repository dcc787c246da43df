"""VC206 corpus: a module that rebinds `random` to the operating system's generator draws from it below."""
import hashlib
import random
import random as predictable

MAX_KEY = 2 << 63

if hasattr(random, "SystemRandom"):
    random = random.SystemRandom()


def generate_token():
    # ok: VC206 -- `random` is `random.SystemRandom()` here
    salt = str(random.randrange(0, MAX_KEY)).encode("utf-8")
    return hashlib.sha1(salt).hexdigest()


def generate_reset_token():
    # expect: VC206 -- another name for the module: still the Mersenne Twister
    return str(predictable.getrandbits(128))
