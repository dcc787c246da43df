from django.db import connection
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Router, Schema

from .auth import JWTAuth, PartnerKey
from .models import Coupon, Order

api = NinjaAPI(auth=JWTAuth(), title="Shop API")
orders = Router(tags=["orders"])
partners = Router(auth=PartnerKey())


class OrderOut(Schema):
    id: int
    status: str
    total_cents: int


class AddressIn(Schema):
    shipping_address: str


@orders.get("/", response=list[OrderOut])
def list_orders(request):
    return Order.objects.filter(owner=request.auth)


@orders.get("/{order_id}", response=OrderOut)
def get_order(request, order_id: int):
    # expect: VC214
    return get_object_or_404(Order, id=order_id)


@orders.put("/{order_id}/address", response=OrderOut)
def change_address(request, order_id: int, payload: AddressIn):
    # ok: VC214
    order = get_object_or_404(Order, id=order_id, owner=request.auth)
    order.shipping_address = payload.shipping_address
    order.save(update_fields=["shipping_address"])
    return order


@orders.patch("/{order_id}", response=OrderOut)
def update_order(request, order_id: int, payload: dict):
    order = get_object_or_404(Order, id=order_id, owner=request.auth)
    for field, value in payload.items():
        # expect: VC215
        setattr(order, field, value)
    order.save()
    return order


@orders.get("/report/export")
def export_orders(request, sort: str = "created"):
    with connection.cursor() as cursor:
        # expect: VC409/VC422
        cursor.execute(f"SELECT id, status, total_cents FROM shop_order WHERE owner_id = %s ORDER BY {sort}",
                       [request.auth.id])
        return cursor.fetchall()


@orders.get("/report/by-status")
def orders_by_status(request, status: str = "pending"):
    with connection.cursor() as cursor:
        # ok: VC409/VC422/VC402
        cursor.execute("SELECT id, total_cents FROM shop_order WHERE owner_id = %s AND status = %s",
                       [request.auth.id, status])
        return cursor.fetchall()


# expect: VC201
@orders.post("/{order_id}/refund", auth=None)
def refund_order(request, order_id: int):
    order = get_object_or_404(Order, id=order_id)
    order.status = "refunded"
    order.save(update_fields=["status"])
    return {"id": order.id, "status": order.status}


@api.get("/coupons/{code}")
def coupon(request, code: str):
    # ok: VC214
    found = get_object_or_404(Coupon, code=code)
    return {"code": found.code, "percent_off": found.percent_off}


# ok: VC201
@api.get("/health", auth=None)
def health(request):
    return {"ok": True}


@partners.post("/orders/{order_id}/status")
def partner_set_status(request, order_id: int, status: str):
    # expect: VC214
    Order.objects.filter(id=order_id).update(status=status)
    return {"ok": True}


api.add_router("/orders", orders)
api.add_router("/partners", partners)
