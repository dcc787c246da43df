import asyncio
import logging
import time
from datetime import datetime, timezone

import httpx
import requests
from fastapi import BackgroundTasks, Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, HttpUrl

from . import notify, store

logger = logging.getLogger(__name__)
app = FastAPI(title="Reminders")


class ReminderIn(BaseModel):
    message: str
    due_at: datetime
    phone: str | None = None
    webhook_url: HttpUrl | None = None


def current_owner(x_user: str = Header(...)) -> str:
    return x_user


@app.on_event("startup")
def startup() -> None:
    store.init_db()


@app.post("/reminders", status_code=201)
def create(body: ReminderIn, owner: str = Depends(current_owner)) -> dict:
    # expect: VC505
    print("creating reminder", body.model_dump())
    reminder_id = store.create_reminder(
        owner, body.message, body.due_at, body.phone, str(body.webhook_url) if body.webhook_url else None
    )
    return {"id": reminder_id}


@app.get("/reminders/{reminder_id}")
def read(reminder_id: int, owner: str = Depends(current_owner)) -> dict:
    try:
        return store.get_owned_reminder(reminder_id, owner)
    except store.ReminderNotFound as exc:
        # ok: VC105
        raise HTTPException(status_code=404, detail="reminder not found") from exc


@app.delete("/reminders/{reminder_id}", status_code=204)
def delete(reminder_id: int, owner: str = Depends(current_owner)) -> None:
    store.delete_reminder(reminder_id, owner)


@app.post("/reminders/{reminder_id}/send")
def send_now(reminder_id: int, owner: str = Depends(current_owner)) -> dict:
    try:
        reminder = store.get_owned_reminder(reminder_id, owner)
        result = notify.deliver(reminder)
        store.mark_sent(reminder_id)
        return result
    except Exception as e:
        # expect: VC103, VC414
        return {"error": str(e)}


# expect: VC201
@app.post("/dispatch")
async def dispatch_due(background: BackgroundTasks) -> dict:
    due = store.due_reminders(datetime.now(timezone.utc))
    for reminder in due:
        # ok: VC113
        background.add_task(notify.deliver, reminder)
    return {"queued": len(due)}


# expect: VC201
@app.post("/dispatch/now")
async def dispatch_now() -> dict:
    due = store.due_reminders(datetime.now(timezone.utc))
    for reminder in due:
        # expect: VC113
        asyncio.create_task(asyncio.to_thread(notify.deliver, reminder))
    return {"queued": len(due)}


@app.get("/health/sms")
async def sms_health() -> dict:
    # expect: VC110
    resp = requests.get("https://sms.example.com/v1/health", timeout=3)
    return {"sms": resp.status_code == 200}


# ok: VC201 -- a health probe
@app.get("/health/webhooks")
async def webhooks_health() -> dict:
    # ok: VC110
    async with httpx.AsyncClient(timeout=3) as client:
        resp = await client.get("https://hooks.example.com/health")
    return {"webhooks": resp.status_code == 200}


# expect: VC201
@app.post("/reminders/{reminder_id}/snooze")
async def snooze(reminder_id: int, minutes: int = 10) -> dict:
    # expect: VC110
    time.sleep(0.5)
    await asyncio.sleep(0)
    return {"id": reminder_id, "snoozed_for": minutes}
