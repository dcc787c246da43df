"""File search over the data directory: find files by content or by name, optionally below a subdirectory."""

import os
import re
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import FileResponse, PlainTextResponse
from pydantic import BaseModel

DATA_DIR = Path(os.environ.get("DATA_DIR", "/data")).resolve()

app = FastAPI(title="File search")


class SearchRequest(BaseModel):
    search_content: str | None = None
    search_filename: str | None = None
    search_dir: str | None = None


# expect: VC201
@app.post("/search")
def search(req: SearchRequest):
    if not req.search_content and not req.search_filename:
        raise HTTPException(status_code=400, detail="Invalid input")
    root = os.path.join(DATA_DIR, req.search_dir.lstrip("/")) if req.search_dir else str(DATA_DIR)
    matches = []
    # expect: VC405/VC409
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            full = os.path.join(dirpath, name)
            if req.search_filename and name.startswith(req.search_filename):
                matches.append(full)
                continue
            if req.search_content:
                try:
                    with open(full, "r", errors="ignore") as fh:
                        if req.search_content in fh.read():
                            matches.append(full)
                except OSError:
                    continue
    return {"files": matches}


@app.post("/search/safe")
def search_safe(req: SearchRequest):
    root = (DATA_DIR / (req.search_dir or "").lstrip("/")).resolve()
    if not root.is_relative_to(DATA_DIR):
        raise HTTPException(status_code=400, detail="Invalid search_dir")
    matches = []
    # ok: VC405/VC409
    for path in root.rglob("*"):
        if path.is_file() and req.search_filename and path.name.startswith(req.search_filename):
            matches.append(str(path))
    return {"files": matches}


@app.get("/grep")
def grep(pattern: str = Query(..., max_length=200), name: str = Query(...)):
    # expect: VC405/VC409
    text = Path(DATA_DIR, name).read_text(errors="ignore")
    # expect: VC409
    hits = [line for line in text.splitlines() if re.search(pattern, line)]
    return {"lines": hits[:100]}


@app.get("/files/{file_path:path}")
def get_file(file_path: str):
    target = (DATA_DIR / file_path).resolve()
    if DATA_DIR not in target.parents or not target.is_file():
        raise HTTPException(status_code=404, detail="Not found")
    # ok: VC405/VC409
    return FileResponse(target)


@app.get("/raw")
def raw(path: str):
    # expect: VC405/VC409
    return PlainTextResponse(open(f"{DATA_DIR}/{path}").read())
