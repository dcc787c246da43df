"""VC101 corpus: an `except*` handler of a task group swallows the whole exception group as `except` would."""
import anyio


async def run_all(jobs):
    try:
        async with anyio.create_task_group() as tg:
            for job in jobs:
                tg.start_soon(job)
    # expect: VC101
    except* Exception:
        pass


async def run_all_checked(jobs):
    try:
        async with anyio.create_task_group() as tg:
            for job in jobs:
                tg.start_soon(job)
    # ok: VC101 -- narrow, and re-raised
    except* OSError:
        raise
