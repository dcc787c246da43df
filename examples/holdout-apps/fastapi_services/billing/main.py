import logging

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from .api.invoices import router as invoices_router

log = logging.getLogger("billing")
app = FastAPI(title="Billing")
# expect: VC209
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"],
                   allow_headers=["*"])
app.include_router(invoices_router)


@app.exception_handler(Exception)
async def unhandled(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s", request.url.path)
    # expect: VC414
    return JSONResponse({"error": str(exc), "type": type(exc).__name__}, status_code=500)


# ok: VC201
@app.get("/healthz")
def healthz() -> dict:
    return {"ok": True}
