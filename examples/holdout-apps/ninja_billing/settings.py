"""Django settings for the billing service."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

# expect: VC203
SECRET_KEY = "django-insecure-9f$k2m!billing-7x@q0"

# expect: VC211
DEBUG = True

# expect: VC213
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "billing",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "billing"),
        "USER": os.environ.get("DB_USER", "billing"),
        # ok: VC403
        "PASSWORD": os.environ.get("DB_PASSWORD"),
        "HOST": os.environ.get("DB_HOST", "localhost"),
    }
}

STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
