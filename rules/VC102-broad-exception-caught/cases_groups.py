"""VC102 corpus: failures of a group of jobs (an `except*` of a task group, a loop) dropped or raised together."""
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


def render_all(jobs, render):
    failed = []
    for job in jobs:
        try:
            render(job)
        # ok: VC102 -- recorded, then raised together after the loop
        except Exception as exc:
            logger.error("job %s failed: %s", job, exc)
            failed.append(job)
    if failed:
        raise RuntimeError(f"{len(failed)} jobs failed")


def render_all_counted(jobs, render):
    failed = []
    for job in jobs:
        try:
            render(job)
        # expect: VC102 -- recorded, but only counted in a log line
        except Exception as exc:
            logger.error("job %s failed: %s", job, exc)
            failed.append(job)
    logger.info("%d of %d jobs failed", len(failed), len(jobs))
