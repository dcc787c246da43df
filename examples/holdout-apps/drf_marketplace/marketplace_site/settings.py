import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# expect: VC203
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-9f#k2m!x7q@marketplace-dev")
# expect: VC211
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"
# expect: VC213
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "listings",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "marketplace_site.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB", "marketplace"),
        "USER": os.environ.get("POSTGRES_USER", "marketplace"),
        # ok: VC403 -- read from the environment, no fallback
        "PASSWORD": os.environ["POSTGRES_PASSWORD"],
        "HOST": os.environ.get("POSTGRES_HOST", "localhost"),
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}

# expect: VC209
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True

# expect: VC403/VC203
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "sk_live_51Hx9aKJv2mQ8rTtY6pLw0nB3cD4eF5gH6iJ7kL8m")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
PAYOUTS_API_URL = os.environ.get("PAYOUTS_API_URL", "https://payouts.internal/api")
PLATFORM_FEE_PERCENT = 10

CELERY_BROKER_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
