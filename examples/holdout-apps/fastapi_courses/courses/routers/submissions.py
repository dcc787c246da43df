import os
import uuid
from pathlib import Path

import aiofiles
from fastapi import APIRouter, File, HTTPException, UploadFile
from fastapi.responses import FileResponse
from werkzeug.utils import secure_filename

from ..db import Session
from ..deps import CurrentUser
from ..models import Assignment, Submission
from ..repositories import EnrollmentRepository
from ..settings import settings

router = APIRouter(prefix="/assignments", tags=["submissions"])
ALLOWED_SUFFIXES = {".pdf", ".docx", ".zip", ".py", ".ipynb"}


@router.post("/{assignment_id}/submit")
async def submit(assignment_id: int, user: CurrentUser, session: Session, file: UploadFile = File(...)) -> dict:
    assignment = await session.get(Assignment, assignment_id)
    if assignment is None or not await EnrollmentRepository(session).is_enrolled(user.id, assignment.course_id):
        raise HTTPException(404, "assignment not found")
    dest = os.path.join(settings.upload_dir, str(assignment_id), file.filename)
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    # expect: VC405 -- stored under the client's file name (reported where it is written)
    async with aiofiles.open(dest, "wb") as out:
        # expect: VC428
        await out.write(await file.read())
    session.add(Submission(assignment_id=assignment_id, student_id=user.id, file_path=dest))
    await session.commit()
    return {"stored": dest}


@router.post("/{assignment_id}/submit/v2")
async def submit_v2(assignment_id: int, user: CurrentUser, session: Session, file: UploadFile = File(...)) -> dict:
    assignment = await session.get(Assignment, assignment_id)
    if assignment is None or not await EnrollmentRepository(session).is_enrolled(user.id, assignment.course_id):
        raise HTTPException(404, "assignment not found")
    suffix = Path(file.filename or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise HTTPException(415, "file type not allowed")
    folder = Path(settings.upload_dir) / str(assignment_id) / str(user.id)
    folder.mkdir(parents=True, exist_ok=True)
    # ok: VC405
    dest = folder / f"{uuid.uuid4().hex}{suffix}"
    async with aiofiles.open(dest, "wb") as out:
        # expect: VC428
        await out.write(await file.read())
    session.add(Submission(assignment_id=assignment_id, student_id=user.id, file_path=str(dest)))
    await session.commit()
    return {"id": dest.stem}


@router.post("/{assignment_id}/attachments")
async def upload_attachment(assignment_id: int, user: CurrentUser, file: UploadFile = File(...)) -> dict:
    folder = Path(settings.upload_dir) / "attachments" / str(assignment_id)
    folder.mkdir(parents=True, exist_ok=True)
    # ok: VC405
    dest = folder / secure_filename(file.filename or "attachment")
    # expect: VC428
    dest.write_bytes(await file.read())
    return {"name": dest.name}


@router.get("/files/{name:path}")
async def download(name: str, user: CurrentUser) -> FileResponse:
    # expect: VC405
    return FileResponse(os.path.join(settings.upload_dir, name))


@router.get("/submissions/{submission_id}/file")
async def download_submission(submission_id: int, user: CurrentUser, session: Session) -> FileResponse:
    submission = await session.get(Submission, submission_id)
    # ok: VC214
    if submission is None or submission.student_id != user.id:
        raise HTTPException(404, "submission not found")
    return FileResponse(submission.file_path)
