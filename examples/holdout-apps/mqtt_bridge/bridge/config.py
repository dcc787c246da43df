import os

MQTT_HOST = os.environ.get("MQTT_HOST", "mosquitto")
MQTT_PORT = int(os.environ.get("MQTT_PORT", "1883"))
TOPICS = [t.strip() for t in os.environ.get("MQTT_TOPICS", "sensors/+/telemetry").split(",")]
INGEST_URL = os.environ.get("INGEST_URL", "http://ingest.internal/v1/points")
INFLUX_URL = os.environ.get("INFLUX_URL", "http://influx:8086")
INFLUX_TOKEN = os.environ["INFLUX_TOKEN"]
INFLUX_ORG = os.environ.get("INFLUX_ORG", "plant")
INFLUX_BUCKET = os.environ.get("INFLUX_BUCKET", "telemetry")
BATCH_SIZE = 200
