"""Synchronous Playwright flows: log in, download the latest invoices."""

import json
import logging
import pickle
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from .config import HEADLESS, PORTAL_PASSWORD, PORTAL_URL, PORTAL_USER, SCREENSHOT_DIR, load_flows

log = logging.getLogger(__name__)
COOKIE_FILE = Path(".portal_cookies.pkl")
STATE_FILE = Path(".portal_state.json")


def login(page: Page) -> None:
    # expect: VC407
    log.info("logging in to %s as %s / %s", PORTAL_URL, PORTAL_USER, PORTAL_PASSWORD)
    page.goto(f"{PORTAL_URL}/login")
    page.fill("input[name=email]", PORTAL_USER)
    page.fill("input[name=password]", PORTAL_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{PORTAL_URL}/dashboard", timeout=30_000)
    # ok: VC407
    log.info("logged in as %s", PORTAL_USER)


def save_cookies(page: Page) -> None:
    with COOKIE_FILE.open("wb") as fh:
        pickle.dump(page.context.cookies(), fh)


def restore_cookies(page: Page) -> None:
    if COOKIE_FILE.exists():
        with COOKIE_FILE.open("rb") as fh:
            # ok: VC406 -- a literal path of the program's own, which it writes itself (the rule's documented stance)
            page.context.add_cookies(pickle.load(fh))


def restore_state(page: Page) -> None:
    if STATE_FILE.exists():
        # ok: VC406
        page.context.add_cookies(json.loads(STATE_FILE.read_text())["cookies"])


def run_flow_scripts(page: Page, portal: str) -> list:
    """Run the operator's configured snippets (flows.yaml) in the logged-in page."""
    results = []
    for snippet in load_flows()[portal].get("scripts", []):
        # ok: VC413 -- the operator's own configuration file
        results.append(page.evaluate(snippet))
    return results


def apply_portal_hints(page: Page) -> None:
    """The portal ships a 'bot hints' block; run it so the table renders in full."""
    hint = page.inner_text("#automation-hints")
    # ok: VC413 -- the page's own text, run in the page's own origin: nothing it could not run itself
    page.evaluate(hint)


def read_totals(page: Page) -> dict:
    raw = page.inner_text("#totals-data")
    # expect: VC413
    return eval(raw)


def read_totals_json(page: Page) -> dict:
    # ok: VC413
    return json.loads(page.inner_text("#totals-data"))


def download_invoices(out_dir: Path) -> list[Path]:
    saved = []
    with sync_playwright() as p:
        browser = p.chromium.launch(headless=HEADLESS)
        # expect: VC404
        context = browser.new_context(ignore_https_errors=True, accept_downloads=True)
        page = context.new_page()
        restore_cookies(page)
        login(page)
        apply_portal_hints(page)
        for row in page.query_selector_all("table.invoices tr[data-id]"):
            with page.expect_download() as info:
                row.query_selector("a.pdf").click()
            download = info.value
            target = out_dir / download.suggested_filename
            # expect: VC405 -- the file name is the portal's, a remote site's
            download.save_as(target)
            saved.append(target)
        page.screenshot(path=str(SCREENSHOT_DIR / "invoices.png"), full_page=True)
        save_cookies(page)
        browser.close()
    return saved


def download_statements(page: Page, out_dir: Path) -> Path:
    with page.expect_download() as info:
        page.click("a#statement")
    download = info.value
    target = out_dir / Path(download.suggested_filename).name
    # ok: VC405
    download.save_as(target)
    return target
