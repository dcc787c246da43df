import asyncio
import json
import unittest
from unittest import mock
from unittest.mock import AsyncMock, MagicMock

import pytest

from orderflow.consumer import OrderConsumer, publish_event_bounded
from orderflow.main import heartbeat


def make_message(body: dict) -> MagicMock:
    message = MagicMock()
    message.body = json.dumps(body).encode()
    message.ack = AsyncMock()
    return message


def check_acked(message: MagicMock) -> None:
    message.ack.assert_awaited_once()


@pytest.mark.asyncio
# ok: VC303 -- the helper asserts
async def test_on_refund_acks_and_tracks_task():
    consumer = OrderConsumer("key")
    consumer.pool = MagicMock()
    with mock.patch("orderflow.consumer.handle_order_cancelled", AsyncMock()):
        message = make_message({"id": 1})
        await consumer.on_refund(message)
        await asyncio.sleep(0)
    check_acked(message)


@pytest.mark.asyncio
async def test_publish_bounded_gives_up():
    import aio_pika

    channel = MagicMock()
    channel.default_exchange.publish = AsyncMock(side_effect=aio_pika.exceptions.AMQPError("down"))
    with mock.patch("orderflow.consumer.asyncio.sleep", AsyncMock()):
        try:
            await publish_event_bounded(channel, "orders.created", b"{}", attempts=2)
        # ok: VC305
        except aio_pika.exceptions.AMQPError:
            pass
        else:
            pytest.fail("publish_event_bounded should re-raise after its last attempt")
    assert channel.default_exchange.publish.await_count == 2


@pytest.mark.asyncio
async def test_on_batch_runs_each_line():
    consumer = OrderConsumer("key")
    handled = []
    with mock.patch("orderflow.consumer.handle_order_created",
                    AsyncMock(side_effect=lambda pool, session, body: handled.append(body))):
        message = make_message({})
        message.body = b'{"id": 1}\n{"id": 2}'
        await consumer.on_batch(message)
    # expect: VC311
    for body in handled:
        assert body.startswith(b"{")


@pytest.mark.asyncio
async def test_drain_collects_results():
    consumer = OrderConsumer("key")

    async def boom():
        raise ValueError("x")

    consumer._inflight = {asyncio.ensure_future(boom())}
    result = await consumer.drain()
    # expect: VC311
    if result is not None:
        assert isinstance(result, list)


@pytest.mark.asyncio
async def test_heartbeat_is_cancellable():
    task = asyncio.create_task(heartbeat(0.01))
    await asyncio.sleep(0.05)
    task.cancel()
    try:
        await task
    # ok: VC305
    except asyncio.CancelledError:
        pass
    assert task.cancelled()


@pytest.mark.asyncio
async def test_connect_retries_until_broker_is_up():
    consumer = OrderConsumer("key")
    with mock.patch("orderflow.consumer.aio_pika.connect_robust",
                    AsyncMock(side_effect=[ConnectionError(), MagicMock()])) as connect, \
            mock.patch("orderflow.consumer.asyncpg.create_pool", AsyncMock()), \
            mock.patch("orderflow.consumer.asyncio.sleep", AsyncMock()):
        try:
            await consumer.connect()
        # expect: VC305
        except Exception as exc:
            print(f"connect failed: {exc}")
    # ok: VC308
    assert connect.await_count == 2


class ConsumerCloseTest(unittest.IsolatedAsyncioTestCase):
    async def test_close_swallows_errors(self):
        consumer = OrderConsumer("key")
        consumer.session = AsyncMock()
        consumer.pool = AsyncMock()
        consumer.connection = AsyncMock()
        consumer.connection.close.side_effect = RuntimeError("already closed")
        result = await consumer.close()
        self.assertIsNone(result)

    async def test_close_closes_session(self):
        consumer = OrderConsumer("key")
        consumer.session, consumer.pool, consumer.connection = AsyncMock(), AsyncMock(), AsyncMock()
        await consumer.close()
        # ok: VC308
        consumer.session.close.assert_awaited_once()

    # expect: VC306
    @unittest.skip("")
    async def test_run_consumes_all_queues(self):
        consumer = OrderConsumer("key")
        consumer.connect = AsyncMock()
        consumer.connection = AsyncMock()
        # expect: VC304
        self.assertTrue(True)

    # ok: VC303 -- its only check is a mock assertion never made, which VC304 reports on its line
    async def test_on_cancelled(self):
        consumer = OrderConsumer("key")
        consumer.pool = MagicMock()
        message = make_message({"id": 9})
        message.process = MagicMock()
        with mock.patch("orderflow.consumer.handle_order_cancelled", AsyncMock()) as handler:
            await consumer.on_cancelled(message)
            # expect: VC304
            handler.assert_called
