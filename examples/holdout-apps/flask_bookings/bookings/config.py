import os


class Config:
    # expect: VC203
    SECRET_KEY = os.environ.get("SECRET_KEY", "roombook-dev-secret")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///roombook.db")
    # ok: VC403
    STRIPE_API_KEY = os.environ["STRIPE_API_KEY"]
    # ok: VC403
    STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/0")
    CANCELLATION_WINDOW_HOURS = 24
    SESSION_COOKIE_HTTPONLY = True
