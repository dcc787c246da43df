import os

from .settings import *  # noqa: F403

# ok: VC203
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ok: VC211
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
# ok: VC213
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "app.orgadmin.io").split(",")
# ok: VC209
CORS_ALLOW_ALL_ORIGINS = False
CORS_ALLOWED_ORIGINS = ["https://app.orgadmin.io"]
DATABASES["default"]["PASSWORD"] = os.environ["DATABASE_PASSWORD"]  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
