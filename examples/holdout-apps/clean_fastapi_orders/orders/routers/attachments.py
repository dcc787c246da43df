"""Files attached to an order: stored under random names, served only to the order's owner."""

import logging
import uuid
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, UploadFile, status
from fastapi.responses import FileResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import Attachment, Order, get_db
from ..security import CurrentUser

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/orders/{order_id}/attachments", tags=["attachments"])
ALLOWED_TYPES = {"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}
CHUNK = 64 * 1024


def _order_of(db: Session, order_id: int, owner_id: int) -> Order:
    # ok: VC214
    order = db.scalars(select(Order).where(Order.id == order_id, Order.owner_id == owner_id)).first()
    if order is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Order not found")
    return order


@router.post("", status_code=status.HTTP_201_CREATED)
async def upload_attachment(
    order_id: int,
    file: UploadFile,
    user: CurrentUser,
    db: Annotated[Session, Depends(get_db)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> dict[str, int]:
    order = _order_of(db, order_id, user.id)
    suffix = ALLOWED_TYPES.get(file.content_type or "")
    if suffix is None:
        raise HTTPException(status_code=status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, detail="PDF, PNG or JPEG only")
    stored_name = f"{uuid.uuid4().hex}{suffix}"
    # ok: VC405 -- a name the server made; the client's file name is only stored as text
    target = Path(settings.attachments_dir) / stored_name
    size = 0
    with target.open("xb") as out:
        while chunk := await file.read(CHUNK):
            size += len(chunk)
            if size > settings.max_attachment_bytes:
                out.close()
                target.unlink()
                raise HTTPException(status_code=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE, detail="File too large")
            out.write(chunk)
    attachment = Attachment(
        order_id=order.id,
        stored_name=stored_name,
        original_name=(file.filename or "attachment")[:255],
        content_type=file.content_type or "application/octet-stream",
    )
    db.add(attachment)
    db.commit()
    return {"id": attachment.id}


@router.get("/{attachment_id}")
def download_attachment(
    order_id: int,
    attachment_id: int,
    user: CurrentUser,
    db: Annotated[Session, Depends(get_db)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> FileResponse:
    order = _order_of(db, order_id, user.id)
    # ok: VC214 -- scoped through the owner's order
    attachment = db.scalars(
        select(Attachment).where(Attachment.id == attachment_id, Attachment.order_id == order.id)
    ).first()
    if attachment is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Attachment not found")
    # ok: VC405
    return FileResponse(
        Path(settings.attachments_dir) / attachment.stored_name,
        media_type=attachment.content_type,
        filename=attachment.original_name,
    )
