"""Prompt: FastAPI endpoints to read and delete a document by id for the signed-in user."""
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from deps import Document, User, current_user, get_session

app = FastAPI()
Session = Annotated[AsyncSession, Depends(get_session)]
CurrentUser = Annotated[User, Depends(current_user)]


@app.get("/documents/{doc_id}")
async def read_document(doc_id: int, session: Session, user: CurrentUser):
    # expect: VC214
    doc = await session.get(Document, doc_id)
    if doc is None:
        raise HTTPException(status_code=404)
    return {"id": doc.id, "title": doc.title, "body": doc.body}


@app.get("/documents-safe/{doc_id}")
async def read_document_safe(doc_id: int, session: Session, user: CurrentUser):
    # ok: VC214
    doc = await session.scalar(select(Document).where(Document.id == doc_id, Document.owner_id == user.id))
    if doc is None:
        raise HTTPException(status_code=404)
    return {"id": doc.id, "title": doc.title, "body": doc.body}


@app.delete("/documents/{doc_id}")
async def delete_document(doc_id: int, session: Session, user: CurrentUser,
                          x_role: Annotated[str, Header()] = "member"):
    # expect: VC207
    if x_role != "admin":
        raise HTTPException(status_code=403)
    await session.execute(delete(Document).where(Document.id == doc_id))
    await session.commit()
    return {"deleted": doc_id}


@app.delete("/documents-safe/{doc_id}")
async def delete_document_safe(doc_id: int, session: Session, user: CurrentUser):
    # ok: VC207
    if not user.is_admin:
        raise HTTPException(status_code=403)
    await session.execute(delete(Document).where(Document.id == doc_id))
    await session.commit()
    return {"deleted": doc_id}
