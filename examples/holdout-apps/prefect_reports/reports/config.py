"""Settings for the reporting flows. Secrets live in Prefect blocks; the rest in the environment."""

import os

from prefect.blocks.system import Secret

WAREHOUSE_URL = os.environ.get("WAREHOUSE_URL", "postgresql://localhost/warehouse")
SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.example.com")
SMTP_USER = "reports@example.com"
# expect: VC403
SMTP_PASSWORD = "Spring2024!reports"
# expect: VC403
SLACK_WEBHOOK = "https://hooks.slack.com/services/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"
RESULTS_DIR = "/mnt/prefect-results"


def smtp_password() -> str:
    # ok: VC403
    return Secret.load("smtp-password").get()


def slack_webhook() -> str:
    # ok: VC403
    return Secret.load("slack-webhook").get()
