"""aiokafka consumer: fan enriched events out to the customers' webhooks."""

import asyncio
import logging
import time

import aiohttp
import httpx
from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaConnectionError

from .enrich import geo_for
from .settings import KAFKA_BOOTSTRAP, KAFKA_GROUP, TOPIC_EVENTS, WEBHOOK_TIMEOUT

logger = logging.getLogger(__name__)


async def post_webhook(session: aiohttp.ClientSession, url: str, event: dict) -> int:
    async with session.post(url, json=event) as resp:
        # expect: VC107 -- a 4xx/5xx answer counts as delivered
        body = await resp.json()
        return body.get("received", 0)


async def post_webhook_checked(session: aiohttp.ClientSession, url: str, event: dict) -> int:
    async with session.post(url, json=event, raise_for_status=True) as resp:
        # ok: VC107 -- raise_for_status on the request
        body = await resp.json()
        return body.get("received", 0)


async def post_webhook_status(session: aiohttp.ClientSession, url: str, event: dict) -> None:
    # ok: VC107 -- the status is read
    async with session.post(url, json=event) as resp:
        if resp.status >= 400:
            raise RuntimeError(f"{url} answered {resp.status}")


async def fan_out(session: aiohttp.ClientSession, urls: list[str], event: dict) -> None:
    # expect: VC101/VC113 -- return_exceptions=True and the results are never looked at
    await asyncio.gather(*(post_webhook(session, url, event) for url in urls), return_exceptions=True)


async def fan_out_checked(session: aiohttp.ClientSession, urls: list[str], event: dict) -> list[str]:
    # ok: VC101/VC113 -- each result is inspected and failures returned for a retry
    results = await asyncio.gather(*(post_webhook_checked(session, u, event) for u in urls), return_exceptions=True)
    failed = []
    for url, result in zip(urls, results):
        if isinstance(result, BaseException):
            logger.warning("webhook %s failed: %r", url, result)
            failed.append(url)
    return failed


async def fan_out_counted(session: aiohttp.ClientSession, urls: list[str], event: dict) -> int:
    # expect: VC101/VC113 -- exceptions are summed as if they were deliveries
    results = await asyncio.gather(*(post_webhook(session, u, event) for u in urls), return_exceptions=True)
    return len(results)


async def lookup_owner(client: httpx.AsyncClient, site_id: str) -> dict:
    resp = await client.get(f"/sites/{site_id}/owner")
    # expect: VC107 -- httpx does not raise on 404: the error body becomes the owner
    return resp.json()


async def lookup_owner_checked(client: httpx.AsyncClient, site_id: str) -> dict:
    resp = await client.get(f"/sites/{site_id}/owner")
    resp.raise_for_status()
    # ok: VC107 -- raise_for_status
    return resp.json()


async def throttle(delivered: int) -> None:
    if delivered > 500:
        # expect: VC110 -- time.sleep stalls the event loop and every other partition
        time.sleep(0.5)


async def throttle_async(delivered: int) -> None:
    if delivered > 500:
        # ok: VC110
        await asyncio.sleep(0.5)


async def handle(session: aiohttp.ClientSession, event: dict, urls: list[str]) -> None:
    # expect: VC112 -- geo_for blocks on requests in the enrich module
    event["geo"] = geo_for(event["ip"])
    await fan_out(session, urls, event)


async def handle_offloaded(session: aiohttp.ClientSession, event: dict, urls: list[str]) -> None:
    # ok: VC110/VC112 -- run in a worker thread
    event["geo"] = await asyncio.to_thread(geo_for, event["ip"])
    await fan_out_checked(session, urls, event)


async def start_consumer() -> AIOKafkaConsumer:
    consumer = AIOKafkaConsumer(TOPIC_EVENTS + ".enriched", bootstrap_servers=KAFKA_BOOTSTRAP, group_id=KAFKA_GROUP)
    # expect: VC109 -- reconnect loop without a pause or a limit
    while True:
        try:
            await consumer.start()
            return consumer
        except KafkaConnectionError:
            logger.warning("kafka unavailable, retrying")


async def start_consumer_bounded(attempts: int = 6) -> AIOKafkaConsumer:
    consumer = AIOKafkaConsumer(TOPIC_EVENTS + ".enriched", bootstrap_servers=KAFKA_BOOTSTRAP, group_id=KAFKA_GROUP)
    # ok: VC109 -- bounded, with a pause that grows
    for attempt in range(attempts):
        try:
            await consumer.start()
            return consumer
        except KafkaConnectionError:
            await asyncio.sleep(2 ** attempt)
    raise RuntimeError("kafka unavailable")


async def main(webhooks: dict[str, list[str]]) -> None:
    consumer = await start_consumer()
    delivered = 0
    timeout = aiohttp.ClientTimeout(total=WEBHOOK_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        try:
            async for msg in consumer:
                event = msg.value if isinstance(msg.value, dict) else {}
                urls = webhooks.get(event.get("site_id"), [])
                try:
                    await handle(session, event, urls)
                # expect: VC101/VC102 -- every handler failure is skipped silently
                except Exception:
                    continue
                delivered += len(urls)
                await throttle(delivered)
        finally:
            await consumer.stop()
