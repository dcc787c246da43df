import os

DATABASE_DSN = os.environ.get("DATABASE_DSN", "postgresql://localhost/inventory")
API_TOKEN = os.environ["INVENTORY_API_TOKEN"]
SUPPLIER_URL = os.environ.get("SUPPLIER_URL", "https://supplier.example.com/api")
EXPORT_DIR = os.environ.get("EXPORT_DIR", "/var/lib/inventory/exports")
