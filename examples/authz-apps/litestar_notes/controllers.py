from litestar import Controller, Request, delete, get, patch
from litestar.exceptions import NotFoundException

from app import requires_login
from db import execute, fetch_one


class AttachmentController(Controller):
    path = "/attachments"
    guards = [requires_login]

    @get("/{attachment_id:int}")
    async def read_attachment(self, attachment_id: int) -> dict:
        # expect: VC214
        attachment = await fetch_one("SELECT * FROM attachments WHERE id = $1", attachment_id)
        if attachment is None:
            raise NotFoundException()
        return attachment

    @patch("/{attachment_id:int}")
    async def rename_attachment(self, request: Request, attachment_id: int, data: dict) -> dict:
        await execute("UPDATE attachments SET name = $1 WHERE id = $2 AND owner_id = $3", data["name"], attachment_id,
                      request.session["user_id"])
        return {"ok": True}


class TagController(Controller):
    path = "/tags"

    # expect: VC201
    @delete("/{tag_id:int}")
    async def delete_tag(self, tag_id: int) -> None:
        await execute("DELETE FROM tags WHERE id = $1", tag_id)

    @get("/{tag_id:int}")
    async def read_tag(self, tag_id: int) -> dict:
        return await fetch_one("SELECT id, name FROM tags WHERE id = $1", tag_id)
