"""Application factory: sessions in an encrypted cookie, identity from the session, policy from the database."""

import asyncpg
from aiohttp import web
from aiohttp_security import SessionIdentityPolicy, setup as setup_security
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from docs.handlers import routes
from docs.policy import DBAuthorizationPolicy

SESSION_KEY = b"team-docs-session-key-32-bytes!!"


async def make_app(dsn: str) -> web.Application:
    app = web.Application()
    app["pool"] = await asyncpg.create_pool(dsn)
    # expect: VC203, VC210
    setup_session(app, EncryptedCookieStorage(SESSION_KEY, cookie_name="TEAMDOCS", secure=False))
    setup_security(app, SessionIdentityPolicy(), DBAuthorizationPolicy(app["pool"]))
    app.add_routes(routes)
    return app


if __name__ == "__main__":
    import os

    web.run_app(make_app(os.environ["DATABASE_URL"]), port=8080)
