import logging
from urllib.parse import urlparse

import httpx
from fastapi import APIRouter, BackgroundTasks, HTTPException
from pydantic import BaseModel

from ...config import settings
from ...models import LabOrder
from ...schemas import LabOrderIn
from ...security import DbSession, StaffUser
from ...services.notifications import post_lab_callback, post_lab_callback_async

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/labs", tags=["labs"])


class PreviewIn(BaseModel):
    report_url: str


@router.post("/orders", status_code=201)
async def create_lab_order(body: LabOrderIn, background_tasks: BackgroundTasks, db: DbSession,
                           staff: StaffUser) -> dict:
    order = LabOrder(patient_id=body.patient_id, callback_url=str(body.callback_url) if body.callback_url else None)
    db.add(order)
    await db.commit()
    if order.callback_url:
        background_tasks.add_task(post_lab_callback, order.callback_url, order.id, "received")
    return {"id": order.id, "status": order.status}


@router.post("/orders/{order_id}/ping", status_code=202)
async def ping_callback(order_id: int, callback_url: str, background_tasks: BackgroundTasks,
                        staff: StaffUser) -> dict:
    host = urlparse(callback_url).hostname
    if host not in settings.ALLOWED_CALLBACK_HOSTS:
        raise HTTPException(status_code=400, detail="Callback host not allowed")
    background_tasks.add_task(post_lab_callback_async, callback_url, order_id, "ping")
    return {"queued": True}


@router.post("/preview")
async def preview_report(body: PreviewIn, staff: StaffUser) -> dict:
    async with httpx.AsyncClient(timeout=10, follow_redirects=True) as client:
        try:
            # expect: VC405
            response = await client.get(body.report_url)
            response.raise_for_status()
        except httpx.HTTPError as exc:
            # expect: VC414
            raise HTTPException(status_code=502, detail=f"Could not fetch report: {exc}") from exc
    return {"content_type": response.headers.get("content-type"), "size": len(response.content)}
