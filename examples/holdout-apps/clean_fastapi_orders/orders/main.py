"""Application factory: routers, CORS for the configured front-ends, and a handler that hides internals."""

import logging

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from .config import get_settings
from .routers import admin, attachments, auth, live, orders, password_reset, webhooks

logger = logging.getLogger(__name__)


def create_app() -> FastAPI:
    settings = get_settings()
    # ok: VC211
    app = FastAPI(title="Orders", debug=settings.debug)
    # ok: VC209
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_credentials=True,
        allow_methods=["GET", "POST", "PATCH", "DELETE"],
        allow_headers=["Authorization", "Content-Type"],
    )
    app.include_router(auth.router)
    app.include_router(orders.router)
    app.include_router(webhooks.router)
    app.include_router(attachments.router)
    app.include_router(password_reset.router)
    app.include_router(admin.router)
    app.include_router(live.router)

    @app.exception_handler(Exception)
    async def unhandled(request: Request, exc: Exception) -> JSONResponse:
        logger.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        # ok: VC414
        return JSONResponse(status_code=500, content={"detail": "Internal server error"})

    return app


app = create_app()
