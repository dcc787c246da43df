import os

PROVIDER_URL = os.environ.get("PROVIDER_URL", "https://api.payrail.example/v2")
PROVIDER_KEY = os.environ["PROVIDER_KEY"]
LEDGER_URL = os.environ.get("LEDGER_URL", "http://ledger.internal:8080")
DATABASE_URL = os.environ["DATABASE_URL"]
HTTP_TIMEOUT = float(os.environ.get("HTTP_TIMEOUT", "15"))
MAX_ATTEMPTS = int(os.environ.get("MAX_ATTEMPTS", "5"))
