from dataclasses import dataclass

from litestar import Litestar, Request, delete, get, post, put
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, NotFoundException
from litestar.handlers.base import BaseRouteHandler
from litestar.params import Parameter

from db import fetch_all, fetch_one, execute


@dataclass
class NoteIn:
    title: str
    body: str


def requires_login(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if not connection.session.get("user_id"):
        raise NotAuthorizedException()


@get("/notes", guards=[requires_login])
async def list_notes(request: Request) -> list[dict]:
    return await fetch_all("SELECT id, title FROM notes WHERE owner_id = $1", request.session["user_id"])


@get("/notes/{note_id:int}", guards=[requires_login])
async def get_note(request: Request, note_id: int) -> dict:
    # expect: VC214
    note = await fetch_one("SELECT * FROM notes WHERE id = $1", note_id)
    if note is None:
        raise NotFoundException()
    return note


@put("/notes/{note_id:int}", guards=[requires_login])
async def update_note(request: Request, note_id: int, data: NoteIn) -> dict:
    await execute(
        "UPDATE notes SET title = $1, body = $2 WHERE id = $3 AND owner_id = $4",
        data.title, data.body, note_id, request.session["user_id"],
    )
    return {"ok": True}


# expect: VC201
@delete("/notes/{note_id:int}")
async def delete_note(note_id: int) -> None:
    await execute("DELETE FROM notes WHERE id = $1", note_id)


@get("/notes/search", guards=[requires_login])
async def search_notes(request: Request, q: str = Parameter(query="q"), order: str = "title") -> list[dict]:
    owner = request.session["user_id"]
    where = f"owner_id = {owner} AND title ILIKE '%{q}%'"
    sql = "SELECT id, title FROM notes WHERE " + where + " ORDER BY " + order
    return await fetch_all(sql)


@post("/notes", guards=[requires_login])
async def create_note(request: Request, data: NoteIn) -> dict:
    await execute("INSERT INTO notes (title, body, owner_id) VALUES ($1, $2, $3)", data.title, data.body,
                  request.session["user_id"])
    return {"ok": True}


app = Litestar(route_handlers=[list_notes, get_note, update_note, delete_note, search_notes, create_note])
