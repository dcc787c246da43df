import os

os.environ.setdefault("OPENAI_API_KEY", "test-key")
