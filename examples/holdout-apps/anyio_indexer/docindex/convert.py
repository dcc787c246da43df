"""Convert fetched pages to plain text (pandoc) for indexing."""

import logging
import subprocess
import tempfile
import time
from pathlib import Path

import anyio
import requests

from .settings import PANDOC, USER_AGENT

logger = logging.getLogger(__name__)


async def html_to_text(html: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(html, encoding="utf-8")
        # ok: VC108/VC110 -- anyio.run_process checks the exit status by default and does not block the loop
        result = await anyio.run_process([PANDOC, "-f", "html", "-t", "plain", str(src)])
        return result.stdout.decode()


async def html_to_text_unchecked(html: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(html, encoding="utf-8")
        # expect: VC108 -- check=False and the return code is never read: an empty text is indexed
        result = await anyio.run_process([PANDOC, "-f", "html", "-t", "plain", str(src)], check=False)
        return result.stdout.decode()


async def pdf_to_text(path: Path) -> str:
    # expect: VC110 -- subprocess.run blocks the event loop for the length of the conversion
    proc = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, timeout=120)
    return proc.stdout.decode()


async def pdf_to_text_offloaded(path: Path) -> str:
    # ok: VC110 -- in a worker thread
    proc = await anyio.to_thread.run_sync(
        lambda: subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, timeout=120)
    )
    return proc.stdout.decode()


async def fetch_robots(base: str) -> str:
    # expect: VC110 -- requests inside a coroutine
    resp = requests.get(base.rstrip("/") + "/robots.txt", headers={"User-Agent": USER_AGENT}, timeout=10)
    resp.raise_for_status()
    return resp.text


async def polite_pause(host: str, last_hit: dict[str, float]) -> None:
    elapsed = time.monotonic() - last_hit.get(host, 0.0)
    if elapsed < 1.0:
        # expect: VC110
        time.sleep(1.0 - elapsed)
    last_hit[host] = time.monotonic()
