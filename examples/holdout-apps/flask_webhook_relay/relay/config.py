import os


class Config:
    # expect: VC203
    SECRET_KEY = os.getenv("FLASK_SECRET_KEY", "relay-dev-secret")
    # expect: VC403/VC203
    GITHUB_WEBHOOK_SECRET = os.getenv("GITHUB_WEBHOOK_SECRET", "gh-whsec-8d7f6a5b4c3e2d1f")
    # ok: VC403
    GITLAB_WEBHOOK_TOKEN = os.environ["GITLAB_WEBHOOK_TOKEN"]
    STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
    TWILIO_AUTH_TOKEN = os.environ.get("TWILIO_AUTH_TOKEN", "")
    REPO_DIR = os.environ.get("REPO_DIR", "/srv/app")
    DEPLOY_SCRIPT = os.environ.get("DEPLOY_SCRIPT", "/srv/app/deploy.sh")
    ALLOWED_BRANCHES = frozenset(os.environ.get("DEPLOY_BRANCHES", "main,staging").split(","))
    FORWARD_TARGETS = {
        "slack": os.environ.get("SLACK_WEBHOOK_URL", ""),
        "discord": os.environ.get("DISCORD_WEBHOOK_URL", ""),
    }
    CELERY_BROKER_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/1")
