"""Breadth-first crawler with an asyncio queue and worker tasks."""

from __future__ import annotations

import asyncio
import logging
import signal
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlparse

import httpx
from bs4 import BeautifulSoup

from .fetch import RateLimiter, RobotsCache, fetch_once, make_client
from .storage import PageStore

log = logging.getLogger(__name__)


@dataclass
class CrawlStats:
    fetched: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


def extract_links(base: str, html: str) -> tuple[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.string.strip() if soup.title and soup.title.string else ""
    links = []
    for a in soup.find_all("a", href=True):
        link, _ = urldefrag(urljoin(base, a["href"]))
        if link.startswith(("http://", "https://")):
            links.append(link)
    return title, links


class Crawler:
    def __init__(self, seeds: list[str], store: PageStore, max_pages: int = 500, concurrency: int = 8,
                 delay: float = 1.0, same_host: bool = True) -> None:
        self.seeds = seeds
        self.store = store
        self.max_pages = max_pages
        self.concurrency = concurrency
        self.same_host = same_host
        self.hosts = {urlparse(s).netloc for s in seeds}
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        self.seen: set[str] = set()
        self.stats = CrawlStats()
        self.robots = RobotsCache()
        self.limiter = RateLimiter(delay)
        self._workers: list[asyncio.Task] = []
        self._background: set[asyncio.Task] = set()
        self.client: httpx.AsyncClient | None = None

    async def _process(self, url: str) -> None:
        assert self.client is not None
        if not await self.robots.allowed_async(self.client, url):
            self.stats.skipped += 1
            return
        await self.limiter.wait_async(url)
        resp = await fetch_once(self.client, url)
        title, links = extract_links(str(resp.url), resp.text)
        await self.store.save(url, resp.status_code, title, links)
        self.stats.fetched += 1
        for link in links:
            if self.same_host and urlparse(link).netloc not in self.hosts:
                continue
            if link not in self.seen and len(self.seen) < self.max_pages:
                self.seen.add(link)
                await self.queue.put(link)

    async def worker(self, n: int) -> None:
        while True:
            url = await self.queue.get()
            try:
                await self._process(url)
            except httpx.HTTPError as exc:
                self.stats.failed += 1
                self.stats.errors.append(f"{url}: {exc}")
            # expect: VC101/VC102
            except Exception:
                pass
            finally:
                self.queue.task_done()

    async def _report_progress(self) -> None:
        while True:
            await asyncio.sleep(10)
            log.info("progress: %s queued=%d", self.stats, self.queue.qsize())

    def _on_sigint(self) -> None:
        log.warning("interrupted, flushing store")
        # expect: VC113
        asyncio.ensure_future(self.store.close())

    async def run(self) -> CrawlStats:
        await self.store.open()
        self.client = make_client()
        for seed in self.seeds:
            self.seen.add(seed)
            self.queue.put_nowait(seed)
        asyncio.get_running_loop().add_signal_handler(signal.SIGINT, self._on_sigint)
        # expect: VC113
        asyncio.create_task(self._report_progress())
        # ok: VC113
        self._workers = [asyncio.create_task(self.worker(i)) for i in range(self.concurrency)]
        await self.queue.join()
        for w in self._workers:
            w.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        await self.client.aclose()
        await self.store.close()
        return self.stats

    def schedule_recrawl(self, url: str, after: float) -> None:
        async def later() -> None:
            await asyncio.sleep(after)
            await self.queue.put(url)

        # ok: VC113
        task = asyncio.create_task(later())
        self._background.add(task)
        task.add_done_callback(self._background.discard)
