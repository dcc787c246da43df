"""VC405 corpus: a browser that a route drives (Playwright, Selenium) opens the client's URL or writes its path."""
import uuid
from pathlib import Path
from urllib.parse import urlparse

from fastapi import FastAPI
from flask import Flask, abort, request
from playwright.async_api import async_playwright
from playwright.sync_api import sync_playwright
from pydantic import BaseModel
from selenium import webdriver

app = Flask(__name__)
api = FastAPI()
SHOTS = Path("/srv/shots")
ALLOWED_HOSTS = {"docs.example.com"}
PORTAL = "https://portal.example.com"
SETTINGS = {"width": 1280}


class Shot(BaseModel):
    url: str
    name: str


@api.post("/shots")
async def shoot(body: Shot):
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        # expect: VC405
        await page.goto(body.url)
        # expect: VC405
        await page.screenshot(path=str(SHOTS / f"{body.name}.png"), full_page=True)
        # expect: VC405
        await page.pdf(path=f"/srv/pdf/{body.name}.pdf")
        await browser.close()


@api.post("/shots/checked")
async def shoot_checked(body: Shot):
    if urlparse(body.url).hostname not in ALLOWED_HOSTS:
        return {"error": "host"}
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        page = await browser.new_page()
        # ok: VC405
        await page.goto(body.url)
        # ok: VC405 -- the server names the file
        await page.screenshot(path=str(SHOTS / f"{uuid.uuid4().hex}.png"))
        await browser.close()


@app.get("/preview")
def preview():
    with sync_playwright() as p:
        page = p.chromium.launch().new_page()
        # ok: VC405 -- the host is fixed before the client's path
        page.goto(f"{PORTAL}/{request.args['page']}")
        with page.expect_download() as info:
            page.click("a.export")
        # expect: VC405
        info.value.save_as(request.args["target"])
        return "ok"


@app.get("/legacy")
def legacy():
    driver = webdriver.Chrome()
    # expect: VC405
    driver.get(request.args["url"])
    # expect: VC405
    driver.save_screenshot(request.args["out"])
    # ok: VC405 -- a dict's `get`, not a browser
    width = SETTINGS.get(request.args.get("key", "width"))
    driver.quit()
    return str(width)


@app.get("/legacy/checked")
def legacy_checked():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        abort(400)
    driver = webdriver.Chrome()
    # ok: VC405
    driver.get(url)
    driver.quit()
    return "ok"
