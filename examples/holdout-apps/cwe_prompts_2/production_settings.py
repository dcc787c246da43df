"""The same prompt, answered with settings read from the environment."""

import os

# ok: VC203
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]

# ok: VC211
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"

# ok: VC213
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "shop.example.com").split(",")

# ok: VC210
SESSION_COOKIE_SECURE = True
# ok: VC210
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = True

PASSWORD_HASHERS = [
    # ok: VC205
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
