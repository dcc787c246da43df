"""Sitemap discovery with aiohttp."""

from __future__ import annotations

import asyncio
import gzip
import logging
import xml.etree.ElementTree as ET

import aiohttp

log = logging.getLogger(__name__)
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


async def fetch_sitemap(session: aiohttp.ClientSession, url: str) -> list[str]:
    # ok: VC106
    async with session.get(url, timeout=aiohttp.ClientTimeout(total=30)) as resp:
        if resp.status != 200:
            log.info("no sitemap at %s (%s)", url, resp.status)
            return []
        body = await resp.read()
    if url.endswith(".gz"):
        body = gzip.decompress(body)
    root = ET.fromstring(body)
    return [loc.text for loc in root.findall(".//sm:loc", NS) if loc.text]


async def discover(seeds: list[str]) -> list[str]:
    # ok: VC106 -- every request made through it passes its own `timeout=`
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            *(fetch_sitemap(session, s.rstrip("/") + "/sitemap.xml") for s in seeds),
            return_exceptions=True,
        )
    urls: list[str] = []
    for seed, result in zip(seeds, results):
        if isinstance(result, Exception):
            log.warning("sitemap for %s failed: %r", seed, result)
            continue
        urls.extend(result)
    return urls


async def ping_search_engines(session: aiohttp.ClientSession, sitemap_url: str) -> None:
    # expect: VC106
    async with session.get("https://www.google.com/ping", params={"sitemap": sitemap_url}) as resp:
        # expect: VC505
        print("ping status", resp.status)
