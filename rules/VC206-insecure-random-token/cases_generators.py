import base64
import random
import secrets

import numpy as np

rng = random.Random()
AVATAR_COLOURS = ["#f44336", "#2196f3", "#4caf50"]


def new_secret_from_seed(user_id):
    # expect: VC206 -- a generator seeded with the user's id: anyone who knows the id knows the secret
    seed = random.Random(user_id).getrandbits(160).to_bytes(20, "big")
    return base64.b32encode(seed).decode()


def issue_api_key():
    # expect: VC206 -- a module-level `random.Random()` has the same predictable methods
    api_key = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=40))
    return api_key


def make_otp():
    generator = np.random.default_rng()
    # expect: VC206
    return str(generator.integers(0, 10**6)).zfill(6)


def backup_codes(count=10):
    # expect: VC206 -- a list of recovery codes is a list of secrets
    return [f"{random.randint(0, 10**8 - 1):08d}" for _ in range(count)]


def recovery_codes_safe(count=10):
    # ok: VC206
    return [secrets.token_hex(10) for _ in range(count)]


def error_codes(count=10):
    # ok: VC206 -- HTTP status codes for a load test, not secrets
    return [random.randint(400, 599) for _ in range(count)]


def issue_download():
    # expect: VC206 -- six digits drawn as `0 .. 10**6 - 1` and stored as a code
    download_code = f"{random.randint(0, 10**6 - 1):06d}"
    return download_code


def pick_sample():
    # ok: VC206 -- three digits are no one-time code
    sample_code = random.randint(0, 10**3 - 1)
    return sample_code


def avatar_colour():
    # ok: VC206 -- a generator object picking a colour
    return rng.choice(AVATAR_COLOURS)


def shuffled_deck(seed):
    deck = list(range(52))
    # ok: VC206 -- a seeded shuffle for a replayable game
    random.Random(seed).shuffle(deck)
    return deck


def issue_token_safely():
    # ok: VC206
    return "".join(secrets.SystemRandom().choices("abcdef0123456789", k=32))


class NonceIssuer:
    def __init__(self):
        self.draws = random.SystemRandom()
        try:
            self.draws.random()
        except NotImplementedError:
            self.draws = random.Random()

    def new_nonce(self):
        # ok: VC206 -- the OS's generator; `random.Random()` only on a platform that has none
        nonce = str(self.draws.getrandbits(128))
        return nonce


class QuietFallbackIssuer:
    def __init__(self):
        try:
            self.draws = random.SystemRandom()
        except Exception:
            self.draws = random.Random()

    def new_nonce(self):
        # expect: VC206 -- any failure swaps in the predictable generator
        nonce = str(self.draws.getrandbits(128))
        return nonce
