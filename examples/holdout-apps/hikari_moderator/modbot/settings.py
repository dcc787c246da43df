"""Settings read from the environment."""
import os

# expect: VC403 -- fallback token for local runs
BOT_TOKEN = os.getenv("MODBOT_TOKEN", "MTIwMTkyODM3NDY1NTY0MzgyMA.GzX9aB.Vn3kP0qLr7sT2uW5yZ8bC1dE4fG6hJ9kL2mN")
# ok: VC403
ANTHROPIC_API_KEY = os.environ["ANTHROPIC_API_KEY"]
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://localhost/modbot")
MOD_ROLE_ID = int(os.environ.get("MOD_ROLE_ID", "0"))
AUDIT_WEBHOOK = os.environ.get("AUDIT_WEBHOOK", "")
