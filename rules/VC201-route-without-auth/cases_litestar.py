"""VC201 corpus (Litestar): bare-verb handlers and controller methods guarded by their own `guards=`, their
controller's `guards`, a guarded `Router`, or nothing."""
from litestar import Controller, Litestar, Router, delete, get, patch, post, put, route
from litestar.controller import Controller as BaseController
from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException
from litestar.handlers.base import BaseRouteHandler


def requires_login(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if not connection.session.get("user_id"):
        raise NotAuthorizedException()


def requires_staff(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    if not connection.user.is_staff:
        raise NotAuthorizedException()


# expect: VC201
@post("/notes")
async def create_note(data: dict) -> dict:
    return await notes.create(data)


# expect: VC201
@delete("/notes/{note_id:int}")
async def delete_note(note_id: int) -> None:
    await notes.delete(note_id)


# expect: VC201
@put(path="/notes/{note_id:int}", guards=[])
async def replace_note(note_id: int, data: dict) -> dict:
    return await notes.replace(note_id, data)


# expect: VC201
@route("/notes/{note_id:int}/archive", http_method=["POST"])
async def archive_note(note_id: int) -> None:
    await notes.archive(note_id)


# expect: VC201
@get("/admin/notes")
async def all_notes() -> list[dict]:
    return await notes.all()


# expect: VC201 -- the router that lists it has no guards
@patch("/tags/{tag_id:int}")
async def rename_tag(tag_id: int, data: dict) -> dict:
    return await tags.rename(tag_id, data["name"])


# expect: VC201
@post("/users/{user_id:int}/activate")
async def activate_user(user_id: int) -> None:
    await users.activate(user_id)


# expect: VC201 -- `guards` spelled on the wrong call protects nothing
@post("/notes/import")
async def import_notes(data: list[dict]) -> None:
    await notes.import_all(data, guards=[requires_login])


# ok: VC201
@post("/notes/{note_id:int}/share", guards=[requires_login])
async def share_note(note_id: int) -> dict:
    return await notes.share(note_id)


# ok: VC201
@delete("/admin/notes/{note_id:int}", guards=[requires_login, requires_staff])
async def purge_note(note_id: int) -> None:
    await notes.purge(note_id)


# ok: VC201
@get("/notes/{note_id:int}")
async def read_note(note_id: int) -> dict:
    return await notes.get(note_id)


# ok: VC201 -- the router that lists it runs `requires_login` first
@post("/drafts")
async def create_draft(data: dict) -> dict:
    return await drafts.create(data)


# ok: VC201 -- the router that lists it runs `requires_login` first
@delete("/drafts/{draft_id:int}")
async def delete_draft(draft_id: int) -> None:
    await drafts.delete(draft_id)


# ok: VC201
@post("/login")
async def login(data: dict) -> dict:
    return await sessions.start(data)


# ok: VC201
@post("/notes/{note_id:int}/pin", guards=[requires_login])
async def pin_note(note_id: int) -> None:
    await notes.pin(note_id)


# ok: VC201
@get("/health")
async def health() -> dict:
    return {"ok": True}


class CommentController(Controller):
    path = "/comments"

    # expect: VC201 -- a controller without `guards`
    @delete("/{comment_id:int}")
    async def delete_comment(self, comment_id: int) -> None:
        await comments.delete(comment_id)

    # expect: VC201
    @post()
    async def create_comment(self, data: dict) -> dict:
        return await comments.create(data)

    # ok: VC201 -- a read that names no administrative path
    @get("/{comment_id:int}")
    async def read_comment(self, comment_id: int) -> dict:
        return await comments.get(comment_id)

    # ok: VC201 -- its own route guard
    @patch("/{comment_id:int}", guards=[requires_login])
    async def edit_comment(self, comment_id: int, data: dict) -> dict:
        return await comments.edit(comment_id, data)

    # ok: VC201 -- a helper, not a route
    async def delete_all(self) -> None:
        await comments.delete_all()


class LabelController(BaseController):
    path = "/labels"
    guards = [requires_login]

    # ok: VC201 -- the controller's guards run before each of its routes
    @delete("/{label_id:int}")
    async def delete_label(self, label_id: int) -> None:
        await labels.delete(label_id)

    # ok: VC201
    @post("/")
    async def create_label(self, data: dict) -> dict:
        return await labels.create(data)


class AttachmentController(Controller):
    path = "/attachments"

    # ok: VC201 -- the router that lists the controller runs `requires_login` first
    @delete("/{attachment_id:int}")
    async def delete_attachment(self, attachment_id: int) -> None:
        await attachments.delete(attachment_id)


class NotAController:
    # ok: VC201 -- its class is no `Controller`, so its methods are not routes
    @delete("/{thing_id:int}")
    async def delete_thing(self, thing_id: int) -> None:
        await things.delete(thing_id)


drafts_router = Router(path="/me", route_handlers=[create_draft, delete_draft, AttachmentController],
                       guards=[requires_login])
tags_router = Router(path="/", route_handlers=[rename_tag])
app = Litestar(route_handlers=[create_note, delete_note, replace_note, archive_note, all_notes, share_note, purge_note,
                               read_note, login, pin_note, health, import_notes, activate_user, drafts_router, tags_router,
                               CommentController, LabelController])
