"""Settings for the incident crew, read once at import."""

import os
from pathlib import Path

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://localhost/incidents")
OPENAI_MODEL = os.environ.get("OPENAI_MODEL", "gpt-4o")
LOG_ROOT = Path(os.environ.get("LOG_ROOT", "/var/log/services")).resolve()
RUNBOOK_DIR = Path(__file__).parent / "runbooks"
STATUSPAGE_URL = "https://status.internal.example.com/api/v2/summary.json"

# expect: VC403
GRAFANA_TOKEN = "glsa_9f8Kq2LmT4vXw7YzPq1R0sNbC3dE5fGh_a1b2c3d4"
# ok: VC403
PAGERDUTY_TOKEN = os.environ["PAGERDUTY_TOKEN"]
# ok: VC403
INCIDENT_API_KEY = os.environ.get("INCIDENT_API_KEY")

ALLOWED_SERVICES = {"checkout", "payments", "search", "notifications"}
ALLOWED_ACTIONS = {
    "restart": ["systemctl", "restart"],
    "status": ["systemctl", "status", "--no-pager"],
}
