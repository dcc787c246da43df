"""Worker configuration."""

import os

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
LEDGER_DSN = os.environ["LEDGER_DSN"]
PSP_BASE_URL = os.environ.get("PSP_BASE_URL", "https://api.psp.example.com/v2")
PSP_API_KEY = os.environ.get("PSP_API_KEY", "")
# expect: VC403/VC203
PSP_API_SECRET = os.environ.get("PSP_API_SECRET", "psp_sk_live_9f8e7d6c5b4a39281716151413121110")
REPORT_DIR = os.environ.get("REPORT_DIR", "/srv/recon/reports")
FINANCE_GPG_RECIPIENT = os.environ.get("FINANCE_GPG_RECIPIENT", "finance@example.com")
