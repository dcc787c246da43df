import os

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
QUEUE = os.environ.get("THUMBS_QUEUE", "thumbs:jobs")
DEAD_LETTER = os.environ.get("THUMBS_DLQ", "thumbs:dead")
OUTPUT_DIR = os.environ.get("THUMBS_OUTPUT", "/var/lib/thumbs")
SIZES = [(128, 128), (512, 512)]
CONCURRENCY = int(os.environ.get("THUMBS_CONCURRENCY", "4"))
STATUS_URL = os.environ.get("THUMBS_STATUS_URL", "http://status.internal/api/jobs")
