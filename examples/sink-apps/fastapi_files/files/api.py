"""File conversion API."""
import os
import subprocess

import httpx
import yaml
from fastapi import APIRouter, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse
from ruamel.yaml import YAML

from files import db, remote

router = APIRouter(prefix="/files")
BASE = "/srv/files"
BLOCKED = {"203.0.113.7"}


@router.post("/convert")
async def convert(file: UploadFile = File(...), fmt: str = Form("pdf")):
    path = os.path.join("/tmp", file.filename)
    # sink: CWE-22
    with open(path, "wb") as handle:
        handle.write(await file.read())
    # sink: CWE-78
    subprocess.run(f"libreoffice --headless --convert-to {fmt} {path}", shell=True, check=True)
    return {"converted": path}


@router.post("/convert-safe")
async def convert_safe(file: UploadFile = File(...), fmt: str = Form("pdf")):
    if fmt not in {"pdf", "docx"}:
        raise HTTPException(status_code=400, detail="unsupported format")
    path = os.path.join("/tmp", os.path.basename(file.filename))
    with open(path, "wb") as handle:
        handle.write(await file.read())
    # safe: CWE-78
    subprocess.run(["libreoffice", "--headless", "--convert-to", fmt, path], check=True)
    return {"converted": path}


@router.get("/raw/{file_path:path}")
async def raw(file_path: str):
    # sink: CWE-22
    return FileResponse(os.path.join(BASE, file_path))


@router.get("/proxy")
async def proxy(target: str):
    try:
        return {"size": len(await remote.fetch(target))}
    except httpx.HTTPStatusError as exc:
        # sink: CWE-209
        raise HTTPException(status_code=502, detail=exc.response.text)


@router.get("/proxy-safe")
async def proxy_safe(target: str):
    return {"size": len(await remote.fetch_allowed(target))}


@router.get("/jobs")
async def jobs(request: Request):
    ip = request.headers.get("x-forwarded-for", request.client.host)
    # sink: CWE-348
    if ip in BLOCKED:
        raise HTTPException(status_code=403, detail="blocked")
    return db.list_jobs(request)


@router.get("/jobs/{job_id}")
async def job(job_id: int):
    return db.job_by_id(job_id)


@router.post("/settings")
async def settings(file: UploadFile = File(...)):
    # sink: CWE-502
    return yaml.load(await file.read(), Loader=yaml.UnsafeLoader)


@router.post("/settings-rt")
async def settings_roundtrip(file: UploadFile = File(...)):
    # sink: CWE-502
    return YAML(typ="unsafe").load(await file.read())


@router.post("/settings-safe")
async def settings_safe(file: UploadFile = File(...)):
    # safe: CWE-502
    return yaml.safe_load(await file.read())


app = FastAPI()
app.include_router(router)
