"""VC101 corpus: a handler of a cloud or API SDK's base error that does nothing swallows every failure of the service."""
import logging

from botocore.exceptions import ClientError
from docker.errors import APIError, NotFound
from google.api_core import exceptions as gexc
from kubernetes import client
from kubernetes.client.rest import ApiException

log = logging.getLogger(__name__)


def delete_job(name, namespace):
    try:
        client.BatchV1Api().delete_namespaced_job(name, namespace)
    # expect: VC101 -- a refused permission or a failing API server reads as "already gone"
    except ApiException:
        pass


def bucket_sizes(cw, names):
    sizes = {}
    for name in names:
        try:
            sizes[name] = cw.get_metric_statistics(Namespace="AWS/S3", MetricName=name)
        # expect: VC101
        except ClientError:
            continue
    return sizes


def stop_container(docker_client, container_id):
    try:
        docker_client.containers.get(container_id).remove(force=True)
    # expect: VC101 -- the daemon may refuse, and the container runs on
    except (APIError, NotFound):
        pass


def drop_blob(bucket, name):
    try:
        bucket.blob(name).delete()
    # expect: VC101
    except gexc.GoogleAPIError:
        pass


def delete_pod_if_present(core, name, namespace):
    try:
        core.delete_namespaced_pod(name, namespace)
    # ok: VC101 -- the status says which failure is ignored
    except ApiException as exc:
        if exc.status != 404:
            raise


def stop_if_running(docker_client, container_id):
    try:
        docker_client.containers.get(container_id).remove(force=True)
    # ok: VC101 -- the SDK's own "no such container"
    except NotFound:
        pass


def upload_logged(s3, path, bucket, key):
    try:
        s3.upload_file(path, bucket, key)
    # ok: VC101 -- logged: the failure is told
    except ClientError:
        log.warning("upload of %s failed", key)


def head_or_none(s3, bucket, key):
    try:
        return s3.head_object(Bucket=bucket, Key=key)
    # ok: VC101 -- an answer, not a handler that does nothing: VC103 judges a value made up for a failure
    except ClientError:
        return None


def mark_sent(conn, reminder_id):
    import sqlite3

    try:
        conn.execute("UPDATE reminders SET sent = 1 WHERE id = ?", (reminder_id,))
    # expect: VC101 -- a locked or read-only database reads as done
    except sqlite3.Error:
        pass


def send_confirmation(server, message):
    import smtplib

    try:
        server.send_message(message)
    # expect: VC101
    except smtplib.SMTPException:
        pass


def drop_duplicate(conn, row):
    import sqlite3

    try:
        conn.execute("INSERT INTO seen VALUES (?)", (row,))
    # ok: VC101 -- the row is already there: the one failure the handler names
    except sqlite3.IntegrityError:
        pass


def send_confirmation_logged(server, message, log):
    import smtplib

    try:
        server.send_message(message)
    # ok: VC101 -- logged with its traceback
    except smtplib.SMTPException:
        log.exception("confirmation mail failed")


async def drain(tasks):
    import asyncio

    try:
        await asyncio.gather(*tasks)
    # expect: VC101 -- a drain told to stop carries on as if it had finished
    except asyncio.CancelledError:
        pass


async def stop(task):
    import asyncio

    task.cancel()
    try:
        await task
    # ok: VC101 -- waits for the task it cancelled
    except asyncio.CancelledError:
        pass


def sync_cancellation(future):
    import concurrent.futures

    try:
        future.result()
    # ok: VC101 -- not a coroutine: no task of its own is being cancelled
    except concurrent.futures.CancelledError:
        pass


async def first_failure(tasks):
    import asyncio

    done, _ = await asyncio.wait(tasks)
    for task in done:
        try:
            task.result()
        # ok: VC101 -- a task another coroutine cancelled: this coroutine's own cancellation cannot arrive here
        except asyncio.CancelledError:
            continue


async def finish_cleanup(cleanup_task):
    import asyncio

    while not cleanup_task.done():
        try:
            await asyncio.shield(cleanup_task)
        # ok: VC101 -- shielded on purpose: the clean-up must finish through repeated cancellation
        except asyncio.CancelledError:
            continue


async def wait_shielded_then_more(cleanup_task, queue):
    import asyncio

    try:
        await asyncio.shield(cleanup_task)
        await queue.join()
    # expect: VC101 -- the second await is not shielded: a cancellation there is swallowed
    except asyncio.CancelledError:
        pass


async def read_result(task, fallback):
    import asyncio

    try:
        return task.result()
    # expect: VC101 -- a broad catch: every failure of the task, not only its cancellation
    except (asyncio.CancelledError, Exception):
        pass
    return fallback


async def wait_until_ready(session, url, end):
    import time

    import aiohttp

    while time.monotonic() < end:
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return
        # ok: VC101 -- polled again until the deadline, then the loop's end raises
        except aiohttp.ClientError:
            pass
    raise TimeoutError(f"{url} not ready")


async def wait_forever(session, url):
    import aiohttp

    while True:
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return
        # expect: VC101 -- no limit: the raise after the loop is never reached
        except aiohttp.ClientError:
            pass
    raise TimeoutError(f"{url} not ready")


async def poll_then_give_up_quietly(session, url, end):
    import time

    import aiohttp

    while time.monotonic() < end:
        try:
            async with session.get(url) as resp:
                if resp.status == 200:
                    return
        # expect: VC101 -- the loop runs out and the function returns as if the server were ready
        except aiohttp.ClientError:
            pass


async def serve_until_signal(loop, server):
    import asyncio
    import signal

    task = asyncio.create_task(server.serve())

    def on_signal():
        task.cancel()

    loop.add_signal_handler(signal.SIGTERM, on_signal)
    try:
        await task
    # ok: VC101 -- the signal callback this function defines cancels the task it awaits
    except asyncio.CancelledError:
        pass


async def serve_until_other_cancels(server, other):
    import asyncio

    task = asyncio.create_task(server.serve())

    def on_done():
        other.cancel()

    server.on_done = on_done
    try:
        await task
    # expect: VC101 -- the callback cancels another task: this one's cancellation is swallowed
    except asyncio.CancelledError:
        pass
