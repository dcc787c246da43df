"""Crawl a documentation site with an anyio task group and a bounded memory channel."""

import logging
from urllib.parse import urljoin, urlparse

import anyio
import httpx
from anyio.streams.memory import MemoryObjectReceiveStream, MemoryObjectSendStream
from selectolax.parser import HTMLParser

from . import convert, search
from .errors import FetchError
from .settings import CONCURRENCY, USER_AGENT

logger = logging.getLogger(__name__)


def same_site(base: str, url: str) -> bool:
    return urlparse(base).netloc == urlparse(url).netloc


async def fetch(http: httpx.AsyncClient, url: str) -> str:
    try:
        resp = await http.get(url)
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        # ok: VC105 -- chained
        raise FetchError(url) from exc
    return resp.text


async def fetch_page(http: httpx.AsyncClient, url: str) -> dict | None:
    try:
        html = await fetch(http, url)
        text = await convert.html_to_text(html)
    # expect: VC101/VC102/VC103 -- logged and None: the crawl reports success with pages missing
    except Exception:
        logger.exception("failed to fetch %s", url)
        return None
    tree = HTMLParser(html)
    title = tree.css_first("title")
    links = [urljoin(url, a.attributes.get("href") or "") for a in tree.css("a[href]")]
    return {"id": url, "title": title.text() if title else url, "body": text, "links": links}


async def worker(http: httpx.AsyncClient, receive: MemoryObjectReceiveStream, results: list[dict]) -> None:
    async with receive:
        async for url in receive:
            try:
                page = await fetch_page(http, url)
            # expect: VC101 -- BaseException also swallows anyio's cancellation: the task group can never cancel it
            except BaseException:
                continue
            if page:
                results.append(page)


async def worker_cancellable(http: httpx.AsyncClient, receive: MemoryObjectReceiveStream, results: list[dict]) -> None:
    async with receive:
        async for url in receive:
            try:
                page = await fetch_page(http, url)
            # ok: VC101/VC102 -- cancellation re-raised
            except anyio.get_cancelled_exc_class():
                logger.info("crawl cancelled at %s", url)
                raise
            if page:
                results.append(page)


async def feed(send: MemoryObjectSendStream, urls: list[str]) -> None:
    async with send:
        for url in urls:
            await send.send(url)


async def crawl(start_urls: list[str]) -> list[dict]:
    results: list[dict] = []
    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=CONCURRENCY * 4)
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, timeout=15, follow_redirects=True) as http:
        try:
            async with anyio.create_task_group() as tg:
                # ok: VC113 -- tasks of a task group are awaited when the block ends
                tg.start_soon(feed, send, start_urls)
                for _ in range(CONCURRENCY):
                    tg.start_soon(worker, http, receive.clone(), results)
                receive.close()
        # expect: VC101/VC102 -- every task's failure logged and dropped: a half-built index is published
        except* Exception as group:
            logger.error("%d crawl tasks failed", len(group.exceptions))
    return results


async def crawl_strict(start_urls: list[str]) -> list[dict]:
    results: list[dict] = []
    send, receive = anyio.create_memory_object_stream[str](max_buffer_size=CONCURRENCY * 4)
    async with httpx.AsyncClient(headers={"User-Agent": USER_AGENT}, timeout=15, follow_redirects=True) as http:
        try:
            async with anyio.create_task_group() as tg:
                tg.start_soon(feed, send, start_urls)
                for _ in range(CONCURRENCY):
                    tg.start_soon(worker_cancellable, http, receive.clone(), results)
                receive.close()
        # ok: VC101/VC102 -- fetch failures are reported and the group re-raised
        except* FetchError as group:
            for exc in group.exceptions:
                logger.error("fetch failed: %s", exc)
            raise
    return results


async def publish(pages: list[dict]) -> str:
    async with search.client() as http:
        await search.wait_until_healthy_bounded(http)
        await search.reset_index(http)
        task = await search.add_documents_chained(http, [{k: p[k] for k in ("id", "title", "body")} for p in pages])
        status = await search.task_status(http, task)
        if status == "failed":
            raise RuntimeError(f"indexing task {task} failed")
        return task
