"""confluent-kafka consumer: enrich click events and forward them to the enriched topic."""

import json
import logging
import signal

from confluent_kafka import Consumer, KafkaError, KafkaException, Producer

from .enrich import geo_for, user_agent_family
from .settings import KAFKA_BOOTSTRAP, KAFKA_GROUP, TOPIC_DLQ, TOPIC_EVENTS

logger = logging.getLogger(__name__)


class EnrichWorker:
    def __init__(self) -> None:
        self.consumer = Consumer({
            "bootstrap.servers": KAFKA_BOOTSTRAP,
            "group.id": KAFKA_GROUP,
            "enable.auto.commit": False,
            "auto.offset.reset": "earliest",
        })
        self.producer = Producer({"bootstrap.servers": KAFKA_BOOTSTRAP})
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)

    def _stop(self, *_args) -> None:
        self.running = False

    def enrich(self, event: dict) -> dict:
        return {**event, "geo": geo_for(event["ip"]), "ua_family": user_agent_family(event.get("ua", ""))}

    def run(self) -> None:
        self.consumer.subscribe([TOPIC_EVENTS])
        # ok: VC114 -- the SIGTERM handler clears self.running
        while self.running:
            msg = self.consumer.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == KafkaError._PARTITION_EOF:
                    continue
                raise KafkaException(msg.error())
            try:
                event = json.loads(msg.value())
                enriched = self.enrich(event)
                self.producer.produce(TOPIC_EVENTS + ".enriched", json.dumps(enriched).encode(), key=msg.key())
            # expect: VC101/VC102 -- every failure, a geoip outage included, skips the message and commits past it
            except Exception:
                continue
            finally:
                self.consumer.commit(msg, asynchronous=False)
        self.consumer.close()

    def run_with_dlq(self) -> None:
        self.consumer.subscribe([TOPIC_EVENTS])
        while self.running:
            msg = self.consumer.poll(1.0)
            if msg is None or msg.error():
                continue
            try:
                event = json.loads(msg.value())
            # ok: VC101/VC102 -- a malformed message goes to the dead-letter topic, then the loop moves on
            except json.JSONDecodeError as exc:
                logger.warning("bad message at offset %s: %s", msg.offset(), exc)
                self.producer.produce(TOPIC_DLQ, msg.value(), headers={"error": str(exc)})
                self.consumer.commit(msg, asynchronous=False)
                continue
            self.producer.produce(TOPIC_EVENTS + ".enriched", json.dumps(self.enrich(event)).encode())
            self.consumer.commit(msg, asynchronous=False)
        self.consumer.close()


def drain_backlog(consumer: Consumer, limit: int) -> int:
    seen = 0
    idle = False
    # expect: VC114 -- idle is never set in the loop: it never ends once the backlog is empty
    while not idle:
        msg = consumer.poll(0.5)
        if msg is None:
            continue
        seen += 1
        if seen >= limit:
            break
    return seen


def flush_producer(producer: Producer) -> None:
    try:
        remaining = producer.flush(10)
    except KafkaException as exc:
        logger.error("flush failed: %s", exc)
        # expect: VC105 -- the Kafka error object is gone
        raise RuntimeError(f"producer flush failed: {exc}")
    if remaining:
        raise RuntimeError(f"{remaining} messages still queued after flush")
