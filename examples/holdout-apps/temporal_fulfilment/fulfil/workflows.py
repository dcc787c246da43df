"""The order fulfilment workflow and its refund saga."""

from __future__ import annotations

from datetime import timedelta

from temporalio import workflow
from temporalio.common import RetryPolicy

with workflow.unsafe.imports_passed_through():
    from . import activities as acts

RETRY = RetryPolicy(maximum_attempts=5, initial_interval=timedelta(seconds=2))


@workflow.defn
class FulfilOrder:
    def __init__(self) -> None:
        self.cancelled = False

    @workflow.signal
    def cancel(self) -> None:
        self.cancelled = True

    @workflow.run
    async def run(self, order_id: str, amount_cents: int, email: str) -> str:
        await workflow.execute_activity(
            acts.reserve_stock, order_id, start_to_close_timeout=timedelta(seconds=30), retry_policy=RETRY
        )
        capture_id = await workflow.execute_activity(
            acts.capture_payment,
            args=[order_id, amount_cents],
            start_to_close_timeout=timedelta(seconds=30),
            retry_policy=RETRY,
        )
        if self.cancelled:
            await workflow.execute_activity(
                acts.refund_payment, args=[capture_id, amount_cents], start_to_close_timeout=timedelta(seconds=30)
            )
            return "cancelled"
        pdf_url = await workflow.execute_activity(
            acts.create_label, order_id, start_to_close_timeout=timedelta(minutes=2), retry_policy=RETRY
        )
        await workflow.execute_activity(
            acts.print_label, args=[pdf_url, 1], start_to_close_timeout=timedelta(minutes=1)
        )
        await workflow.execute_activity(
            acts.mark_status, args=[order_id, "shipped"], start_to_close_timeout=timedelta(seconds=10)
        )
        await workflow.execute_activity(
            acts.send_receipt, args=[order_id, email], start_to_close_timeout=timedelta(seconds=30)
        )
        return "shipped"


@workflow.defn
class RefundOrder:
    @workflow.run
    async def run(self, capture_id: str, amount_cents: int) -> None:
        await workflow.execute_activity(
            acts.refund_payment,
            args=[capture_id, amount_cents],
            start_to_close_timeout=timedelta(seconds=30),
            retry_policy=RETRY,
        )
