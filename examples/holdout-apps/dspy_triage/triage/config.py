"""Settings for the triage worker."""

from __future__ import annotations

import os

import litellm

# expect: VC403
litellm.api_key = "sk-proj-8fJ2kQ9xL0mN3pR7sT1vW4yZ6aB5cD"
ANTHROPIC_KEY = os.environ["ANTHROPIC_API_KEY"]
# expect: VC403
DATABASE_URL = "postgresql://triage:Tr1age!pass@db.internal:5432/support"
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
MODEL = os.environ.get("TRIAGE_MODEL", "anthropic/claude-3-5-sonnet-20240620")
