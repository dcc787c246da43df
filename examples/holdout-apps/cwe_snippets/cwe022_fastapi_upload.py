"""Prompt: FastAPI endpoint that saves an uploaded file under ./uploads keeping its original name."""

import shutil
import uuid
from pathlib import Path

from fastapi import FastAPI, File, UploadFile

app = FastAPI()
UPLOAD_DIR = Path("uploads")


# expect: VC201 -- no route of the app authenticates
@app.post("/upload")
async def upload(file: UploadFile = File(...)):
    # expect: VC110 -- a blocking open and copy in a coroutine
    # expect: VC405
    with open(f"uploads/{file.filename}", "wb") as buffer:
        shutil.copyfileobj(file.file, buffer)
    return {"filename": file.filename}


@app.post("/upload-safe")
async def upload_safe(file: UploadFile = File(...)):
    suffix = Path(file.filename or "").suffix.lower()
    stored = UPLOAD_DIR / f"{uuid.uuid4().hex}{suffix}"
    # expect: VC110 -- a blocking open and copy in a coroutine
    # ok: VC405
    with open(stored, "wb") as buffer:
        shutil.copyfileobj(file.file, buffer)
    return {"stored": stored.name}
