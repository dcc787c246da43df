import os

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

app = FastAPI()
API_KEY = os.getenv("INTERNAL_API_KEY")


@app.middleware("http")
async def check_api_key(request: Request, call_next):
    # expect: VC216
    if not API_KEY:
        return await call_next(request)
    if request.headers.get("x-api-key") != API_KEY:
        return JSONResponse({"detail": "Unauthorized"}, status_code=401)
    return await call_next(request)


@app.post("/jobs")
def start_job(job: dict):
    return enqueue(job)


@app.delete("/jobs/{job_id}")
def cancel_job(job_id: str):
    return cancel(job_id)


def admin_token_ok(token: str | None) -> bool:
    expected = os.getenv("ADMIN_TOKEN")
    # expect: VC216
    if token and token != expected:
        return False
    return True
