import os

# ok: VC403
GITHUB_WEBHOOK_SECRET = os.environ.get("GITHUB_WEBHOOK_SECRET", "")
# expect: VC403
GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN", "ghp_9XyZ8wVu7TsR6qPo5NmL4kJi3HgF2eDc1BaZ")
# ok: VC403
GITLAB_WEBHOOK_TOKEN = os.environ["GITLAB_WEBHOOK_TOKEN"]
GITHUB_API = "https://api.github.com"
WORKSPACE = os.environ.get("BOT_WORKSPACE", "/srv/ci-bot/work")
ALLOWED_TARGETS = {"test": ["make", "test"], "lint": ["make", "lint"], "docs": ["make", "docs"]}
