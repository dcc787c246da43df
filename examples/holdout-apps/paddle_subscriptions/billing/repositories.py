"""Data access, one repository per aggregate."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from .models import Account, Invoice, Subscription


class InvoiceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, invoice_id: int) -> Invoice | None:
        return await self.session.get(Invoice, invoice_id)

    async def get_for_account(self, invoice_id: int, account_id: int) -> Invoice | None:
        stmt = select(Invoice).where(Invoice.id == invoice_id, Invoice.account_id == account_id)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def list_for_account(self, account_id: int) -> list[Invoice]:
        stmt = select(Invoice).where(Invoice.account_id == account_id).order_by(Invoice.id.desc())
        return list((await self.session.execute(stmt)).scalars())


class SubscriptionRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_paddle_id(self, paddle_id: str) -> Subscription | None:
        stmt = select(Subscription).where(Subscription.paddle_id == paddle_id)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def get(self, subscription_id: int) -> Subscription | None:
        return await self.session.get(Subscription, subscription_id)

    async def save(self, subscription: Subscription) -> None:
        self.session.add(subscription)
        await self.session.commit()


class AccountRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, account_id: int) -> Account | None:
        return await self.session.get(Account, account_id)
