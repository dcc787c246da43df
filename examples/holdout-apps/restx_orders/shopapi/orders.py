import logging

import yaml
from flask import request
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_restx import Namespace, Resource, abort, fields, reqparse
# expect: VC504
from sqlalchemy import text

from .extensions import db
from .models import Order
from .security import admin_required

log = logging.getLogger(__name__)
ns = Namespace("orders", description="Order operations")

order_model = ns.model("Order", {
    "id": fields.Integer(readonly=True),
    "status": fields.String,
    "total": fields.Float,
})

list_parser = reqparse.RequestParser()
list_parser.add_argument("status", type=str, location="args")
list_parser.add_argument("sort", type=str, default="id", location="args")


@ns.route("/")
class OrderList(Resource):
    @jwt_required()
    @ns.marshal_list_with(order_model)
    def get(self):
        args = list_parser.parse_args()
        sql = "SELECT * FROM \"order\" WHERE user_id = :uid"
        if args["status"]:
            sql += " AND status = :status"
        sql += f" ORDER BY {args['sort']}"
        # expect: VC422
        return db.session.execute(text(sql), {"uid": get_jwt_identity(), "status": args["status"]}).mappings().all()

    @jwt_required()
    @ns.expect(order_model)
    def post(self):
        # expect: VC231
        order = Order(user_id=get_jwt_identity(), total=ns.payload["total"])
        db.session.add(order)
        db.session.commit()
        return {"id": order.id}, 201


@ns.route("/<int:order_id>")
class OrderItem(Resource):
    @jwt_required()
    @ns.marshal_with(order_model)
    def get(self, order_id):
        # expect: VC214
        return Order.query.get_or_404(order_id)

    @jwt_required()
    def put(self, order_id):
        # ok: VC214
        order = Order.query.filter_by(id=order_id, user_id=get_jwt_identity()).first_or_404()
        order.status = ns.payload.get("status", order.status)
        db.session.commit()
        return {"id": order.id}

    # expect: VC201
    def delete(self, order_id):
        Order.query.filter_by(id=order_id).delete()
        db.session.commit()
        return "", 204


@ns.route("/<int:order_id>/refund")
class OrderRefund(Resource):
    method_decorators = [admin_required]

    # ok: VC201/VC218
    def post(self, order_id):
        order = db.session.get(Order, order_id) or abort(404)
        order.status = "refunded"
        db.session.commit()
        return {"refunded": order_id}


@ns.route("/import")
class OrderImport(Resource):
    @jwt_required()
    def post(self):
        # expect: VC406
        batch = yaml.load(request.data, Loader=yaml.Loader)
        created = 0
        for row in batch.get("orders", []):
            try:
                db.session.add(Order(user_id=get_jwt_identity(), total=row["total"]))
                created += 1
            # expect: VC101
            except Exception:
                continue
        db.session.commit()
        return {"created": created}
