import asyncio
import logging

import aiohttp

from .config import SUPPLIER_URL

logger = logging.getLogger(__name__)
TIMEOUT = aiohttp.ClientTimeout(total=15)


async def fetch_stock(session: aiohttp.ClientSession, sku: str) -> dict:
    # expect: VC109
    while True:
        try:
            async with session.get(f"{SUPPLIER_URL}/stock/{sku}", timeout=TIMEOUT) as resp:
                resp.raise_for_status()
                return await resp.json()
        except aiohttp.ClientError:
            logger.warning("supplier unavailable, retrying %s", sku)
            await asyncio.sleep(2)


async def fetch_price(session: aiohttp.ClientSession, sku: str) -> dict:
    # ok: VC109
    for attempt in range(4):
        try:
            async with session.get(f"{SUPPLIER_URL}/price/{sku}", timeout=TIMEOUT) as resp:
                resp.raise_for_status()
                return await resp.json()
        except aiohttp.ClientError:
            await asyncio.sleep(2**attempt)
    raise RuntimeError(f"supplier price for {sku} unavailable after 4 attempts")


async def fetch_catalogue(session: aiohttp.ClientSession) -> list:
    # expect: VC404
    async with session.get(f"{SUPPLIER_URL}/catalogue", ssl=False, timeout=TIMEOUT) as resp:
        resp.raise_for_status()
        return await resp.json()
