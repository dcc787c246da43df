"""Order endpoints: every query is scoped to the signed-in owner."""

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response, status
from fastapi.responses import RedirectResponse
from sqlalchemy import bindparam, select, text
from sqlalchemy.orm import Session

from ..config import Settings, get_settings
from ..db import Order, User, get_db
from ..schemas import OrderCreate, OrderOut, OrderUpdate, StatusChange
from ..security import CurrentUser, require_admin
from ..carrier import is_payment_page
from ..shipping import ShippingError, create_shipment

router = APIRouter(prefix="/orders", tags=["orders"])
DbSession = Annotated[Session, Depends(get_db)]

SORT_COLUMNS = {"created": Order.created_at, "total": Order.total, "status": Order.status}


def _owned_order(db: Session, order_id: int, user: User) -> Order:
    # ok: VC214
    order = db.scalars(select(Order).where(Order.id == order_id, Order.owner_id == user.id)).first()
    if order is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Order not found")
    return order


@router.get("", response_model=list[OrderOut])
def list_orders(
    user: CurrentUser,
    db: DbSession,
    sort: Annotated[Literal["created", "total", "status"], Query()] = "created",
    descending: bool = True,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> list[Order]:
    column = SORT_COLUMNS[sort]
    # ok: VC402/VC422
    stmt = select(Order).where(Order.owner_id == user.id).order_by(column.desc() if descending else column.asc())
    # ok: VC428 -- `Query(ge=1, le=100)` caps the page
    return list(db.scalars(stmt.limit(limit)))


@router.get("/lookup", response_model=list[OrderOut])
def lookup_orders(user: CurrentUser, db: DbSession, ids: Annotated[list[int], Query(max_length=50)]) -> list[Order]:
    """Several orders at once, e.g. `/orders/lookup?ids=3&ids=7`; ids of other owners are silently left out."""
    stmt = text("SELECT id FROM orders WHERE owner_id = :owner AND id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    # ok: VC402/VC422
    found = db.execute(stmt, {"owner": user.id, "ids": ids}).scalars().all()
    # ok: VC214
    return list(db.scalars(select(Order).where(Order.id.in_(found), Order.owner_id == user.id)))


# ok: VC215/VC217
@router.post("", response_model=OrderOut, status_code=status.HTTP_201_CREATED)
def create_order(body: OrderCreate, user: CurrentUser, db: DbSession) -> Order:
    # ok: VC215
    order = Order(owner_id=user.id, **body.model_dump())
    db.add(order)
    db.commit()
    return order


@router.get("/{order_id}", response_model=OrderOut)
def get_order(order_id: int, user: CurrentUser, db: DbSession) -> Order:
    return _owned_order(db, order_id, user)


@router.patch("/{order_id}", response_model=OrderOut)
def update_order(order_id: int, body: OrderUpdate, user: CurrentUser, db: DbSession) -> Order:
    order = _owned_order(db, order_id, user)
    # ok: VC215
    for field, value in body.model_dump(exclude_unset=True).items():
        setattr(order, field, value)
    db.commit()
    return order


@router.delete("/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_order(order_id: int, user: CurrentUser, db: DbSession) -> Response:
    order = _owned_order(db, order_id, user)
    db.delete(order)
    db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{order_id}/receipt", response_model=OrderOut)
def get_receipt(order_id: int, user: CurrentUser, db: DbSession) -> Order:
    # expect: VC214 -- any signed-in user reads any order's receipt: the lookup is by id alone
    order = db.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Order not found")
    return order


# ok: VC218
@router.post("/{order_id}/status", response_model=OrderOut, dependencies=[Depends(require_admin)])
def change_status(
    order_id: int,
    body: StatusChange,
    db: DbSession,
    settings: Annotated[Settings, Depends(get_settings)],
) -> Order:
    # ok: VC214 -- admins act on any order; the route requires an admin
    order = db.get(Order, order_id)
    if order is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Order not found")
    if body.status == "shipped":
        try:
            create_shipment(order.id, settings)
        except ShippingError as exc:
            raise HTTPException(status_code=status.HTTP_502_BAD_GATEWAY, detail="Shipping provider unavailable") from exc
    order.status = body.status
    db.commit()
    return order


@router.get("/{order_id}/pay")
def pay(order_id: int, user: CurrentUser, db: DbSession, checkout_url: str) -> RedirectResponse:
    """Send the owner to the provider's checkout page the front-end obtained for this order."""
    _owned_order(db, order_id, user)
    if not is_payment_page(checkout_url):
        raise HTTPException(status_code=status.HTTP_400_BAD_REQUEST, detail="Not a checkout page")
    # ok: VC409 -- checked against the provider's origin above
    return RedirectResponse(checkout_url, status_code=status.HTTP_303_SEE_OTHER)
