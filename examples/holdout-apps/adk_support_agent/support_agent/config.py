"""Model names, keys and paths for the support agent."""

import os

MODEL = os.environ.get("SUPPORT_MODEL", "gemini-2.0-flash")
SUMMARY_MODEL = "gpt-4o-mini"
# expect: VC403
GOOGLE_API_KEY = "AIzaSyD3m0-kJ8pQ2vX9sLrT4uWbN7cYhE1fGaZ"
# ok: VC403
OPENAI_API_KEY = os.environ.get("OPENAI_API_KEY", "")
LOG_DIR = "/var/log/shop"
ORDERS_DB = os.environ.get("ORDERS_DB", "orders.db")
KB_HOSTS = {"docs.example-shop.com", "status.example-shop.com"}
