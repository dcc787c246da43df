import logging

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from .api.routes import admin, auth, documents, labs, patients, webhooks
from .config import settings

logger = logging.getLogger(__name__)

app = FastAPI(title=settings.PROJECT_NAME)

# expect: VC209
app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=".*",
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

for module in (auth, patients, documents, labs, webhooks, admin):
    app.include_router(module.router, prefix="/api")


@app.exception_handler(Exception)
async def unhandled_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("Unhandled error on %s", request.url.path)
    # expect: VC414
    return JSONResponse(status_code=500, content={"detail": "Internal server error", "error": repr(exc)})


@app.get("/health")
async def health() -> dict:
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("clinic.main:app", host="0.0.0.0", port=8000, reload=True)
