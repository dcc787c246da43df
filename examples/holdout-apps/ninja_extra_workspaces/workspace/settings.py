"""Settings for the multi-tenant workspace service."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

# expect: VC203
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-7h#x0q!workspace-dev")
# expect: VC211
DEBUG = True
# expect: VC213
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django_htmx",
    "ninja_extra",
    "projects",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "projects.tenancy.TenantMiddleware",
]

ROOT_URLCONF = "workspace.urls"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "workspace"),
        "USER": os.environ.get("DB_USER", "workspace"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "localhost"),
    }
}
# ok: VC210
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
