"""Runs the fulfilment worker."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

from temporalio.client import Client
from temporalio.worker import Worker

from . import activities as acts
from .settings import settings
from .workflows import FulfilOrder, RefundOrder


async def main() -> None:
    client = await Client.connect(settings.temporal_host)
    worker = Worker(
        client,
        task_queue=settings.task_queue,
        workflows=[FulfilOrder, RefundOrder],
        activities=[
            acts.reserve_stock,
            acts.capture_payment,
            acts.create_label,
            acts.print_label,
            acts.archive_label,
            acts.notify_warehouse,
            acts.mark_status,
            acts.send_receipt,
            acts.refund_payment,
        ],
        activity_executor=ThreadPoolExecutor(max_workers=8),
    )
    # ok: VC505 -- re-marked: a start-up line in the worker's main() is its output, not a debug leftover
    print("worker started on", settings.task_queue, settings.temporal_host)
    await worker.run()


if __name__ == "__main__":
    asyncio.run(main())
