"""Fleet controller settings."""

import os
from pathlib import Path

DATABASE_URL = os.getenv("DATABASE_URL", "sqlite+aiosqlite:///fleet.db")
MQTT_HOST = os.getenv("MQTT_HOST", "localhost")
MQTT_PORT = int(os.getenv("MQTT_PORT", "8883"))
MQTT_CA_FILE = os.getenv("MQTT_CA_FILE", "/etc/fleet/ca.pem")
FIRMWARE_DIR = Path(os.getenv("FIRMWARE_DIR", "/var/lib/fleet/firmware"))

# ok: VC403
JWT_SECRET = os.environ["FLEET_JWT_SECRET"]

# Devices provisioned before per-device keys existed authenticate with the fleet key.
# expect: VC403
DEFAULT_DEVICE_KEY = "fleet-2024-shared-provisioning-key-7f3a9c"

# ok: VC403
MQTT_PASSWORD = os.environ.get("MQTT_PASSWORD", "")
MQTT_USERNAME = "fleet-ingest"
