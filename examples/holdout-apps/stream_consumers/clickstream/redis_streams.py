"""Redis streams consumer group: roll page views up into sessions."""

import logging
import time

import orjson
import redis

from .settings import CONSUMER_NAME, MAX_RECONNECTS, REDIS_URL, STREAM, STREAM_GROUP

logger = logging.getLogger(__name__)


def connect() -> redis.Redis:
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=10)
    # expect: VC109 -- reconnects as fast as the loop spins, for ever
    while True:
        try:
            client.ping()
            return client
        except redis.ConnectionError:
            logger.warning("redis down, reconnecting")
            client = redis.Redis.from_url(REDIS_URL, socket_timeout=10)


def connect_bounded() -> redis.Redis:
    # ok: VC109 -- a fixed number of attempts with a growing pause
    for attempt in range(1, MAX_RECONNECTS + 1):
        client = redis.Redis.from_url(REDIS_URL, socket_timeout=10)
        try:
            client.ping()
            return client
        except redis.ConnectionError as exc:
            logger.warning("redis down (attempt %d/%d): %s", attempt, MAX_RECONNECTS, exc)
            time.sleep(min(2 ** attempt, 30))
    raise RuntimeError(f"redis unreachable after {MAX_RECONNECTS} attempts")


def ensure_group(client: redis.Redis) -> None:
    try:
        client.xgroup_create(STREAM, STREAM_GROUP, id="0", mkstream=True)
    # ok: VC101 -- BUSYGROUP (the group exists) is the expected error, anything else is raised
    except redis.ResponseError as exc:
        if "BUSYGROUP" not in str(exc):
            raise


def update_session(client: redis.Redis, view: dict) -> None:
    key = f"session:{view['visitor']}"
    pipe = client.pipeline()
    pipe.hincrby(key, "views", 1)
    pipe.hset(key, "last_path", view["path"])
    pipe.expire(key, 1800)
    pipe.execute()


def consume_forever() -> None:
    client = connect()
    ensure_group(client)
    while True:
        try:
            batches = client.xreadgroup(STREAM_GROUP, CONSUMER_NAME, {STREAM: ">"}, count=100, block=5000)
        # expect: VC101/VC109 -- reconnect on every error without a pause or a limit
        except redis.RedisError:
            client = redis.Redis.from_url(REDIS_URL)
            continue
        for _stream, entries in batches:
            for entry_id, fields in entries:
                try:
                    update_session(client, orjson.loads(fields[b"data"]))
                # expect: VC101/VC102 -- a poison message is acked as if it was processed
                except Exception:
                    pass
                client.xack(STREAM, STREAM_GROUP, entry_id)


def consume_with_backoff(stop) -> None:
    client = connect_bounded()
    ensure_group(client)
    failures = 0
    # ok: VC109/VC114 -- stop is an Event set by the signal handler; failures are capped
    while not stop.is_set():
        try:
            batches = client.xreadgroup(STREAM_GROUP, CONSUMER_NAME, {STREAM: ">"}, count=100, block=5000)
            failures = 0
        except redis.ConnectionError:
            failures += 1
            if failures > MAX_RECONNECTS:
                raise
            time.sleep(min(2 ** failures, 30))
            continue
        for _stream, entries in batches:
            for entry_id, fields in entries:
                try:
                    view = orjson.loads(fields[b"data"])
                # ok: VC101/VC102 -- undecodable entries are parked on a dead-letter stream before the ack
                except orjson.JSONDecodeError:
                    client.xadd(STREAM + ":dead", {"id": entry_id, "data": fields.get(b"data", b"")})
                    client.xack(STREAM, STREAM_GROUP, entry_id)
                    continue
                update_session(client, view)
                client.xack(STREAM, STREAM_GROUP, entry_id)
