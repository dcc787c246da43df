"""VC109 corpus: a consumer loop that goes round again at once when its connection fails spins while the service is down."""
import logging
import time

import redis
import requests

logger = logging.getLogger(__name__)


def consume(client, handle):
    while True:
        try:
            entries = client.xreadgroup("group", "me", {"stream": ">"}, block=5000)
        # expect: VC109 -- reconnects and reads again at once, for ever
        except redis.ConnectionError:
            client = redis.Redis()
            continue
        for entry in entries:
            handle(entry)


def poll_feed(url, handle):
    while True:
        try:
            items = requests.get(url, timeout=10).json()
        # expect: VC109 -- logged, then fetched again at once
        except requests.RequestException as exc:
            logger.warning("feed down: %s", exc)
            continue
        handle(items)


def consume_paused(client, handle):
    while True:
        try:
            entries = client.xreadgroup("group", "me", {"stream": ">"}, block=5000)
        # ok: VC109 -- pauses before the next attempt
        except redis.ConnectionError:
            time.sleep(5)
            continue
        for entry in entries:
            handle(entry)


def consume_messages(queue, handle):
    while True:
        message = queue.get()
        try:
            handle(message)
        # ok: VC109 -- a failed message, not a failed connection: the next message is another attempt at other work
        except ValueError:
            logger.warning("bad message %r", message)


async def crawl_worker(queue, client, stats):
    while True:
        url = await queue.get()
        try:
            await client.get(url)
        # ok: VC109 -- each pass fetches the item it took: a failed fetch moves on to the next one
        except requests.RequestException:
            stats.failed += 1
        finally:
            queue.task_done()


def keepalive(stream, send, ping):
    while True:
        try:
            send(stream.receive(timeout=15))
        # ok: VC109 -- a timeout comes after the wait: the loop does not spin
        except TimeoutError:
            send(ping)
