"""VC113 corpus: executor futures, `map` results, threads and gathers of new work let go fire; kept ones do not."""
import asyncio
import logging
import threading
from concurrent import futures
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed, wait
from threading import Thread


def render(job):
    return job


def submit_and_drop(jobs):
    with ThreadPoolExecutor(max_workers=4) as pool:
        for job in jobs:
            # expect: VC113 -- the future is thrown away
            pool.submit(render, job)


def submit_and_read(jobs):
    with ThreadPoolExecutor(max_workers=4) as pool:
        # ok: VC113 -- every future's result is read
        pending = [pool.submit(render, job) for job in jobs]
        return [f.result() for f in as_completed(pending)]


def map_and_drop(jobs):
    with futures.ThreadPoolExecutor() as pool:
        # expect: VC113 -- the results, and the first failure, are never read
        pool.map(render, jobs)


def map_and_read(jobs):
    with futures.ThreadPoolExecutor() as pool:
        # ok: VC113
        return list(pool.map(render, jobs))


def counted_only(jobs):
    executor = ProcessPoolExecutor()
    # expect: VC113 -- only counted
    submitted = [executor.submit(render, job) for job in jobs]
    executor.shutdown(wait=False)
    return len(submitted)


def waited(jobs):
    executor = ProcessPoolExecutor()
    # ok: VC113
    submitted = [executor.submit(render, job) for job in jobs]
    done, _ = wait(submitted)
    return [f.result() for f in done]


def bound_never_used(job):
    pool = ThreadPoolExecutor()
    # expect: VC113
    future = pool.submit(render, job)
    return job


def with_callback(job, on_done):
    pool = ThreadPoolExecutor()
    # ok: VC113 -- the callback receives the future and its outcome
    pool.submit(render, job).add_done_callback(on_done)


class Uploader:
    def __init__(self):
        self.executor = ThreadPoolExecutor(max_workers=2)
        self.pending = []

    def upload_later(self, path):
        # expect: VC113
        self.executor.submit(render, path)

    def upload_tracked(self, path):
        # ok: VC113 -- kept for a later wait
        self.pending.append(self.executor.submit(render, path))


def unrelated_submit(form):
    # ok: VC113 -- not an executor
    form.submit()


def fire_thread(job):
    # expect: VC113
    threading.Thread(target=render, args=(job,), daemon=True).start()


def started_only(job):
    # expect: VC113 -- only started and configured
    worker = Thread(target=render, args=(job,))
    worker.daemon = True
    worker.start()


def timer_only(job):
    # expect: VC113
    threading.Timer(5.0, render, args=(job,)).start()


def joined(jobs):
    threads = []
    for job in jobs:
        # ok: VC113 -- joined below
        t = threading.Thread(target=render, args=(job,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()


def joined_local(job):
    # ok: VC113
    t = Thread(target=render, args=(job,))
    t.start()
    t.join(timeout=30)


class Flusher:
    def start(self):
        # ok: VC113 -- kept on the object, which can join it or check it is alive
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()

    def run(self):
        return None


async def post(url):
    return url


async def fan_out(urls):
    # expect: VC113 -- the gather starts the work and drops every failure
    await asyncio.gather(*(post(u) for u in urls), return_exceptions=True)


async def fan_out_two(first, second):
    # expect: VC113
    await asyncio.gather(post(first), post(second), return_exceptions=True)


async def settle(tasks):
    for task in tasks:
        task.cancel()
    # ok: VC113 -- tasks already running, settled on purpose
    await asyncio.gather(*tasks, return_exceptions=True)


async def offload(job):
    loop = asyncio.get_running_loop()
    # expect: VC113 -- the executor's future is never awaited
    loop.run_in_executor(None, render, job)


async def offload_awaited(job):
    loop = asyncio.get_running_loop()
    # ok: VC113
    return await loop.run_in_executor(None, render, job)


def start_watchdog(parent_alive):
    def watch():
        while parent_alive():
            pass

    # ok: VC113 -- a watchdog, let go on purpose for the life of the process
    threading.Thread(target=watch, daemon=True).start()


def serve_in_background(server):
    # ok: VC113 -- a server thread, for the life of the process
    threading.Thread(target=server.serve_forever, daemon=True).start()


def _send_safely(job):
    """Sends one report; a failure is logged here, so nothing waits for the outcome."""
    try:
        render(job)
    except Exception:
        logging.getLogger(__name__).exception("sending %s failed", job)


def _send_then_fail(job):
    try:
        render(job)
    except Exception:
        logging.getLogger(__name__).exception("sending %s failed", job)
        raise


def _send_some(job):
    try:
        render(job)
    except ValueError:
        return None


def fire_and_forget_reports(jobs, pool):
    for job in jobs:
        # ok: VC113 -- the work catches and logs every failure itself
        pool.submit(_send_safely, job)
        # expect: VC113 -- the handler raises again: the failure waits in the dropped future
        pool.submit(_send_then_fail, job)
        # expect: VC113 -- only one kind of failure is caught
        pool.submit(_send_some, job)
    # ok: VC113 -- a thread whose target catches every failure
    threading.Thread(target=_send_safely, args=(jobs[0],), daemon=True).start()


class Mailer:
    def __init__(self):
        self.executor = ThreadPoolExecutor(max_workers=2)

    def _deliver(self, message):
        while True:
            try:
                return render(message)
            except Exception as exc:
                logging.getLogger(__name__).warning("delivery failed: %s", exc)

    def send(self, message):
        # ok: VC113 -- a method of the class that catches every failure, inside its retry loop
        self.executor.submit(self._deliver, message)
        # expect: VC113 -- an outside function, which vibecheck cannot see into
        self.executor.submit(render, message)
