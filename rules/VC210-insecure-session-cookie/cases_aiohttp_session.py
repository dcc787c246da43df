"""VC210 corpus: aiohttp-session's storages leave `secure` unset unless told, and keep `httponly` on unless told."""
import os

from aiohttp import web
from aiohttp_session import setup
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from aiohttp_session.redis_storage import RedisStorage

KEY = os.environ["SESSION_KEY"].encode()


def make_app(redis):
    app = web.Application()
    # expect: VC210
    setup(app, EncryptedCookieStorage(KEY, cookie_name="APP"))
    return app


def make_redis_app(redis):
    app = web.Application()
    # expect: VC210
    setup(app, RedisStorage(redis, secure=True, httponly=False))
    return app


def make_secure_app():
    app = web.Application()
    # ok: VC210 -- `httponly` is on by default
    setup(app, EncryptedCookieStorage(KEY, cookie_name="APP", secure=True, samesite="Lax"))
    return app


def make_unsecured_app():
    app = web.Application()
    # expect: VC210
    setup(app, EncryptedCookieStorage(KEY, secure=False))
    return app
