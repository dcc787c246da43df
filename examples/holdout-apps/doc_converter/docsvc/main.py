import shutil
import subprocess
import time
import uuid
from pathlib import Path

import httpx
from fastapi import Depends, FastAPI, File, HTTPException, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, PlainTextResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from . import archive, convert, exports, images
from .auth import current_user, require_admin
from .db import Document, User, get_session
from .settings import OUTPUT, UPLOADS, WORK

app = FastAPI(title="docsvc")


class UrlJob(BaseModel):
    url: str


@app.post("/documents")
async def upload_document(file: UploadFile = File(...), user: User = Depends(current_user),
                          session: Session = Depends(get_session)):
    dest = UPLOADS / file.filename
    # expect: VC405, VC110
    with open(dest, "wb") as fh:
        shutil.copyfileobj(file.file, fh)
    # expect: VC112/VC110
    pdf = convert.office_to_pdf(dest) if dest.suffix.lower() != ".pdf" else dest
    # expect: VC112
    doc = Document(owner_id=user.id, filename=file.filename, stored_as=str(pdf), pages=convert.page_count(str(pdf)))
    session.add(doc)
    session.commit()
    return {"id": doc.id}


@app.post("/documents/safe")
async def upload_document_safe(file: UploadFile = File(...), user: User = Depends(current_user),
                               session: Session = Depends(get_session)):
    dest = UPLOADS / f"{uuid.uuid4().hex}{Path(file.filename or '').suffix.lower()}"
    # ok: VC405
    # expect: VC428
    dest.write_bytes(await file.read())
    # ok: VC110
    pdf = await run_in_threadpool(convert.office_to_pdf_safe, dest)
    doc = Document(owner_id=user.id, filename=file.filename or dest.name, stored_as=str(pdf))
    session.add(doc)
    session.commit()
    return {"id": doc.id}


@app.post("/convert/pdf-to-text")
async def pdf_text(file: UploadFile = File(...), user: User = Depends(current_user)):
    path = WORK / file.filename
    # expect: VC405
    # expect: VC428
    path.write_bytes(await file.read())
    # expect: VC112 -- the command line it builds is reported in convert.py
    return PlainTextResponse(convert.pdf_to_text(str(path)))


@app.post("/convert/compress")
async def compress(file: UploadFile = File(...), quality: str = "ebook", user: User = Depends(current_user)):
    path = WORK / f"{uuid.uuid4().hex}.pdf"
    # expect: VC428
    path.write_bytes(await file.read())
    # expect: VC112
    out = convert.compress_pdf(str(path), quality)
    return FileResponse(out, media_type="application/pdf")


@app.post("/convert/thumbnail")
async def pdf_thumb(file: UploadFile = File(...), user: User = Depends(current_user)):
    path = WORK / f"{uuid.uuid4().hex}.pdf"
    # expect: VC428
    path.write_bytes(await file.read())
    out = WORK / f"{path.stem}.png"
    # expect: VC110
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=png16m", "-dLastPage=1",
                    f"-sOutputFile={out}", str(path)], check=True, timeout=60)
    return FileResponse(out, media_type="image/png")


@app.post("/bulk")
async def bulk_upload(file: UploadFile = File(...), user: User = Depends(current_user)):
    job = WORK / uuid.uuid4().hex
    job.mkdir()
    bundle = job / "bundle"
    # expect: VC428
    bundle.write_bytes(await file.read())
    if file.filename.endswith(".zip"):
        members = archive.unpack_zip(bundle, job)
    else:
        members = archive.unpack_tarball(bundle, job)
    return {"files": [m.name for m in members]}


@app.post("/images/thumbnail")
async def image_thumbnail(file: UploadFile = File(...), user: User = Depends(current_user)):
    # expect: VC428
    data = await file.read()
    return Response(images.thumbnail(data), media_type="image/jpeg")


@app.post("/fetch")
async def fetch_remote(job: UrlJob, user: User = Depends(current_user)):
    async with httpx.AsyncClient(timeout=30) as client:
        # expect: VC405
        resp = await client.get(job.url)
    resp.raise_for_status()
    name = f"{uuid.uuid4().hex}.pdf"
    (UPLOADS / name).write_bytes(resp.content)
    return {"stored": name}


@app.get("/output/{name}")
async def get_output(name: str, user: User = Depends(current_user)):
    # expect: VC405
    return FileResponse(OUTPUT / name)


@app.get("/output/checked/{name}")
async def get_output_checked(name: str, user: User = Depends(current_user)):
    path = (OUTPUT / name).resolve()
    if not path.is_relative_to(OUTPUT.resolve()):
        raise HTTPException(status_code=404)
    # ok: VC405
    return FileResponse(path)


@app.get("/documents/{doc_id}/text")
def document_text(doc_id: int, user: User = Depends(current_user), session: Session = Depends(get_session)):
    # expect: VC214
    doc = session.get(Document, doc_id)
    if doc is None:
        raise HTTPException(status_code=404)
    return {"text": doc.text}


@app.get("/exports/documents.csv")
def export_documents(user: User = Depends(current_user), session: Session = Depends(get_session)):
    return PlainTextResponse(exports.documents_csv(session, user.id), media_type="text/csv")


@app.get("/exports/search.csv")
def export_search(q: str, user: User = Depends(current_user), session: Session = Depends(get_session)):
    try:
        body = exports.search_csv(session, user.id, q)
    except Exception as exc:
        # expect: VC414, VC105
        raise HTTPException(status_code=500, detail=f"export failed: {exc}")
    return PlainTextResponse(body, media_type="text/csv")


@app.post("/admin/purge", dependencies=[Depends(require_admin)])
async def purge_work():
    removed = 0
    for child in WORK.iterdir():
        shutil.rmtree(child, ignore_errors=True)
        removed += 1
    # expect: VC110
    time.sleep(0.5)
    return {"removed": removed}
