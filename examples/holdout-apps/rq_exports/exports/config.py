"""Settings for the export service, read once at import."""

import os

# expect: VC403
REDIS_URL = "redis://:ExportsRedis2024!@redis.internal:6379/0"
DATABASE_URL = os.environ["DATABASE_URL"]
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/srv/exports")
ALLOWED_TABLES = {"orders", "customers", "invoices"}
ALLOWED_FORMATS = {"csv", "parquet", "xlsx"}
