import logging

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from bookings.db import init_db
from bookings.routes import admin, auth, bookings, rooms

logger = logging.getLogger("bookings")


@asynccontextmanager
async def lifespan(app: FastAPI):
    await init_db()
    yield


# expect: VC211
app = FastAPI(title="Room bookings", lifespan=lifespan, debug=True)

# expect: VC209
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

app.include_router(auth.router)
app.include_router(bookings.router)
app.include_router(rooms.router)
app.include_router(admin.router)
app.include_router(admin.internal)


@app.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s", request.url.path)
    # expect: VC414
    return JSONResponse(status_code=500, content={"detail": f"Internal error: {exc}"})


@app.get("/health")
async def health() -> dict:
    return {"ok": True}
