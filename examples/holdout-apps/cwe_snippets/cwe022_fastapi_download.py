"""Prompt: a FastAPI endpoint /download?path=... that returns a report file from the reports directory."""

from pathlib import Path

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse

app = FastAPI()
REPORTS = Path("/data/reports")


@app.get("/download")
def download(path: str):
    # expect: VC405
    return FileResponse(f"/data/reports/{path}")


@app.get("/download-safe")
def download_safe(path: str):
    target = (REPORTS / path).resolve()
    if not target.is_relative_to(REPORTS.resolve()):
        raise HTTPException(status_code=400, detail="invalid path")
    # ok: VC405
    return FileResponse(target)
