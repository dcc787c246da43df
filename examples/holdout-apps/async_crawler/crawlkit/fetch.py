"""HTTP fetching with politeness and retries."""

from __future__ import annotations

import asyncio
import logging
import time
import urllib.robotparser
from urllib.parse import urljoin, urlparse

import httpx
import requests
from tenacity import retry, stop_after_attempt, wait_exponential

log = logging.getLogger(__name__)

USER_AGENT = "crawlkit/0.3 (+https://example.com/bot)"


def make_client(insecure: bool = False) -> httpx.AsyncClient:
    """Shared client; `insecure` is for crawling intranet hosts with self-signed certs."""
    if insecure:
        # ok: VC404 -- the caller's own opt-out (`insecure=True`), which VC404 leaves by design
        return httpx.AsyncClient(verify=False, timeout=20, follow_redirects=True)
    # ok: VC404
    return httpx.AsyncClient(timeout=20, follow_redirects=True, headers={"User-Agent": USER_AGENT})


async def fetch_with_backoff(client: httpx.AsyncClient, url: str) -> httpx.Response:
    backoff = 1.0
    # expect: VC109
    while True:
        try:
            resp = await client.get(url)
            if resp.status_code in (429, 503):
                raise httpx.HTTPStatusError("throttled", request=resp.request, response=resp)
            return resp
        except httpx.HTTPError as exc:
            log.debug("retrying %s after %s", url, exc)
            await asyncio.sleep(backoff)
            backoff *= 2


# ok: VC109
@retry(stop=stop_after_attempt(4), wait=wait_exponential(multiplier=1, max=30))
async def fetch_once(client: httpx.AsyncClient, url: str) -> httpx.Response:
    resp = await client.get(url)
    resp.raise_for_status()
    return resp


class RobotsCache:
    def __init__(self) -> None:
        self._parsers: dict[str, urllib.robotparser.RobotFileParser] = {}

    async def allowed(self, url: str) -> bool:
        host = urlparse(url).netloc
        if host not in self._parsers:
            rp = urllib.robotparser.RobotFileParser()
            robots_url = urljoin(url, "/robots.txt")
            # expect: VC110, VC107
            text = requests.get(robots_url, timeout=10).text
            rp.parse(text.splitlines())
            self._parsers[host] = rp
        return self._parsers[host].can_fetch(USER_AGENT, url)

    async def allowed_async(self, client: httpx.AsyncClient, url: str) -> bool:
        host = urlparse(url).netloc
        if host not in self._parsers:
            rp = urllib.robotparser.RobotFileParser()
            # ok: VC110
            resp = await client.get(urljoin(url, "/robots.txt"))
            rp.parse(resp.text.splitlines() if resp.status_code == 200 else [])
            self._parsers[host] = rp
        return self._parsers[host].can_fetch(USER_AGENT, url)


class RateLimiter:
    """Per-host delay between requests."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._last: dict[str, float] = {}

    async def wait(self, url: str) -> None:
        host = urlparse(url).netloc
        elapsed = time.monotonic() - self._last.get(host, 0.0)
        if elapsed < self.delay:
            # expect: VC110
            time.sleep(self.delay - elapsed)
        self._last[host] = time.monotonic()

    async def wait_async(self, url: str) -> None:
        host = urlparse(url).netloc
        elapsed = time.monotonic() - self._last.get(host, 0.0)
        if elapsed < self.delay:
            # ok: VC110
            await asyncio.sleep(self.delay - elapsed)
        self._last[host] = time.monotonic()
