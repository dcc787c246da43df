"""Settings for the sensor hub."""

import os

# expect: VC203
SECRET_KEY = "sensor-hub-dev-secret-2024"
DB_PATH = os.environ.get("SENSORS_DB", "sensors.db")
FIRMWARE_DIR = os.environ.get("FIRMWARE_DIR", "/var/lib/sensors/firmware")
# ok: VC403
WEBHOOK_SECRET = os.environ["SENSORS_WEBHOOK_SECRET"]
ALLOWED_PORTS = {"/dev/ttyUSB0", "/dev/ttyUSB1", "/dev/ttyACM0"}
