import asyncio
import contextlib
import logging

import httpx
from fastapi import APIRouter
from pydantic import BaseModel, HttpUrl

from ..config import settings
from ..security import CurrentUser

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])

ALLOWED_HOSTS = {"hooks.slack.com", "api.pagerduty.com"}


class WebhookTest(BaseModel):
    url: str
    event: str = "ping"


class Subscription(BaseModel):
    url: HttpUrl
    events: list[str]


def _client() -> httpx.AsyncClient:
    # verify from a config value that is False: reported at the setting (config.py)
    return httpx.AsyncClient(timeout=10, verify=settings.verify_ssl)


async def deliver(url: str, payload: dict) -> None:
    for attempt in range(5):
        try:
            async with _client() as client:
                # expect: VC417/VC405 -- forgotten: the subscribed URL from the request body, posted by the task
                resp = await client.post(url, json=payload)
                resp.raise_for_status()
                return
        # expect: VC101/VC102 -- retry loop that eats every error and gives up silently
        except Exception:
            await asyncio.sleep(2**attempt)


async def deliver_checked(url: str, payload: dict) -> None:
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            resp = await client.post(url, json=payload)
            resp.raise_for_status()
    # ok: VC101/VC102 -- specific exception, logged and re-raised
    except httpx.HTTPError:
        logger.exception("webhook delivery to %s failed", url)
        raise


@router.post("/test")
async def test_webhook(body: WebhookTest, user: CurrentUser):
    target = body.url
    async with _client() as client:
        # expect: VC405 -- SSRF, user URL fetched server-side
        resp = await client.post(target, json={"event": body.event, "tenant": user.tenant_id})
    return {"status": resp.status_code}


@router.post("/subscribe")
async def subscribe(body: Subscription, user: CurrentUser):
    # expect: VC113 -- fire-and-forget task whose exception vanishes
    asyncio.create_task(deliver(str(body.url), {"event": "subscribed", "tenant": user.tenant_id}))
    return {"ok": True}


@router.post("/notify-slack")
async def notify_slack(user: CurrentUser, text: str):
    url = f"https://hooks.slack.com/services/{user.tenant_id}"
    if httpx.URL(url).host not in ALLOWED_HOSTS:
        return {"ok": False}
    # ok: VC405 -- fixed allowlisted host
    await deliver_checked(url, {"text": text})
    return {"ok": True}


@router.post("/flush")
async def flush(user: CurrentUser):
    # expect: VC101/VC102 -- contextlib.suppress(Exception) hides delivery failures
    with contextlib.suppress(Exception):
        await deliver_checked("https://api.pagerduty.com/flush", {"tenant": user.tenant_id})
    return {"ok": True}
