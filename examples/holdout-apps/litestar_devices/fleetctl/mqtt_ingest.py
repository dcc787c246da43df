"""MQTT worker: stores telemetry the devices publish on fleet/<serial>/telemetry."""

import json
import logging
import pickle
import ssl

import paho.mqtt.client as mqtt
import yaml
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from . import settings
from .models import Device, Telemetry

log = logging.getLogger("fleet.ingest")
engine = create_engine(settings.DATABASE_URL.replace("+aiosqlite", ""))


def decode_payload(raw: bytes, encoding: str) -> dict:
    if encoding == "pickle":
        # expect: VC406
        return pickle.loads(raw)
    if encoding == "yaml":
        # expect: VC406
        return yaml.load(raw, Loader=yaml.FullLoader)
    # ok: VC406
    return json.loads(raw)


def on_message(client, userdata, msg):
    _, serial, kind = msg.topic.split("/", 2)
    encoding = msg.properties.ContentType if msg.properties and hasattr(msg.properties, "ContentType") else "json"
    try:
        payload = decode_payload(msg.payload, encoding)
    except Exception:
        log.exception("bad payload from %s", serial)
        return
    with Session(engine) as session:
        device = session.execute(select(Device).where(Device.serial == serial)).scalar_one_or_none()
        if device is None:
            return
        session.add(Telemetry(device_id=device.id, payload=payload))
        session.commit()


def main() -> None:
    client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="fleet-ingest")
    client.username_pw_set(settings.MQTT_USERNAME, settings.MQTT_PASSWORD)
    # expect: VC404
    client.tls_set(cert_reqs=ssl.CERT_NONE)
    # expect: VC404
    client.tls_insecure_set(True)
    client.on_message = on_message
    client.connect(settings.MQTT_HOST, settings.MQTT_PORT)
    client.subscribe("fleet/+/telemetry", qos=1)
    client.loop_forever()


if __name__ == "__main__":
    main()
