"""Configuration for the ops dashboard."""
import os
from pathlib import Path

LOG_DIR = Path(os.environ.get("OPS_LOG_DIR", "/var/log/services"))
UPLOAD_DIR = Path(os.environ.get("OPS_UPLOAD_DIR", "/srv/ops/uploads"))
# expect: VC203 -- browser storage is signed with a literal
STORAGE_SECRET = "nicegui-ops-dashboard-storage-secret"
# expect: VC403 -- admin password in the source
ADMIN_PASSWORD = "OpsAdmin#2024"
OPENAI_MODEL = os.environ.get("OPENAI_MODEL", "gpt-4o-mini")
SERVERS = {
    "web-1": "10.0.0.11",
    "web-2": "10.0.0.12",
    "db-1": "10.0.0.21",
}
HEALTH_URLS = [f"https://{ip}/healthz" for ip in SERVERS.values()]
