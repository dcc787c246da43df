import os

SECRET_KEY = os.environ["NEWSLETTER_SECRET_KEY"]
SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///newsletter.db")
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "redis://localhost:6379/1")

SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.sendgrid.net")
SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
SMTP_USER = "apikey"
# expect: VC403
SMTP_PASSWORD = "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"
MAILGUN_SIGNING_KEY = os.environ.get("MAILGUN_SIGNING_KEY", "")
SENDGRID_API_KEY = os.environ.get("SENDGRID_API_KEY", "")
FROM_ADDRESS = "Acme News <news@example.com>"
PUBLIC_URL = os.environ.get("PUBLIC_URL", "https://news.example.com")
