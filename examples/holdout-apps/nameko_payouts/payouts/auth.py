"""Merchant API keys, checked by the HTTP entrypoints."""
import hashlib
import hmac

from werkzeug.exceptions import Forbidden, Unauthorized

from .models import Merchant


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def merchant_for(session, request) -> Merchant:
    key = request.headers.get("X-Api-Key", "")
    if not key:
        raise Unauthorized()
    for merchant in session.query(Merchant).all():
        # ok: VC204
        if hmac.compare_digest(merchant.api_key_hash, key_digest(key)):
            return merchant
    raise Unauthorized()


def require_admin(session, request) -> Merchant:
    merchant = merchant_for(session, request)
    if not merchant.is_admin:
        raise Forbidden()
    return merchant


def is_internal(request) -> bool:
    # expect: VC207/VC216
    return request.headers.get("X-Internal-Caller") == "ops-console"
