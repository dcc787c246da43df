"""Settings for the supplier-portal bot."""

import os
from pathlib import Path

import yaml

PORTAL_URL = "https://portal.supplier-hub.com"
PORTAL_USER = "ops@acme-retail.com"
# expect: VC403
PORTAL_PASSWORD = "Hub$2024-acme"

# ok: VC403
INVOICE_PORTAL_PASSWORD = os.environ["INVOICE_PORTAL_PASSWORD"]

SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK", "")
SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR", "screenshots"))
HEADLESS = os.environ.get("HEADLESS", "1") == "1"


def load_flows(path: str = "flows.yaml") -> dict:
    """Steps per portal: selectors to fill and scripts to run once logged in."""
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)
