import os

SEARCH_URL = os.environ.get("SEARCH_URL", "http://localhost:7700")
SEARCH_KEY = os.environ.get("SEARCH_KEY", "")
INDEX = os.environ.get("SEARCH_INDEX", "docs")
CONCURRENCY = int(os.environ.get("CRAWL_CONCURRENCY", "16"))
USER_AGENT = "docindex/0.1 (+https://docs.example.com/bot)"
PANDOC = os.environ.get("PANDOC", "pandoc")
