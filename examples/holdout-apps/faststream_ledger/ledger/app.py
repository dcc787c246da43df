"""FastStream consumers that post ledger entries from payment events."""

import os
import pickle
import subprocess

from faststream import FastStream, Logger
from faststream.rabbit import RabbitBroker, RabbitQueue
# expect: VC504
from pydantic import BaseModel

from ledger import notify, store
from ledger.settings import BROKER_URL, EXPORT_DIR, load_partners

broker = RabbitBroker(BROKER_URL)
app = FastStream(broker)
PARTNERS = load_partners()


class Payment(BaseModel):
    account_id: str
    amount_cents: int
    currency: str
    memo: str = ""


@broker.subscriber(RabbitQueue("payments.created", durable=True))
async def on_payment(payment: Payment, logger: Logger):
    await store.insert_entry(payment.model_dump())
    current = await store.balance(payment.account_id, payment.currency)
    logger.info("posted %s, balance %s", payment.account_id, current)
    partner = PARTNERS.get(payment.account_id)
    if partner:
        notify.fire_and_forget(partner["url"], {"balance": current})


@broker.subscriber("payments.legacy")
async def on_legacy_payment(body: bytes, logger: Logger):
    # expect: VC406
    payment = pickle.loads(body)
    await store.insert_entry(payment)


@broker.subscriber("ledger.export")
async def on_export(msg: dict, logger: Logger):
    target = os.path.join(EXPORT_DIR, msg["account_id"] + ".csv")
    rows = await store.entries_for(msg["account_id"], msg["since"])
    # expect: VC110
    with open(target, "w") as fh:
        for row in rows:
            fh.write(f"{row['created_at']},{row['amount_cents']},{row['currency']}\n")
    # expect: VC408, VC110, VC108
    subprocess.run(f"gzip -f {target} && aws s3 cp {target}.gz s3://ledger-exports/", shell=True)
    logger.info("exported %s", target)


@broker.subscriber("ledger.reconcile")
@broker.publisher("ledger.reconciled")
async def on_reconcile(msg: dict, logger: Logger) -> dict:
    try:
        total = await store.balance(msg["account_id"], msg["currency"])
    # expect: VC102
    except Exception:
        logger.error("reconcile failed")
        return {"account_id": msg["account_id"], "ok": False}
    return {"account_id": msg["account_id"], "ok": total == msg["expected_cents"]}
