"""The same crawl on trio, used by the CI job that rebuilds the index on every docs deploy."""

import logging
import sys
import time

import httpx
import trio

from .errors import IndexingError
from .settings import USER_AGENT

logger = logging.getLogger(__name__)


async def check_link(http: httpx.AsyncClient, url: str, broken: list[str]) -> None:
    resp = await http.head(url)
    if resp.status_code >= 400:
        broken.append(url)


async def check_links(urls: list[str]) -> list[str]:
    broken: list[str] = []
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, timeout=10) as http:
        async with trio.open_nursery() as nursery:
            for url in urls:
                # ok: VC113 -- the nursery waits for its children and raises their errors
                nursery.start_soon(check_link, http, url, broken)
    return broken


async def warm_cache(http: httpx.AsyncClient, urls: list[str]) -> None:
    for url in urls:
        try:
            # expect: VC107 -- the warm request's status is thrown away with its response (a mark added after the blind run)
            await http.get(url)
        # expect: VC101/VC102 -- every error skipped, trio.Cancelled is not an Exception so this one only hides failures
        except Exception:
            pass
        # expect: VC110 -- time.sleep in a trio task blocks the whole run
        time.sleep(0.05)


async def warm_cache_polite(http: httpx.AsyncClient, urls: list[str]) -> int:
    warmed = 0
    for url in urls:
        try:
            resp = await http.get(url)
            resp.raise_for_status()
            warmed += 1
        # ok: VC101/VC102 -- a narrow error is counted and logged
        except httpx.HTTPStatusError as exc:
            logger.info("not cached %s: %s", url, exc.response.status_code)
        # ok: VC110
        await trio.sleep(0.05)
    return warmed


def main(urls: list[str]) -> None:
    try:
        broken = trio.run(check_links, urls)
    # expect: VC101/VC104 -- the CI step passes although the check never ran
    except* httpx.TransportError as group:
        logger.error("link check could not reach the site: %s", group.exceptions[0])
        sys.exit(0)
    if broken:
        print("\n".join(broken))
        sys.exit(1)


def rebuild(urls: list[str]) -> None:
    try:
        trio.run(warm_cache_main, urls)
    # ok: VC101/VC104 -- a failing exit status
    except* IndexingError as group:
        logger.error("rebuild failed: %s", group.exceptions[0])
        sys.exit(1)


async def warm_cache_main(urls: list[str]) -> None:
    async with httpx.AsyncClient(timeout=10) as http:
        await warm_cache_polite(http, urls)
