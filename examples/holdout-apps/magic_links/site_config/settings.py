import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "accounts",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "site_config.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}

EMAIL_HOST = os.environ.get("EMAIL_HOST", "smtp.mailgun.org")
EMAIL_PORT = 587
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "postmaster@mg.example.com")
# expect: VC403
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "9c1f0e7d2b5a4c3e8f6d1a0b7e2c5d4f-us21")
EMAIL_USE_TLS = True
DEFAULT_FROM_EMAIL = "Acme <no-reply@example.com>"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
# expect: VC210
SESSION_COOKIE_SECURE = False
PASSWORD_RESET_TIMEOUT = 60 * 60
MAGIC_LINK_MAX_AGE = 15 * 60
