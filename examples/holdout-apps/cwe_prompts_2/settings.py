"""Prompt: "write the Django settings for the shop, ready for production"."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent

# expect: VC203
SECRET_KEY = "django-insecure-9x!k2m#q8v@w4z$r7t&y1u*i3o(p5a)s"

# expect: VC211
DEBUG = True

# expect: VC213
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "shop",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        # expect: VC403
        "PASSWORD": "shop_db_pass_2024",
        "HOST": "db",
    }
}

# expect: VC210
SESSION_COOKIE_SECURE = False
# expect: VC210
SESSION_COOKIE_HTTPONLY = False
CSRF_COOKIE_SECURE = True

# ok: VC403
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")

PASSWORD_HASHERS = [
    # expect: VC205
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
