"""Exchange credentials and trading limits."""
import os
from decimal import Decimal

# expect: VC403 -- live Binance keys pasted for a quick test
BINANCE_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
# expect: VC403/VC203
BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

# ok: VC403
KRAKEN_API_KEY = os.environ.get("KRAKEN_API_KEY", "")
# ok: VC403
KRAKEN_SECRET = os.environ.get("KRAKEN_SECRET", "")

# ok: VC403/VC203
WEBHOOK_PASSPHRASE = os.environ["WEBHOOK_PASSPHRASE"]
TELEGRAM_BOT_TOKEN = os.environ.get("TELEGRAM_BOT_TOKEN", "")
TELEGRAM_CHAT_ID = os.environ.get("TELEGRAM_CHAT_ID", "")

MAX_ORDER_USDT = Decimal(os.environ.get("MAX_ORDER_USDT", "250"))
ALLOWED_SYMBOLS = frozenset({"BTC/USDT", "ETH/USDT", "SOL/USDT"})
