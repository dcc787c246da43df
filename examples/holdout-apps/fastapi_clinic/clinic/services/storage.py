import os
import uuid
from pathlib import Path

import aiofiles
from fastapi import UploadFile

from ..config import settings

UPLOAD_ROOT = Path(settings.UPLOAD_DIR)
CHUNK_SIZE = 1024 * 1024


async def save_upload_safely(file: UploadFile) -> Path:
    suffix = Path(file.filename or "").suffix.lower()
    destination = UPLOAD_ROOT / f"{uuid.uuid4().hex}{suffix}"
    # ok: VC405/VC409/VC417
    async with aiofiles.open(destination, "wb") as out:
        while chunk := await file.read(CHUNK_SIZE):
            await out.write(chunk)
    return destination


def resolve_inside_uploads(relative: str) -> Path:
    candidate = (UPLOAD_ROOT / relative).resolve()
    if not candidate.is_relative_to(UPLOAD_ROOT.resolve()):
        raise ValueError("path escapes the upload directory")
    return candidate


def remove_file(path: str) -> None:
    if os.path.exists(path):
        os.remove(path)
