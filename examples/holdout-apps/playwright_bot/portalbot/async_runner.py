"""Async Playwright runner: check several portals concurrently and post a summary."""

import asyncio
import logging
import time

import requests
from playwright.async_api import Browser, async_playwright

from .config import PORTAL_PASSWORD, PORTAL_URL, PORTAL_USER, SCREENSHOT_DIR, SLACK_WEBHOOK

log = logging.getLogger(__name__)


async def check_portal(browser: Browser, name: str, url: str) -> dict:
    # expect: VC404
    context = await browser.new_context(ignore_https_errors=True)
    page = await context.new_page()
    await page.goto(f"{url}/login")
    await page.fill("#email", PORTAL_USER)
    await page.fill("#password", PORTAL_PASSWORD)
    await page.click("text=Sign in")
    # expect: VC110
    time.sleep(3)
    status = await page.inner_text(".status-banner")
    # expect: VC113
    asyncio.create_task(page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png")))
    await context.close()
    return {"portal": name, "status": status.strip()}


async def check_portal_carefully(browser: Browser, name: str, url: str, insecure: bool = False) -> dict:
    # ok: VC404 -- the caller's own opt-out for staging portals
    context = await browser.new_context(ignore_https_errors=insecure)
    page = await context.new_page()
    await page.goto(f"{url}/login")
    await page.fill("#email", PORTAL_USER)
    await page.fill("#password", PORTAL_PASSWORD)
    await page.click("text=Sign in")
    # ok: VC110
    await page.wait_for_timeout(3000)
    status = await page.inner_text(".status-banner")
    # ok: VC113
    await page.screenshot(path=str(SCREENSHOT_DIR / f"{name}.png"))
    await context.close()
    return {"portal": name, "status": status.strip()}


async def wait_for_banner(page, attempts: int = 10) -> str:
    for _ in range(attempts):
        banner = await page.query_selector(".status-banner")
        if banner:
            return await banner.inner_text()
        # ok: VC110
        await asyncio.sleep(1)
    raise TimeoutError("status banner never appeared")


async def post_summary(results: list[dict]) -> None:
    text = "\n".join(f"{r['portal']}: {r['status']}" for r in results)
    # expect: VC110, VC106, VC107
    requests.post(SLACK_WEBHOOK, json={"text": text})


async def post_summary_threaded(results: list[dict]) -> None:
    text = "\n".join(f"{r['portal']}: {r['status']}" for r in results)
    # ok: VC110
    resp = await asyncio.to_thread(requests.post, SLACK_WEBHOOK, json={"text": text}, timeout=10)
    resp.raise_for_status()


async def main(portals: dict[str, str]) -> list[dict]:
    async with async_playwright() as p:
        browser = await p.chromium.launch()
        results = await asyncio.gather(*(check_portal(browser, n, u) for n, u in portals.items()))
        await browser.close()
    await post_summary(list(results))
    return list(results)


if __name__ == "__main__":
    asyncio.run(main({"hub": PORTAL_URL}))
