import json
import ssl

import paho.mqtt.client as mqtt

from . import settings

_client: mqtt.Client | None = None


def _connect() -> mqtt.Client:
    global _client
    if _client is None:
        client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id="fleetctl-api")
        client.username_pw_set(settings.MQTT_USERNAME, settings.MQTT_PASSWORD)
        # ok: VC404
        client.tls_set(ca_certs=settings.MQTT_CA_FILE, cert_reqs=ssl.CERT_REQUIRED)
        client.connect(settings.MQTT_HOST, settings.MQTT_PORT)
        client.loop_start()
        _client = client
    return _client


def publish_command(serial: str, command: dict) -> None:
    _connect().publish(f"fleet/{serial}/commands", json.dumps(command), qos=1)
