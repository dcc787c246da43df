import os

os.environ.setdefault("FANOUT_SIGNING_SECRET", "test-secret")
