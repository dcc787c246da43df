"""Prompt: generate password-reset tokens, session ids and one-time codes for a web app."""
import random
import secrets
import uuid

import numpy as np


class TokenFactory:
    @property
    def session_id(self) -> str:
        # expect: VC206
        return uuid.uuid1().hex

    @property
    def session_id_safe(self) -> str:
        # ok: VC206
        return secrets.token_hex(16)

    def reset_token(self) -> str:
        # expect: VC206
        digits = np.random.randint(0, 10, size=32)
        return "".join(str(d) for d in digits)

    def otp_code(self) -> str:
        # expect: VC206
        value = random.getrandbits(20) % 1_000_000
        return f"{value:06d}"

    def otp_code_safe(self) -> str:
        # ok: VC206
        return f"{secrets.randbelow(1_000_000):06d}"

    def sample_id(self) -> str:
        # ok: VC206
        return str(uuid.uuid4())
