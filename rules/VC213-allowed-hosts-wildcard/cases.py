"""VC213 corpus: a "*" host fires however it reaches ALLOWED_HOSTS; named hosts and dev-only wildcards do not."""
import os

import environ
from django.conf import settings
from fastapi import FastAPI
from starlette.middleware.trustedhost import TrustedHostMiddleware

env = environ.Env()
app = FastAPI()
DEBUG = os.environ.get("DEBUG") == "1"

# expect: VC213
ALLOWED_HOSTS = ["*"]

# expect: VC213
ALLOWED_HOSTS = ("*",)

# expect: VC213
ALLOWED_HOSTS = ["shop.example.com", "localhost", "*"]

# expect: VC213
ALLOWED_HOSTS += ["*"]

# expect: VC213
ALLOWED_HOSTS.append("*")

# expect: VC213
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "*").split(",")

# expect: VC213
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])

# expect: VC213
ALLOWED_HOSTS: list[str] = ["*"]

# expect: VC213
settings.configure(DEBUG=False, ALLOWED_HOSTS=["*"])

# expect: VC213
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["*"])


class Production:
    # expect: VC213
    ALLOWED_HOSTS = ["*"]


# ok: VC213
ALLOWED_HOSTS = ["shop.example.com", ".example.com"]

# ok: VC213
ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")

# ok: VC213
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost").split(",")

# ok: VC213
ALLOWED_HOSTS = ["*"] if DEBUG else ["shop.example.com"]

# ok: VC213
ALLOWED_HOSTS.append("api.example.com")

# ok: VC213
INTERNAL_IPS = ["*"]

# ok: VC213
CSRF_TRUSTED_ORIGINS = ["https://shop.example.com"]

# ok: VC213
app.add_middleware(TrustedHostMiddleware, allowed_hosts=["shop.example.com", "*.example.com"])

# ok: VC213
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost"])

if DEBUG:
    # ok: VC213
    ALLOWED_HOSTS = ["*"]
else:
    # expect: VC213
    ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,*").split(",")

settings.configure(
    DEBUG=False,
    SECRET_KEY=os.environ["SECRET_KEY"],
    # expect: VC213 -- reported on the setting's own line of a long call
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
)
settings.configure(
    DEBUG=False,
    # ok: VC213
    ALLOWED_HOSTS=os.environ.get("ALLOWED_HOSTS", "localhost").split(","),
)
