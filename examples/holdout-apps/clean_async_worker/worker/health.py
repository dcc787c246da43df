"""A tiny TCP health endpoint for the orchestrator: answers `ok` while Redis answers a ping in time."""

import asyncio
import logging

import redis.asyncio as redis

logger = logging.getLogger(__name__)
PING_TIMEOUT = 2.0


async def _handle(store: redis.Redis, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        await asyncio.wait_for(reader.readline(), timeout=PING_TIMEOUT)
        healthy = await asyncio.wait_for(store.ping(), timeout=PING_TIMEOUT)
        writer.write(b"ok\n" if healthy else b"degraded\n")
    except (TimeoutError, redis.RedisError):
        logger.warning("health check failed", exc_info=True)
        writer.write(b"degraded\n")
    finally:
        await writer.drain()
        writer.close()
        await writer.wait_closed()


async def serve_health(store: redis.Redis, port: int, stopping: asyncio.Event) -> None:
    server = await asyncio.start_server(lambda r, w: _handle(store, r, w), host="127.0.0.1", port=port)
    async with server:
        await stopping.wait()


async def gather_reports(checks: dict[str, asyncio.Future]) -> dict[str, bool]:
    """Run several checks; one failing check is reported as such, never hides the others."""
    results = await asyncio.gather(*checks.values(), return_exceptions=True)
    report = {}
    for name, result in zip(checks, results, strict=True):
        if isinstance(result, BaseException):
            logger.warning("check %s failed", name, exc_info=result)
            report[name] = False
        else:
            report[name] = bool(result)
    return report
