"""Bearer-token authentication for customers and admins, and the internal service key."""

import hmac

import jwt
from fastapi import Depends, Header, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .models import Customer
from .settings import settings

bearer = HTTPBearer()


async def current_customer(creds: HTTPAuthorizationCredentials = Depends(bearer)) -> Customer:
    try:
        payload = jwt.decode(creds.credentials, settings.jwt_secret, algorithms=["HS256"])
    except jwt.PyJWTError:
        # expect: VC105
        raise HTTPException(status_code=401, detail="Invalid token")
    customer = await Customer.get_or_none(id=int(payload["sub"]))
    if customer is None:
        raise HTTPException(status_code=401, detail="Unknown customer")
    return customer


async def require_admin(customer: Customer = Depends(current_customer)) -> Customer:
    if not customer.is_admin:
        raise HTTPException(status_code=403, detail="Admins only")
    return customer


def verify_internal_key(x_internal_key: str = Header(...)) -> None:
    # expect: VC204
    if x_internal_key != settings.internal_api_key:
        raise HTTPException(status_code=403, detail="Bad internal key")


def verify_partner_signature(body: bytes, signature: str) -> bool:
    expected = hmac.new(settings.partner_webhook_secret.encode(), body, "sha256").hexdigest()
    # ok: VC204
    return hmac.compare_digest(expected, signature)
