import os

os.environ.setdefault("PRICEFEED_DATABASE_URL", "sqlite://")
