import asyncio
import logging
import os
import signal

from .consumer import OrderConsumer

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger("orderflow")


async def heartbeat(interval: float = 30.0) -> None:
    while True:
        try:
            logger.debug("worker alive")
            await asyncio.sleep(interval)
        # expect: VC101
        except Exception:
            continue


async def main() -> None:
    sms_key = os.environ["SMS_API_KEY"]
    # expect: VC407
    logger.info(f"starting orderflow worker (sms key {sms_key})")
    consumer = OrderConsumer(sms_key)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    # expect: VC113
    asyncio.create_task(heartbeat())
    runner = asyncio.create_task(consumer.run())
    await stop.wait()
    runner.cancel()
    await consumer.close()


if __name__ == "__main__":
    asyncio.run(main())
