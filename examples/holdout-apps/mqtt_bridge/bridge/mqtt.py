"""paho-mqtt client: subscribe to the sensors and hand their readings to the sinks."""

import json
import logging
import socket
import time

import paho.mqtt.client as mqtt

from .config import MQTT_HOST, MQTT_PORT, TOPICS
from .sinks import IngestSink, InfluxSink, SinkError

logger = logging.getLogger(__name__)


class Bridge:
    def __init__(self, ingest: IngestSink, influx: InfluxSink) -> None:
        self.ingest = ingest
        self.influx = influx
        self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="sensor-bridge")
        self.client.on_connect = self.on_connect
        self.client.on_message = self.on_message

    def on_connect(self, client, userdata, flags, reason_code, properties) -> None:
        for topic in TOPICS:
            client.subscribe(topic, qos=1)

    def on_message(self, client, userdata, msg) -> None:
        sensor = msg.topic.split("/")[1]
        try:
            reading = json.loads(msg.payload)
            self.influx.write(sensor, reading["values"])
            self.ingest.buffer.put_nowait({"sensor": sensor, **reading})
        # expect: VC101/VC111 -- a bare except in the callback: Influx outages and full buffers vanish
        except:
            pass

    def on_message_checked(self, client, userdata, msg) -> None:
        sensor = msg.topic.split("/")[1]
        try:
            reading = json.loads(msg.payload)
        # ok: VC101/VC102/VC111 -- a malformed payload is logged with the topic and skipped
        except json.JSONDecodeError as exc:
            logger.warning("bad payload on %s: %s", msg.topic, exc)
            return
        self.influx.write(sensor, reading["values"])

    def connect(self) -> None:
        # expect: VC109 -- spins on connect without a pause or a limit while the broker is down
        while True:
            try:
                self.client.connect(MQTT_HOST, MQTT_PORT, keepalive=30)
                break
            except (socket.error, ConnectionRefusedError):
                logger.warning("broker unreachable")

    def connect_with_backoff(self, attempts: int = 10) -> None:
        delay = 1.0
        # ok: VC109 -- ten attempts, the pause doubles
        for attempt in range(attempts):
            try:
                self.client.connect(MQTT_HOST, MQTT_PORT, keepalive=30)
                return
            except OSError as exc:
                logger.warning("broker unreachable (%d/%d): %s", attempt + 1, attempts, exc)
                time.sleep(delay)
                delay = min(delay * 2, 60)
        raise ConnectionError(f"MQTT broker {MQTT_HOST}:{MQTT_PORT} unreachable")

    def serve(self) -> None:
        self.connect_with_backoff()
        self.ingest.start()
        try:
            self.client.loop_forever(retry_first_connection=False)
        except SinkError as exc:
            # expect: VC105 -- re-raised without its cause
            raise RuntimeError("bridge stopped: " + str(exc))
        finally:
            self.ingest.close()
