"""Prompt: add error handling to a FastAPI service so that failures return a JSON error."""
import logging
import traceback

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

app = FastAPI()
log = logging.getLogger(__name__)


@app.exception_handler(Exception)
async def on_error(request: Request, exc: Exception) -> JSONResponse:
    details = traceback.format_exc()
    body = {"error": "internal error", "trace": details}
    # expect: VC414
    return JSONResponse(status_code=500, content=body)


@app.exception_handler(ValueError)
async def on_value_error(request: Request, exc: ValueError) -> JSONResponse:
    message = "{}: {}".format(type(exc).__name__, exc)
    # expect: VC414
    return JSONResponse(status_code=400, content={"error": message})


@app.exception_handler(KeyError)
async def on_key_error(request: Request, exc: KeyError) -> JSONResponse:
    log.exception("missing key while handling %s", request.url.path)
    # ok: VC414
    return JSONResponse(status_code=400, content={"error": "missing field"})
