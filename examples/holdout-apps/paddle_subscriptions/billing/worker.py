"""FastStream worker: e-mails receipts and syncs plans from the billing queue."""

import asyncio
import pickle
import smtplib

from faststream import FastStream
from faststream.redis import RedisBroker

from .settings import settings

broker = RedisBroker(settings.redis_url)
app = FastStream(broker)


def _send_mail(to: str, body: str) -> None:
    with smtplib.SMTP("localhost", 25) as smtp:
        smtp.sendmail("billing@example.com", [to], body)


async def _email_receipt(to: str, invoice_id: int) -> None:
    # expect: VC110
    _send_mail(to, f"Your invoice {invoice_id} is ready.")


@broker.subscriber("invoices.paid")
async def on_invoice_paid(message: dict) -> None:
    # expect: VC113
    asyncio.create_task(_email_receipt(message["email"], message["invoice_id"]))


@broker.subscriber("plans.sync")
async def on_plan_sync(raw: bytes) -> None:
    # expect: VC406
    snapshot = pickle.loads(raw)
    for account_id, plan in snapshot.items():
        await broker.publish({"account_id": account_id, "plan": plan}, "plans.apply")


@broker.subscriber("receipts.retry")
async def retry_receipt(message: dict) -> None:
    delay = 1
    # expect: VC109
    while True:
        try:
            await _email_receipt(message["email"], message["invoice_id"])
            return
        except smtplib.SMTPException:
            await asyncio.sleep(delay)
            delay *= 2
