"""Bot settings."""

from __future__ import annotations

import os

# expect: VC403
BOT_TOKEN = "7012345678:AAHk3x9QmZt0YwVbN2LcR5sUe8PdGfJ4iKo"
STRIPE_KEY = os.environ["STRIPE_SECRET_KEY"]
ADMIN_IDS = {int(x) for x in os.environ.get("ADMIN_IDS", "").split(",") if x}
DB_PATH = os.environ.get("SHOP_DB", "shop.db")
