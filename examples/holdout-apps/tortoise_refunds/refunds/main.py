"""Application factory: routers and the Tortoise registration."""

from fastapi import FastAPI
from tortoise.contrib.fastapi import register_tortoise

from . import api, webhooks
from .settings import settings

app = FastAPI(title="Refunds")
app.include_router(api.router)
app.include_router(webhooks.router)

register_tortoise(
    app,
    db_url=settings.database_url,
    modules={"models": ["refunds.models"]},
    generate_schemas=False,
)
