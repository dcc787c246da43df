"""FastAPI dependencies: the caller, and services wired to the request's session."""

from typing import Annotated

import jwt
from fastapi import Depends, Header, HTTPException
from sqlalchemy.ext.asyncio import AsyncSession

from .db import get_session
from .models import Account
from .repositories import AccountRepository, InvoiceRepository, SubscriptionRepository
from .services import InvoiceService, SubscriptionService
from .settings import settings

Session = Annotated[AsyncSession, Depends(get_session)]


async def get_current_account(session: Session, authorization: str = Header(...)) -> Account:
    token = authorization.removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, settings.jwt_secret, algorithms=["HS256"])
    except jwt.PyJWTError as exc:
        raise HTTPException(401, "Invalid token") from exc
    account = await AccountRepository(session).get(int(claims["sub"]))
    if account is None:
        raise HTTPException(401, "Unknown account")
    return account


CurrentAccount = Annotated[Account, Depends(get_current_account)]


def invoice_service(session: Session) -> InvoiceService:
    return InvoiceService(InvoiceRepository(session))


def subscription_service(session: Session) -> SubscriptionService:
    return SubscriptionService(SubscriptionRepository(session))
