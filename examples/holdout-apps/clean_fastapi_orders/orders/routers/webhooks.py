"""Inbound shipping webhooks, authenticated by an HMAC signature over the raw body."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, status
from pydantic import ValidationError
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import Order, get_db
from ..schemas import ShippingEvent
from ..security import signature_is_valid

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])


# ok: VC201 -- authenticated by the signature
@router.post("/shipping", status_code=status.HTTP_204_NO_CONTENT)
async def shipping_event(
    request: Request,
    x_signature: Annotated[str, Header()],
    db: Annotated[Session, Depends(get_db)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> None:
    payload = await request.body()
    if not signature_is_valid(payload, x_signature, settings.webhook_secret.get_secret_value()):
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Bad signature")
    try:
        event = ShippingEvent.model_validate_json(payload)
    except ValidationError as exc:
        # ok: VC414
        raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY, detail="Malformed event") from exc
    # ok: VC214 -- the signature says the provider sent it, and the provider ships every order
    order = db.get(Order, event.order_id)
    if order is None:
        logger.info("shipping event for unknown order %s", event.order_id)
        return
    order.status = event.status
    db.commit()
