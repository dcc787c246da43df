"""Pipeline settings."""

import os
from pathlib import Path

DATA_DIR = Path(os.environ.get("SALESETL_DATA", "/var/lib/salesetl"))
CACHE_DIR = Path("/tmp/salesetl-cache")
SQLITE_PATH = DATA_DIR / "staging.db"
DUCKDB_PATH = DATA_DIR / "warehouse.duckdb"

# expect: VC403
WAREHOUSE_URL = "postgresql://etl_user:Wh4reh0use!2024@warehouse.internal:5432/analytics"

# ok: VC403
SMTP_PASSWORD = os.environ.get("SALESETL_SMTP_PASSWORD", "")
SMTP_HOST = os.environ.get("SALESETL_SMTP_HOST", "smtp.internal")
SMTP_USER = "etl-alerts@example.com"
ALERT_TO = ["data-team@example.com"]

SOURCES = {
    "orders": "https://exports.partner.example.com/v2/orders.csv",
    "customers": "https://exports.partner.example.com/v2/customers.csv",
    "products": "https://exports.partner.example.com/v2/products.csv",
}
