import os

os.environ.setdefault("PAGERDUTY_TOKEN", "test-routing-key")
os.environ.setdefault("OPENAI_API_KEY", "sk-test")
