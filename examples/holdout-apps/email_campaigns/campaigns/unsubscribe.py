"""Links that let a subscriber leave a list or confirm an address change."""

import hashlib
import hmac

from itsdangerous import URLSafeSerializer, URLSafeTimedSerializer

from . import config

unsubscribe_signer = URLSafeSerializer(config.SECRET_KEY, salt="unsubscribe")
email_change_signer = URLSafeTimedSerializer(config.SECRET_KEY, salt="email-change")


def unsubscribe_token(email: str) -> str:
    # expect: VC206
    return hashlib.md5(email.lower().encode()).hexdigest()


def unsubscribe_token_ok(email: str, token: str) -> bool:
    # expect: VC204
    return unsubscribe_token(email) == token


def signed_unsubscribe(subscriber_id: int) -> str:
    return unsubscribe_signer.dumps(subscriber_id)


def read_signed_unsubscribe(token: str) -> int:
    # ok: VC233
    return unsubscribe_signer.loads(token)


def keyed_unsubscribe_token(email: str) -> str:
    # ok: VC206
    return hmac.new(config.SECRET_KEY.encode(), email.lower().encode(), hashlib.sha256).hexdigest()


def email_change_token(staff_id: int, new_email: str) -> str:
    return email_change_signer.dumps({"id": staff_id, "email": new_email})


def read_email_change(token: str) -> dict:
    # expect: VC233
    return email_change_signer.loads(token)


def read_email_change_timed(token: str) -> dict:
    # ok: VC233
    return email_change_signer.loads(token, max_age=3600)
