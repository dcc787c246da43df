"""Huey tasks: nightly reconciliation of the ledger against the PSP's settlements."""

import logging
import pickle
import subprocess
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from huey import RedisHuey, crontab
from openpyxl import Workbook
from redis import Redis

from . import config, ledger
from .psp import PspClient

logger = logging.getLogger(__name__)
huey = RedisHuey("recon", url=config.REDIS_URL)
cache = Redis.from_url(config.REDIS_URL)


def cents(amount: Decimal) -> int:
    return int(amount * 100)


@huey.task(retries=3, retry_delay=120)
def reconcile_day(day: str) -> dict:
    psp = PspClient()
    settled = {s["payment_id"]: s for s in psp.settlements(day)}
    mismatches = []
    for payment in ledger.payments_for_day(day):
        settlement = settled.get(payment["psp_id"])
        if settlement is None:
            mismatches.append({"id": payment["id"], "reason": "missing"})
            continue
        if cents(payment["amount"]) != settlement["amount"]:
            mismatches.append({"id": payment["id"], "reason": "amount", "psp": settlement["amount"]})
            continue
        try:
            ledger.mark_settled(payment["id"], Decimal(settlement["amount"]) / 100)
        # expect: VC101/VC102
        except Exception:
            logger.error("could not mark payment settled")
            continue
    cache.set(f"recon:{day}", pickle.dumps(mismatches), ex=86400)
    return {"day": day, "mismatches": len(mismatches)}


def cached_mismatches(day: str) -> list[dict]:
    raw = cache.get(f"recon:{day}")
    # expect: VC406
    return pickle.loads(raw) if raw else []


@huey.periodic_task(crontab(hour="2", minute="30"))
def nightly() -> None:
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    reconcile_day(yesterday)
    export_report(yesterday)


@huey.task()
def export_report(day: str) -> str:
    wb = Workbook()
    ws = wb.active
    ws.append(["payment id", "reason", "psp amount"])
    for row in cached_mismatches(day):
        ws.append([row["id"], row["reason"], row.get("psp")])
    path = Path(config.REPORT_DIR) / f"recon-{day}.xlsx"
    wb.save(path)
    # expect: VC408
    subprocess.run(f"gpg --batch --yes --encrypt -r {config.FINANCE_GPG_RECIPIENT} {path}", shell=True, check=True)
    # ok: VC408/VC108
    subprocess.run(["sha256sum", str(path)], check=True, capture_output=True)
    return str(path)
