"""Settings for the guild bot. Values come from the environment (a .env file in development)."""
import os

from dotenv import load_dotenv

load_dotenv()

# expect: VC403 -- the bot token pasted in "until the .env works"
DISCORD_TOKEN = "MTE5ODc2NTQzMjEwOTg3NjU0Mw.GhT2xQ.q8ZkW3vLm9nPpR4tYbX7cD1eF5gH2jK6lM0nOa"
# ok: VC403
OPENAI_API_KEY = os.environ["OPENAI_API_KEY"]
# ok: VC403
WELCOME_API_TOKEN = os.getenv("WELCOME_API_TOKEN")
DATABASE_PATH = os.getenv("GUILDBOT_DB", "guildbot.sqlite3")
COMMAND_PREFIX = "!"
MOD_ROLE = "Moderator"
MOD_LOG_CHANNEL_ID = int(os.getenv("MOD_LOG_CHANNEL_ID", "0"))
OWNER_IDS = {int(x) for x in os.getenv("OWNER_IDS", "").split(",") if x}
