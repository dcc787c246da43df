import logging

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from .routers import enrollment, grades, quizzes, submissions
from .settings import settings

log = logging.getLogger(__name__)
app = FastAPI(title="Courses")
app.add_middleware(
    CORSMiddleware,
    # ok: VC209
    allow_origins=settings.cors_origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.include_router(grades.router)
app.include_router(enrollment.router)
app.include_router(submissions.router)
app.include_router(quizzes.router)


@app.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s", request.url.path)
    # expect: VC414
    return JSONResponse({"error": str(exc), "type": type(exc).__name__}, status_code=500)


@app.get("/health")
async def health() -> dict:
    return {"ok": True}
