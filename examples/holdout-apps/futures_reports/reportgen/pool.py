"""Render every customer's monthly report on a worker pool."""

import logging
from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, ThreadPoolExecutor, as_completed, wait
from concurrent import futures

from . import mailer, render, storage
from .config import MAX_WORKERS

logger = logging.getLogger(__name__)


def build_one(customer: dict, rows: list[dict]) -> str:
    html = render.render_html(customer, rows)
    pdf = render.html_to_pdf_checked(html)
    key = f"{customer['period']}/{customer['id']}.pdf"
    url = storage.upload_or_raise(pdf, key)
    storage.discard(html)
    return url


def build_all_fire_and_forget(jobs: list[tuple[dict, list[dict]]]) -> int:
    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        for customer, rows in jobs:
            # expect: VC113 -- the future is dropped: a failed report raises nowhere
            pool.submit(build_one, customer, rows)
    return len(jobs)


def build_all_logged(jobs: list[tuple[dict, list[dict]]]) -> int:
    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        pending = {pool.submit(build_one, c, r): c["id"] for c, r in jobs}
        for fut in as_completed(pending):
            try:
                fut.result()
            # expect: VC101/VC102 -- logged and dropped: the run still reports every report as built
            except Exception:
                logger.exception("report for %s failed", pending[fut])
    return len(jobs)


def build_all_checked(jobs: list[tuple[dict, list[dict]]]) -> list[str]:
    urls, failed = [], []
    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        pending = {pool.submit(build_one, c, r): c["id"] for c, r in jobs}
        for fut in as_completed(pending):
            try:
                urls.append(fut.result())
            # ok: VC101/VC102 -- failures collected and raised after the loop
            except Exception as exc:
                logger.error("report for %s failed: %s", pending[fut], exc)
                failed.append(pending[fut])
    if failed:
        raise RuntimeError(f"{len(failed)} reports failed: {', '.join(failed)}")
    return urls


def build_all_map(jobs: list[tuple[dict, list[dict]]]) -> None:
    with futures.ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        # expect: VC113 -- map's iterator is never consumed, so its exceptions are never raised
        pool.map(lambda job: build_one(*job), jobs)


def build_all_map_consumed(jobs: list[tuple[dict, list[dict]]]) -> list[str]:
    with futures.ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        # ok: VC113 -- the results are read, so the first failure is raised here
        return list(pool.map(lambda job: build_one(*job), jobs))


def compress_all(pdfs: list) -> None:
    pool = ProcessPoolExecutor(max_workers=2)
    # expect: VC113 -- futures kept in a list that nobody reads; shutdown(wait=False) drops them
    fs = [pool.submit(render.compress_checked, pdf) for pdf in pdfs]
    logger.info("queued %d compressions", len(fs))
    pool.shutdown(wait=False)


def compress_all_waited(pdfs: list) -> None:
    with ProcessPoolExecutor(max_workers=2) as pool:
        # ok: VC113 -- waited on, and the first failure re-raised
        fs = [pool.submit(render.compress_checked, pdf) for pdf in pdfs]
        done, _ = wait(fs, return_when=FIRST_EXCEPTION)
        for fut in done:
            fut.result()


def _log_failure(fut) -> None:
    if fut.exception() is not None:
        logger.error("notification failed", exc_info=fut.exception())


def notify_all(managers: list[str], period: str, pool: ThreadPoolExecutor) -> None:
    for manager in managers:
        fut = pool.submit(mailer.send, manager, f"Reports for {period}", "Ready.")
        # ok: VC113 -- a done-callback reads the exception
        fut.add_done_callback(_log_failure)
