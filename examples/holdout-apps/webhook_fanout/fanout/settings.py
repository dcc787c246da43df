import os

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
STREAM = os.environ.get("FANOUT_STREAM", "events")
GROUP = os.environ.get("FANOUT_GROUP", "fanout")
CONSUMER = os.environ.get("HOSTNAME", "fanout-1")
CONCURRENCY = int(os.environ.get("FANOUT_CONCURRENCY", "20"))
SIGNING_SECRET = os.environ["FANOUT_SIGNING_SECRET"]
