import os

# expect: VC403
OPENAI_API_KEY = "sk-proj-4fQ9xTz2LmN8vR1wK7pB3cY6dH0sJ5gA9eU2iO4tF"
# ok: VC403
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
METRICS_DB = os.environ.get("METRICS_DB", "/var/lib/opsdesk/metrics.db")
POSTMORTEM_DIR = "/var/lib/opsdesk/postmortems"
RUNBOOK_HOST = "runbooks.internal.example"
SERVICES = {"api": "opsdesk-api.service", "worker": "opsdesk-worker.service", "nginx": "nginx.service"}
