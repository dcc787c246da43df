import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
# expect: VC203
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-4f9k2m8x7q1w3e5r6t8y0u2i4o6p8a0s")
# expect: VC211
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"
# expect: VC213
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions", "forum"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "forum_site.urls"
# expect: VC210
SESSION_COOKIE_SECURE = False
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
