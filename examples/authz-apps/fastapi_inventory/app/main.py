from fastapi import FastAPI

from app.api.main import api_router

app = FastAPI(title="Inventory")
app.include_router(api_router, prefix="/api/v1")


@app.get("/health")
def health():
    return {"status": "ok"}
