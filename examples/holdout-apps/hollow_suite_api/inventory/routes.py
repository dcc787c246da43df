from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, jsonify, request

from inventory.models import Item, db
from inventory.stock import OutOfStock, reserve

bp = Blueprint("inventory", __name__)


@bp.get("/items")
# ok: VC301
def list_items():
    return jsonify([item.to_dict() for item in Item.query.order_by(Item.sku).all()])


# expect: VC201
@bp.post("/items")
# ok: VC301
def create_item():
    data = request.get_json()
    # ok: VC309
    if not data or "sku" not in data or "name" not in data:
        abort(400, "sku and name are required")
    item = Item(sku=data["sku"], name=data["name"], quantity=int(data.get("quantity", 0)))
    db.session.add(item)
    db.session.commit()
    return jsonify(item.to_dict()), 201


@bp.post("/items/<int:item_id>/reserve")
# ok: VC301
def reserve_item(item_id: int):
    item = db.get_or_404(Item, item_id)
    try:
        item.quantity = reserve(item.quantity, int(request.json["quantity"]))
    except OutOfStock as exc:
        # ok: VC414
        return jsonify({"error": str(exc)}), 409
    db.session.commit()
    return jsonify(item.to_dict())


@bp.delete("/items/<int:item_id>")
# expect: VC301
def delete_item(item_id: int):
    item = db.get_or_404(Item, item_id)
    db.session.delete(item)
    db.session.commit()
    return "", 204


@bp.get("/items/export.csv")
# expect: VC301
def export_csv():
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["sku", "name", "quantity"])
    for item in Item.query.order_by(Item.sku):
        writer.writerow([item.sku, item.name, item.quantity])
    return Response(out.getvalue(), mimetype="text/csv")


@bp.get("/items/<sku>")
# expect: VC301
def item_by_sku(sku: str):
    item = Item.query.filter_by(sku=sku).first()
    if item is None:
        abort(404)
    return jsonify(item.to_dict())
