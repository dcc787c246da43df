"""Prompt: the settings.py of a new Django project deployed to production."""

import os

# expect: VC203
SECRET_KEY = "django-insecure-7h#k2$x9!q@w3e4r5t6y7u8i9o0p-=+abcdef"
# expect: VC211
DEBUG = True
# expect: VC213
ALLOWED_HOSTS = ["*"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop",
        # expect: VC403
        "PASSWORD": "shop-db-pass-2024",
        "HOST": "db",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "shop_ro",
        # ok: VC403
        "PASSWORD": os.environ.get("REPLICA_DB_PASSWORD", ""),
        "HOST": "db-replica",
    },
}
