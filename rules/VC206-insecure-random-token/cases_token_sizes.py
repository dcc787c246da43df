"""VC206 corpus: a draw that only picks how long a secret is (or how many parts it has) draws none of its content."""
import binascii
import os
import random
import string


class RandomStringTokenGenerator:
    def __init__(self, min_length=10, max_length=50):
        self.min_length = min_length
        self.max_length = max_length

    def generate_token(self):
        # ok: VC206 -- the length of a token cut from os.urandom: the characters stay unguessable
        length = random.randint(self.min_length, self.max_length)
        return binascii.hexlify(os.urandom(self.max_length)).decode()[0:length]


def make_api_key(words):
    # ok: VC206 -- how many words, each drawn from the operating system
    word_count = random.randrange(4, 7)
    return "-".join(os.urandom(4).hex() for _ in range(word_count))


def generate_password():
    size = random.randint(12, 16)
    # expect: VC206 -- the characters themselves come from `random`
    return "".join(random.choice(string.ascii_letters) for _ in range(size))


def generate_reset_token():
    # expect: VC206 -- a name for the token's content, not its length
    raw = random.getrandbits(64)
    return f"{raw:x}"


def new_session_key():
    # expect: VC206 -- a number of parts bound to a name, then used as the key itself
    count = random.randint(10**8, 10**9)
    return str(count)
