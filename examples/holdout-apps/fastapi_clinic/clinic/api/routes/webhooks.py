import hashlib
import hmac
import json
import logging

from fastapi import APIRouter, Header, HTTPException, Request
from sqlalchemy import select

from ...config import settings
from ...models import LabOrder
from ...security import DbSession

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])


def _signature(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


@router.post("/lab-results")
async def lab_results(request: Request, db: DbSession, x_lab_signature: str | None = Header(default=None)) -> dict:
    body = await request.body()
    # expect: VC216
    if settings.LAB_WEBHOOK_SECRET:
        expected = _signature(settings.LAB_WEBHOOK_SECRET, body)
        if not x_lab_signature or not hmac.compare_digest(expected, x_lab_signature):
            raise HTTPException(status_code=401, detail="Invalid signature")
    event = json.loads(body)
    order = await db.scalar(select(LabOrder).where(LabOrder.id == int(event["order_id"])))
    if order is None:
        raise HTTPException(status_code=404, detail="Unknown order")
    order.status = event.get("status", "completed")
    order.result_json = json.dumps(event.get("results", {}))
    await db.commit()
    return {"ok": True}


@router.post("/payments")
async def payments(request: Request, x_signature: str = Header(...)) -> dict:
    raw = await request.body()
    digest = "sha256=" + _signature(settings.PAYMENTS_WEBHOOK_SECRET, raw)
    # expect: VC204
    if x_signature != digest:
        raise HTTPException(status_code=401, detail="Invalid signature")
    # ok: VC409 -- the body passed the provider's signature check above
    logger.info("payment event %s", json.loads(raw).get("type"))
    return {"ok": True}


# ok: VC201
@router.post("/payments/v2")
async def payments_v2(request: Request, x_signature: str = Header(...)) -> dict:
    raw = await request.body()
    digest = "sha256=" + _signature(settings.PAYMENTS_WEBHOOK_SECRET, raw)
    # ok: VC204
    if not hmac.compare_digest(x_signature, digest):
        raise HTTPException(status_code=401, detail="Invalid signature")
    return {"ok": True}
