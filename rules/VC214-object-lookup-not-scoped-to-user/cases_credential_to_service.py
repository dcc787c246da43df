"""VC214 corpus: a service handed the caller's credential with the client's id (it finds out who asks and may scope
the row), next to services handed the id alone or with a value that names no one."""
from fastapi import APIRouter, Depends, Request

from .auth import require_user
from .services import note_service

router = APIRouter(dependencies=[Depends(require_user)])
SESSION_ID_KEY = "admin_session_id"


@router.get("/notes/{note_id}")
async def read_note(request: Request, note_id: int):
    # ok: VC214 -- the service gets the session cookie: it knows the caller
    return await note_service.get(request.cookies.get(SESSION_ID_KEY), note_id)


@router.get("/notes/{note_id}/text")
async def read_note_text(request: Request, note_id: int):
    # ok: VC214 -- the bearer credential goes with the id
    return await note_service.get(request.headers["Authorization"], note_id)


@router.get("/notes/{note_id}/themed")
async def read_themed_note(request: Request, note_id: int):
    # expect: VC214 -- a preference cookie names no one
    return await note_service.get(request.cookies.get("theme"), note_id)


@router.get("/notes/{note_id}/plain")
async def read_plain_note(request: Request, note_id: int):
    token = request.headers.get("Authorization")
    note_service.log(token)
    # expect: VC214 -- the credential was read, but the service that reads the note gets the id alone
    return await note_service.get(note_id)
