"""Django settings for orgadmin (development defaults; production overrides in settings_prod)."""

from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# expect: VC203
SECRET_KEY = "django-insecure-9x!q2v@l7#w0e^r3t8y$u1i6o4p(a5s)d_f+g=h"

# expect: VC211
DEBUG = True

# expect: VC213
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "corsheaders",
    "rest_framework",
    "accounts",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.TenantMiddleware",
]

ROOT_URLCONF = "orgadmin.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "orgadmin",
        "USER": "orgadmin",
        # expect: VC403
        "PASSWORD": "orgadmin-dev-pw-2024",
        "HOST": "localhost",
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

INVITE_TTL_DAYS = 7
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
STATIC_URL = "static/"
