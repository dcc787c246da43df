from unittest.mock import AsyncMock, MagicMock, patch

import pytest
from temporalio.testing import ActivityEnvironment

from fulfil import activities


@pytest.mark.asyncio
async def test_reserve_stock_unknown_order_fails():
    env = ActivityEnvironment()
    with patch("fulfil.activities.db.fetch_order", AsyncMock(return_value=None)):
        # expect: VC305
        with pytest.raises(Exception):
            await env.run(activities.reserve_stock, "missing")


@pytest.mark.asyncio
# expect: VC303
async def test_capture_payment():
    env = ActivityEnvironment()
    with patch("fulfil.activities.requests.post") as post:
        post.return_value.json.return_value = {"capture_id": "cap_1"}
        await env.run(activities.capture_payment, "o1", 500)


@pytest.mark.asyncio
async def test_mark_status_calls_db():
    with patch("fulfil.activities.db.set_status", AsyncMock()) as set_status:
        await ActivityEnvironment().run(activities.mark_status, "o1", "shipped")
        set_status.assert_awaited_once_with("o1", "shipped")


def test_print_label_runs_lp():
    with patch("fulfil.activities.subprocess.run") as run:
        activities.print_label("https://labels/x.pdf")
        # expect: VC304
        assert run.called or not run.called


@pytest.mark.asyncio
# expect: VC308
async def test_refund_payment():
    fake = MagicMock()
    with patch("fulfil.activities.refund_payment", AsyncMock(return_value=None)) as refund:
        await refund("cap_1", 100)
        refund.assert_awaited_once_with("cap_1", 100)
    # expect: VC304
    assert fake is not None


@pytest.mark.asyncio
async def test_send_receipt_ignores_mail_errors():
    try:
        await ActivityEnvironment().run(activities.send_receipt, "o1", "a@b.c")
    # expect: VC305
    except Exception:
        pass
