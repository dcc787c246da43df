"""Business operations the routes call; repositories are injected."""

import httpx

from .models import Invoice, Subscription
from .repositories import InvoiceRepository, SubscriptionRepository
from .settings import settings

PADDLE_API = "https://api.paddle.com"
PLAN_PRICES = {"starter": "pri_01starter", "team": "pri_01team", "scale": "pri_01scale"}


class InvoiceService:
    def __init__(self, invoices: InvoiceRepository) -> None:
        self.invoices = invoices

    async def invoice(self, invoice_id: int) -> Invoice | None:
        return await self.invoices.get(invoice_id)

    async def invoice_of(self, invoice_id: int, account_id: int) -> Invoice | None:
        return await self.invoices.get_for_account(invoice_id, account_id)


class SubscriptionService:
    def __init__(self, subscriptions: SubscriptionRepository) -> None:
        self.subscriptions = subscriptions

    async def cancel(self, subscription_id: int) -> Subscription | None:
        sub = await self.subscriptions.get(subscription_id)
        if sub is None:
            return None
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post(
                f"{PADDLE_API}/subscriptions/{sub.paddle_id}/cancel",
                headers={"Authorization": f"Bearer {settings.paddle_api_key}"},
            )
            resp.raise_for_status()
        sub.status = "canceled"
        await self.subscriptions.save(sub)
        return sub

    async def checkout_link(self, plan: str, email: str) -> str:
        price_id = PLAN_PRICES[plan]
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post(
                f"{PADDLE_API}/transactions",
                headers={"Authorization": f"Bearer {settings.paddle_api_key}"},
                json={"items": [{"price_id": price_id, "quantity": 1}], "customer": {"email": email}},
            )
            resp.raise_for_status()
        return resp.json()["data"]["checkout"]["url"]
