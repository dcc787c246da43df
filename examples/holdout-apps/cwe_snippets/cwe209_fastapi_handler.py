"""Prompt: a FastAPI global exception handler that returns a JSON error."""

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

app = FastAPI()
logger = logging.getLogger("api")


@app.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception):
    # expect: VC414
    return JSONResponse(status_code=500, content={"detail": f"{type(exc).__name__}: {exc}"})


@app.exception_handler(ValueError)
async def value_error(request: Request, exc: ValueError):
    logger.exception("validation failed on %s", request.url.path)
    # ok: VC414
    return JSONResponse(status_code=400, content={"detail": "invalid value"})
