"""A FastAPI app served from Modal for the job dashboard."""

import modal
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from inference.common import app, secrets

web_app = FastAPI()
# expect: VC209
web_app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
jobs = modal.Dict.from_name("inference-jobs", create_if_missing=True)


# expect: VC214/VC219
@web_app.get("/jobs/{job_id}")
async def get_job(job_id: str):
    return jobs.get(job_id, {})


@web_app.post("/jobs/{job_id}/cancel")
async def cancel_job(job_id: str, request: Request):
    # expect: VC207
    if request.headers.get("X-User-Role") != "operator":
        return JSONResponse({"error": "forbidden"}, status_code=403)
    job = jobs.get(job_id)
    if job is None:
        return JSONResponse({"error": "not found"}, status_code=404)
    job["status"] = "cancelled"
    jobs[job_id] = job
    return job


@web_app.exception_handler(Exception)
async def on_error(request: Request, exc: Exception):
    # expect: VC414
    return JSONResponse({"error": repr(exc)}, status_code=500)


@app.function(secrets=secrets)
@modal.asgi_app()
def dashboard():
    return web_app
