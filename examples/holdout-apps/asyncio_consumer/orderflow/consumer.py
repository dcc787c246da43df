"""RabbitMQ consumer: one queue per event type, handlers run concurrently."""

import asyncio
import logging
import pickle
from asyncio import create_task, ensure_future

import aio_pika
import aiohttp
import asyncpg

from .handlers import handle_order_cancelled, handle_order_created, notify_customer
from .settings import AMQP_URL, DATABASE_URL, PREFETCH

logger = logging.getLogger(__name__)


async def publish_event(channel: aio_pika.abc.AbstractChannel, routing_key: str, body: bytes,
                        delay: float = 1.0) -> None:
    try:
        await channel.default_exchange.publish(aio_pika.Message(body=body), routing_key=routing_key)
    except aio_pika.exceptions.AMQPError:
        logger.warning("publish to %s failed, retrying in %.0fs", routing_key, delay)
        await asyncio.sleep(delay)
        # expect: VC109
        await publish_event(channel, routing_key, body, min(delay * 2, 30))


async def publish_event_bounded(channel: aio_pika.abc.AbstractChannel, routing_key: str, body: bytes,
                                attempts: int = 5) -> None:
    try:
        await channel.default_exchange.publish(aio_pika.Message(body=body), routing_key=routing_key)
    except aio_pika.exceptions.AMQPError:
        if attempts <= 1:
            raise
        await asyncio.sleep(1)
        # ok: VC109
        await publish_event_bounded(channel, routing_key, body, attempts - 1)


class OrderConsumer:
    def __init__(self, sms_key: str) -> None:
        self.sms_key = sms_key
        self.pool: asyncpg.Pool | None = None
        self.session: aiohttp.ClientSession | None = None
        self.connection: aio_pika.abc.AbstractRobustConnection | None = None
        self._inflight: set[asyncio.Task] = set()

    async def connect(self) -> None:
        delay = 1
        # expect: VC109
        while True:
            try:
                self.connection = await aio_pika.connect_robust(AMQP_URL)
                break
            except (ConnectionError, aio_pika.exceptions.AMQPConnectionError) as exc:
                logger.warning("broker not ready (%s), retrying in %ss", exc, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30)
        self.pool = await asyncpg.create_pool(DATABASE_URL, min_size=2, max_size=10)
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))

    async def on_created(self, message: aio_pika.abc.AbstractIncomingMessage) -> None:
        async with message.process(requeue=True):
            await handle_order_created(self.pool, self.session, message.body)
            # expect: VC113, VC406
            asyncio.create_task(notify_customer(pickle.loads(message.headers["order"]), self.sms_key))

    async def on_cancelled(self, message: aio_pika.abc.AbstractIncomingMessage) -> None:
        async with message.process():
            # expect: VC113
            ensure_future(handle_order_cancelled(self.pool, message.body))

    async def on_legacy(self, message: aio_pika.abc.AbstractIncomingMessage) -> None:
        # expect: VC406
        payload = pickle.loads(message.body)
        loop = asyncio.get_running_loop()
        # expect: VC113
        loop.create_task(handle_order_created(self.pool, self.session, payload["body"]))
        await message.ack()

    async def on_refund(self, message: aio_pika.abc.AbstractIncomingMessage) -> None:
        # ok: VC113
        task = create_task(handle_order_cancelled(self.pool, message.body))
        self._inflight.add(task)
        task.add_done_callback(self._inflight.discard)
        await message.ack()

    async def on_batch(self, message: aio_pika.abc.AbstractIncomingMessage) -> None:
        bodies = message.body.split(b"\n")
        async with asyncio.TaskGroup() as tg:
            for body in bodies:
                # ok: VC113
                tg.create_task(handle_order_created(self.pool, self.session, body))
        await message.ack()

    async def run(self) -> None:
        await self.connect()
        channel = await self.connection.channel()
        await channel.set_qos(prefetch_count=PREFETCH)
        handlers = {"orders.created": self.on_created, "orders.cancelled": self.on_cancelled,
                    "orders.legacy": self.on_legacy, "orders.refund": self.on_refund, "orders.batch": self.on_batch}
        for queue_name, handler in handlers.items():
            queue = await channel.declare_queue(queue_name, durable=True)
            await queue.consume(handler)
        await asyncio.Future()

    async def drain(self) -> None:
        results = await asyncio.gather(*self._inflight, return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                logger.error("in-flight handler failed during shutdown", exc_info=result)

    async def close(self) -> None:
        try:
            await self.drain()
            await self.session.close()
            await self.pool.close()
            await self.connection.close()
        # expect: VC101
        except BaseException:
            pass
