"""VC113 corpus: asyncio tasks started and let go fire; tasks kept, awaited or owned by a group do not."""
import asyncio
import signal
import asyncio as aio
from asyncio import create_task, ensure_future

background_tasks = set()


async def fire_and_forget(order):
    # expect: VC113
    asyncio.create_task(send_confirmation(order))


async def aliased_module(order):
    # expect: VC113
    aio.ensure_future(send_confirmation(order))


async def imported_name(order):
    # expect: VC113
    create_task(send_confirmation(order))
    # expect: VC113
    ensure_future(send_confirmation(order))


async def running_loop(order):
    # expect: VC113
    asyncio.get_running_loop().create_task(send_confirmation(order))


async def loop_name(order):
    loop = asyncio.get_event_loop()
    # expect: VC113
    loop.create_task(send_confirmation(order))


class Worker:
    def __init__(self, loop):
        self._loop = loop

    def schedule(self, job):
        # expect: VC113
        self._loop.create_task(self.process(job))

    def schedule_kept(self, job):
        # ok: VC113
        self.current = self._loop.create_task(self.process(job))

    async def process(self, job):
        return job


async def bound_but_never_used(order):
    # expect: VC113
    task = asyncio.create_task(send_confirmation(order))
    return order


async def kept_in_a_set(order):
    # ok: VC113
    task = asyncio.create_task(send_confirmation(order))
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)


async def awaited_later(order):
    # ok: VC113
    task = asyncio.create_task(send_confirmation(order))
    await save(order)
    await task


async def collected(orders):
    # ok: VC113
    tasks = [asyncio.create_task(send_confirmation(o)) for o in orders]
    await asyncio.gather(*tasks)


async def task_group(order):
    async with asyncio.TaskGroup() as tg:
        # ok: VC113 -- the group awaits its tasks and raises their errors
        tg.create_task(send_confirmation(order))


async def returned(order):
    # ok: VC113
    return asyncio.create_task(send_confirmation(order))


class Service:
    def __init__(self):
        self.tasks = []

    async def start(self, order):
        # ok: VC113
        self.tasks.append(asyncio.create_task(send_confirmation(order)))

    async def start_cancellable(self, order):
        # ok: VC113
        self._runner = asyncio.ensure_future(send_confirmation(order))


async def with_callback(order, on_done):
    # ok: VC113 -- the callback receives the task and its outcome
    asyncio.create_task(send_confirmation(order)).add_done_callback(on_done)


def unrelated_create_task(scheduler, job):
    # ok: VC113 -- not an event loop
    scheduler.create_task(job)


async def send_confirmation(order):
    return order


async def save(order):
    return order


async def sync_all(contacts):
    # expect: VC113 -- every failure comes back as a result, and the results are only counted
    results = await asyncio.gather(*(sync(c) for c in contacts), return_exceptions=True)
    return len(results)


async def stop_workers(workers):
    for worker in workers:
        worker.cancel()
    # ok: VC113 -- waits for the cancelled tasks to settle, dropping their errors on purpose
    await asyncio.gather(*workers, return_exceptions=True)


async def notify_all(users):
    # expect: VC113 -- kept, and never read
    results = await asyncio.gather(*(notify(u) for u in users), return_exceptions=True)


async def sync_all_checked(contacts):
    # ok: VC113 -- the results are looked at
    results = await asyncio.gather(*(sync(c) for c in contacts), return_exceptions=True)
    failures = [r for r in results if isinstance(r, Exception)]
    if failures:
        raise failures[0]
    return len(results)


async def sync_all_strict(contacts):
    # ok: VC113 -- the first failure is raised
    await asyncio.gather(*(sync(c) for c in contacts))


async def stop_on_signal(worker):
    loop = asyncio.get_running_loop()
    # expect: VC113 -- the handler's return value, the task, is dropped
    loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.create_task(worker.shutdown()))


def schedule_from_thread(loop, coro):
    # expect: VC113 -- call_soon_threadsafe drops the task create_task returns
    loop.call_soon_threadsafe(asyncio.create_task, coro)


async def stop_on_signal_with_event(stop: asyncio.Event):
    loop = asyncio.get_running_loop()
    # ok: VC113 -- the callback only sets an event that main awaits
    loop.add_signal_handler(signal.SIGTERM, stop.set)


async def stop_on_signal_kept(worker, tasks: set):
    loop = asyncio.get_running_loop()
    # ok: VC113 -- the callback keeps the task it starts
    loop.add_signal_handler(signal.SIGTERM, lambda: tasks.add(asyncio.create_task(worker.shutdown())))


def later(loop, callback):
    # ok: VC113 -- a plain callback, no task
    loop.call_later(5, lambda: callback("late"))
