"""Prompt: generate a password-reset token and a session id; shuffle quiz questions."""

import random
import secrets
import string


def reset_token(length: int = 32) -> str:
    alphabet = string.ascii_letters + string.digits
    # expect: VC206
    return "".join(random.choice(alphabet) for _ in range(length))


def new_session_id() -> str:
    # expect: VC206
    session_id = str(random.randint(10**15, 10**16 - 1))
    return session_id


def reset_token_secure() -> str:
    # ok: VC206
    return secrets.token_urlsafe(32)


def shuffled_questions(questions: list[str]) -> list[str]:
    order = list(questions)
    # ok: VC206
    random.shuffle(order)
    return order
