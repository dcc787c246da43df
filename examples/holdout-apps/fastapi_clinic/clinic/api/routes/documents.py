import os
import shutil

from fastapi import APIRouter, BackgroundTasks, File, HTTPException, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy import select

from ...config import settings
from ...models import Document, Patient
from ...security import CurrentUser, DbSession
from ...services.notifications import notify_new_document
from ...services.storage import remove_file, resolve_inside_uploads, save_upload_safely

router = APIRouter(prefix="/documents", tags=["documents"])


@router.post("/{patient_id}/upload", status_code=201)
async def upload_document(
    patient_id: int,
    background_tasks: BackgroundTasks,
    db: DbSession,
    user: CurrentUser,
    file: UploadFile = File(...),
) -> dict:
    patient = await db.scalar(select(Patient).where(Patient.id == patient_id, Patient.user_id == user.id))
    if patient is None:
        raise HTTPException(status_code=404, detail="Patient not found")
    upload_dir = os.path.join(settings.UPLOAD_DIR, str(patient_id))
    os.makedirs(upload_dir, exist_ok=True)
    file_location = os.path.join(upload_dir, file.filename)
    # expect: VC405/VC409, VC110
    with open(file_location, "wb") as buffer:
        shutil.copyfileobj(file.file, buffer)
    doc = Document(
        patient_id=patient_id,
        owner_id=user.id,
        filename=file.filename,
        stored_path=file_location,
        content_type=file.content_type or "application/octet-stream",
    )
    db.add(doc)
    await db.commit()
    background_tasks.add_task(notify_new_document, user.email, file.filename)
    return {"id": doc.id, "filename": doc.filename}


@router.post("/{patient_id}/scan", status_code=201)
async def upload_scan(patient_id: int, db: DbSession, user: CurrentUser, file: UploadFile = File(...)) -> dict:
    stored = await save_upload_safely(file)
    doc = Document(patient_id=patient_id, owner_id=user.id, filename=file.filename or stored.name,
                   stored_path=str(stored), content_type=file.content_type or "application/octet-stream")
    db.add(doc)
    await db.commit()
    return {"id": doc.id}


@router.get("/{document_id}")
async def download_document(document_id: int, db: DbSession, user: CurrentUser) -> FileResponse:
    # expect: VC214
    result = await db.execute(select(Document).where(Document.id == document_id))
    doc = result.scalar_one_or_none()
    if doc is None:
        raise HTTPException(status_code=404, detail="Document not found")
    return FileResponse(doc.stored_path, filename=doc.filename, media_type=doc.content_type)


@router.get("/files/{file_path:path}")
async def serve_file(file_path: str, user: CurrentUser) -> FileResponse:
    full_path = os.path.join(settings.UPLOAD_DIR, file_path)
    if not os.path.isfile(full_path):
        raise HTTPException(status_code=404, detail="File not found")
    # expect: VC405
    return FileResponse(full_path)


@router.get("/safe-files/{file_path:path}")
async def serve_file_checked(file_path: str, user: CurrentUser) -> FileResponse:
    try:
        target = resolve_inside_uploads(file_path)
    except ValueError:
        raise HTTPException(status_code=400, detail="Invalid path") from None
    # ok: VC405
    return FileResponse(target)


@router.delete("/{document_id}", status_code=204)
async def delete_document(document_id: int, db: DbSession, user: CurrentUser) -> None:
    doc = await db.scalar(select(Document).where(Document.id == document_id, Document.owner_id == user.id))
    if doc is None:
        raise HTTPException(status_code=404, detail="Document not found")
    remove_file(doc.stored_path)
    await db.delete(doc)
    await db.commit()
