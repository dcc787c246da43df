"""Dramatiq broker setup; imported by every actor module."""

import os

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import Retries

# expect: VC403
REDIS_URL = os.environ.get("REDIS_URL", "redis://:Sup3rRedisPass@redis.internal:6379/0")

broker = RedisBroker(url=REDIS_URL)
broker.add_middleware(Retries(max_retries=5, min_backoff=1000))
dramatiq.set_broker(broker)
