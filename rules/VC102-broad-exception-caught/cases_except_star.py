"""VC102 corpus: an `except*` handler that counts the failures of a task group and goes on."""
import logging

import anyio

logger = logging.getLogger(__name__)


async def crawl(jobs):
    try:
        async with anyio.create_task_group() as tg:
            for job in jobs:
                tg.start_soon(job)
    # expect: VC102
    except* Exception as group:
        logger.error("%d jobs failed", len(group.exceptions))


async def crawl_logged(jobs):
    try:
        async with anyio.create_task_group() as tg:
            for job in jobs:
                tg.start_soon(job)
    # ok: VC102 -- each failure's traceback is logged
    except* Exception as group:
        for exc in group.exceptions:
            logger.error("job failed", exc_info=exc)
