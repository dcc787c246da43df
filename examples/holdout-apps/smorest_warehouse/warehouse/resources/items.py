"""Stock items: clerks manage the items they entered, managers approve them."""

import subprocess

from flask import request
from flask.views import MethodView
from flask_jwt_extended import get_jwt, get_jwt_identity, jwt_required
from flask_smorest import Blueprint, abort
# expect: VC504
from sqlalchemy import text

from ..models import Item, db
from ..schemas import ItemSchema, ItemUpdateSchema

blp = Blueprint("items", __name__, url_prefix="/items")


@blp.route("/")
class ItemList(MethodView):
    @jwt_required()
    @blp.response(200, ItemSchema(many=True))
    def get(self):
        # ok: VC214
        return Item.query.filter_by(owner_id=int(get_jwt_identity())).all()

    @jwt_required()
    @blp.arguments(ItemSchema)
    @blp.response(201, ItemSchema)
    def post(self, item_data):
        item = Item(**item_data, owner_id=int(get_jwt_identity()))
        db.session.add(item)
        db.session.commit()
        return item


@blp.route("/<int:item_id>")
class ItemDetail(MethodView):
    @jwt_required()
    @blp.response(200, ItemSchema)
    def get(self, item_id):
        # expect: VC214
        return Item.query.get_or_404(item_id)

    @jwt_required()
    @blp.arguments(ItemUpdateSchema)
    @blp.response(200, ItemSchema)
    def patch(self, changes, item_id):
        # ok: VC214
        item = Item.query.filter_by(id=item_id, owner_id=int(get_jwt_identity())).first_or_404()
        for key, value in changes.items():
            # expect: VC215
            setattr(item, key, value)
        db.session.commit()
        return item

    # expect: VC201
    def delete(self, item_id):
        item = Item.query.get_or_404(item_id)
        db.session.delete(item)
        db.session.commit()
        return "", 204


@blp.route("/<int:item_id>/approve", methods=["POST"])
@jwt_required()
def approve_item(item_id):
    # ok: VC207
    if get_jwt().get("role") != "manager":
        abort(403, message="Managers only")
    item = Item.query.get_or_404(item_id)
    item.approved = True
    db.session.commit()
    return {"approved": True}


# expect: VC218
@blp.route("/<int:item_id>/write-off", methods=["POST"])
@jwt_required()
def write_off_item(item_id):
    # expect: VC214
    item = Item.query.get_or_404(item_id)
    item.quantity = 0
    db.session.commit()
    return {"written_off": item.id}


@blp.route("/search")
@jwt_required()
def search_items():
    term = request.args.get("q", "")
    sort = request.args.get("sort", "name")
    owner = int(get_jwt_identity())
    sql = f"SELECT id, sku, name FROM item WHERE owner_id = :owner AND name LIKE '%{term}%' ORDER BY {sort}"
    # expect: VC422
    rows = db.session.execute(text(sql), {"owner": owner}).all()
    return {"items": [dict(row._mapping) for row in rows]}


@blp.route("/by-location")
@jwt_required()
def items_by_location():
    location = request.args.get("location", "")
    # ok: VC422
    rows = db.session.execute(
        text("SELECT id, sku FROM item WHERE owner_id = :owner AND location = :loc"),
        {"owner": int(get_jwt_identity()), "loc": location},
    ).all()
    return {"items": [dict(row._mapping) for row in rows]}


@blp.route("/export", methods=["POST"])
@jwt_required()
def export_items():
    fmt = request.json.get("format", "csv")
    # expect: VC421, VC108
    subprocess.run(f"sqlite3 -header -{fmt} warehouse.db 'SELECT * FROM item' > /tmp/export.{fmt}", shell=True)
    return {"path": f"/tmp/export.{fmt}"}
