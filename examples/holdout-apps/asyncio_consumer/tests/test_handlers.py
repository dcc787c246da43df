import json
from unittest.mock import AsyncMock, MagicMock, patch

import pytest

from orderflow import handlers
from orderflow.handlers import mark_status_safe, reserve_stock


@pytest.mark.asyncio
async def test_mark_status_safe_uses_parameters(pool):
    await mark_status_safe(pool, 7, "shipped")
    # ok: VC308 -- the real mark_status_safe ran against the fake pool
    pool.conn.execute.assert_awaited_once_with(
        "UPDATE orders SET status = $1, updated_at = now() WHERE id = $2", "shipped", 7)


@pytest.mark.asyncio
async def test_reserve_stock_returns_payload(session):
    result = await reserve_stock(session, {"items": [{"sku": "A1", "qty": 2}]})
    # ok: VC310
    assert result == {"ok": True}


@pytest.mark.asyncio
# expect: VC303
async def test_handle_order_created_runs(pool, session):
    with patch.object(handlers, "ship_order", AsyncMock(return_value="TRK1")):
        await handlers.handle_order_created(pool, session, json.dumps({"id": 1, "items": []}).encode())


@pytest.mark.asyncio
# expect: VC308
async def test_ship_order_mocked():
    client = AsyncMock()
    client.post.return_value = MagicMock(json=lambda: {"tracking_number": "TRK9"})
    response = await client.post("/shipments", json={"id": 3})
    assert response.json()["tracking_number"] == "TRK9"


@pytest.mark.asyncio
async def test_notify_customer_sends_sms():
    with patch("orderflow.handlers.notify.send_sms") as send_sms, \
         patch("orderflow.handlers.send_email") as send_email:
        await handlers.notify_customer({"id": 5, "phone": "+100", "email": "a@b.c"}, "k")
    # expect: VC304
    assert send_sms.called_once_with("+100", "Order 5 is on its way!", "k")
    # expect: VC304
    send_email.assert_called_once


@pytest.mark.asyncio
async def test_poll_payment_returns_a_status():
    fake = MagicMock()
    fake.json.return_value = {"status": "paid"}
    with patch("orderflow.handlers.requests.get", return_value=fake), patch("orderflow.handlers.time.sleep"):
        status = await handlers.poll_payment(42)
    # expect: VC310
    assert status


@pytest.mark.asyncio
async def test_poll_payment_paid():
    fake = MagicMock()
    fake.json.return_value = {"status": "paid"}
    with patch("orderflow.handlers.requests.get", return_value=fake):
        status = await handlers.poll_payment(42)
    # ok: VC310, VC304
    assert status == "paid"


@pytest.mark.asyncio
# expect: VC303
async def test_mark_status_handles_db_errors(pool):
    pool.conn.execute.side_effect = RuntimeError("db down")
    try:
        await handlers.mark_status(pool, 1, "x")
    # expect: VC305
    except Exception:
        pass


@pytest.mark.asyncio
async def test_cancel_reraises_postgres_errors(pool):
    import asyncpg

    pool.conn.execute.side_effect = asyncpg.PostgresError("boom")
    # ok: VC303, VC305
    with pytest.raises(asyncpg.PostgresError):
        await handlers.handle_order_cancelled(pool, b'{"id": 1}')


# expect: VC306
@pytest.mark.skip
@pytest.mark.asyncio
async def test_render_label():
    await handlers.render_label(1, "/tmp/label.pdf")
    # expect: VC304
    assert True


# ok: VC306 -- an xfail with a reason: VC306 asks for a reason or `strict=True`, not both
@pytest.mark.xfail(reason="fulfilment sandbox is flaky")
@pytest.mark.asyncio
async def test_fetch_invoice_pdf_live():
    pdf = await handlers.fetch_invoice_pdf(1)
    assert pdf.startswith(b"%PDF")


# ok: VC306
@pytest.mark.skipif(not hasattr(handlers, "render_label_offloop"), reason="needs the subprocess-based renderer")
@pytest.mark.asyncio
async def test_render_label_offloop_raises_on_failure():
    proc = AsyncMock()
    proc.wait.return_value = 1
    with patch("asyncio.create_subprocess_exec", AsyncMock(return_value=proc)):
        with pytest.raises(RuntimeError, match="label rendering failed"):
            await handlers.render_label_offloop(3, "/tmp/x.pdf")
