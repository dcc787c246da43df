from unittest.mock import AsyncMock, patch

import pytest

from shopbot import handlers


@pytest.mark.asyncio
async def test_order_status_unknown():
    message = AsyncMock()
    command = AsyncMock(args="999")
    with patch.object(handlers.store, "get_order", AsyncMock(return_value=None)):
        await handlers.order_status(message, command)
    message.answer.assert_awaited_once_with("No such order")


@pytest.mark.asyncio
async def test_search_returns_rows():
    message = AsyncMock()
    command = AsyncMock(args="mug")
    with patch.object(handlers.store, "find_products", AsyncMock(return_value=[(1, "Mug", 9.5)])) as fake:
        await handlers.search(message, command)
        result = await fake("mug")
    # expect: VC308
    assert result == [(1, "Mug", 9.5)]


@pytest.mark.asyncio
async def test_refund():
    message = AsyncMock()
    with patch.object(handlers.store, "get_order", AsyncMock(return_value=(1, 2, "Mug", 950, "paid"))):
        with patch("stripe.Refund.create"):
            await handlers.refund(message, AsyncMock(args="1"))
    calls = message.answer.await_args_list
    for call in calls:
        # expect: VC311
        if call.args:
            assert call.args[0] == "Refunded"
