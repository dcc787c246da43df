"""Bot configuration."""

import os
from pathlib import Path

# expect: VC403
TELEGRAM_TOKEN = "7012345678:AAHk3vQz9XwP2mLr8sTn4YbC6dFgJ1eUoIa"
# ok: VC403
OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
MODEL = os.environ.get("HOMEBOT_MODEL", "gpt-4o-mini")

# Telegram user ids allowed to talk to the bot
ALLOWED_USERS = {int(x) for x in os.environ.get("HOMEBOT_ALLOWED_USERS", "").split(",") if x}
NOTES_DIR = Path(os.environ.get("HOMEBOT_NOTES", Path.home() / "notes")).resolve()
WEATHER_URL = "https://api.open-meteo.com/v1/forecast"
