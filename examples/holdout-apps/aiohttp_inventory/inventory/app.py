import asyncpg
from aiohttp import ClientSession, ClientTimeout, web

from .config import DATABASE_DSN
from .handlers import routes
from .middleware import auth_middleware, error_middleware


async def on_startup(app: web.Application) -> None:
    app["db"] = await asyncpg.create_pool(DATABASE_DSN)
    app["http"] = ClientSession(timeout=ClientTimeout(total=30))


async def on_cleanup(app: web.Application) -> None:
    await app["http"].close()
    await app["db"].close()


def make_app() -> web.Application:
    app = web.Application(middlewares=[error_middleware, auth_middleware])
    app.add_routes(routes)
    app.on_startup.append(on_startup)
    app.on_cleanup.append(on_cleanup)
    return app


if __name__ == "__main__":
    web.run_app(make_app(), host="127.0.0.1", port=8080)
