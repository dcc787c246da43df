"""HTTP front for the bot so the support team can request screenshots of customer pages."""

import os
import secrets
import uuid
from pathlib import Path
from urllib.parse import urlparse

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.responses import FileResponse
from playwright.async_api import async_playwright
from pydantic import BaseModel

SHOTS = Path(os.environ.get("SHOTS_DIR", "/var/lib/portalbot/shots"))
ALLOWED_HOSTS = {"portal.supplier-hub.com", "reports.legacy-supplier.net"}


def require_key(x_api_key: str = Header(...)) -> None:
    # ok: VC204
    if not secrets.compare_digest(x_api_key, os.environ["PORTALBOT_API_KEY"]):
        raise HTTPException(status_code=401)


app = FastAPI(dependencies=[Depends(require_key)])


class ShotRequest(BaseModel):
    url: str
    name: str
    fill: dict[str, str] = {}


@app.post("/screenshots")
async def take_screenshot(body: ShotRequest):
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        # expect: VC405
        await page.goto(body.url)
        for selector, value in body.fill.items():
            # expect: VC413
            await page.evaluate(f"document.querySelector('{selector}').value = '{value}'")
        # expect: VC405
        await page.screenshot(path=str(SHOTS / f"{body.name}.png"))
        await browser.close()
    return {"name": body.name}


@app.post("/screenshots/safe")
async def take_screenshot_safe(body: ShotRequest):
    if urlparse(body.url).hostname not in ALLOWED_HOSTS:
        raise HTTPException(status_code=400, detail="host not allowed")
    name = uuid.uuid4().hex
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        # ok: VC405
        await page.goto(body.url)
        for selector, value in body.fill.items():
            # ok: VC413
            await page.fill(selector, value)
        # ok: VC405
        await page.screenshot(path=str(SHOTS / f"{name}.png"))
        await browser.close()
    return {"name": name}


@app.get("/screenshots/{name}")
async def get_screenshot(name: str):
    # expect: VC405
    return FileResponse(SHOTS / name)


@app.get("/screenshots/by-id/{shot_id}")
async def get_screenshot_by_id(shot_id: uuid.UUID):
    # ok: VC405
    return FileResponse(SHOTS / f"{shot_id.hex}.png")
