from fastapi import APIRouter, HTTPException
from sqlalchemy import select

from .db import Note, SessionDep, database
from .deps import Account
from .schemas import NoteIn, NoteUpdate

router = APIRouter()


@router.get("/notes/{note_id}")
async def read_note(note_id: int, account: Account, session: SessionDep):
    # expect: VC214
    note = session.scalars(select(Note).where(Note.id == note_id)).first()
    if note is None:
        raise HTTPException(404)
    return note


@router.delete("/notes/{note_id}")
async def remove_note(note_id: int, account: Account):
    # expect: VC214
    await database.execute("DELETE FROM notes WHERE id = :id", {"id": note_id})
    return {"deleted": note_id}


@router.put("/notes/{note_id}")
async def replace_note(note_id: int, body: NoteUpdate, account: Account, session: SessionDep):
    note = session.get(Note, note_id)
    if note.owner_id != account["id"]:
        raise HTTPException(403)
    for field, value in body.model_dump().items():
        # expect: VC215 -- `NoteUpdate` (in `schemas.py`) lets the client send `owner_id`
        setattr(note, field, value)
    return note


@router.post("/notes")
async def create_note(body: NoteIn, account: Account, session: SessionDep):
    note = Note(**body.model_dump(), owner_id=account["id"])
    session.add(note)
    return note
