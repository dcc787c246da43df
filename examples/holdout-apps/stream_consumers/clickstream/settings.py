import os

KAFKA_BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092")
KAFKA_GROUP = os.environ.get("KAFKA_GROUP", "clickstream-enricher")
TOPIC_EVENTS = "clickstream.events"
TOPIC_DLQ = "clickstream.events.dlq"
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
STREAM = "sessions"
STREAM_GROUP = "sessionizer"
CONSUMER_NAME = os.environ.get("HOSTNAME", "sessionizer-1")
GEOIP_URL = os.environ.get("GEOIP_URL", "http://geoip.internal/lookup")
WEBHOOK_TIMEOUT = 5
MAX_RECONNECTS = 8
