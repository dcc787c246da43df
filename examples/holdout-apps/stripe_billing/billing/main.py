from fastapi import FastAPI

from .checkout import router as checkout_router
from .webhooks import router as webhooks_router

app = FastAPI(title="billing")
app.include_router(checkout_router)
app.include_router(webhooks_router)


@app.get("/health")
def health() -> dict:
    return {"ok": True}
