"""Suppliers and their catalogues, fetched from the supplier's own URL."""

import requests
from flask import request
from flask.views import MethodView
from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_smorest import Blueprint, abort

from ..models import Supplier, db
from ..schemas import SupplierSchema

blp = Blueprint("suppliers", __name__, url_prefix="/suppliers")

ALLOWED_CATALOG_HOSTS = {"catalog.acme-supply.com", "feeds.globalparts.io"}


@blp.route("/")
class SupplierList(MethodView):
    decorators = [jwt_required()]

    @blp.arguments(SupplierSchema)
    @blp.response(201, SupplierSchema)
    def post(self, data):
        supplier = Supplier(**data, owner_id=int(get_jwt_identity()))
        db.session.add(supplier)
        db.session.commit()
        return supplier


@blp.route("/<int:supplier_id>/catalog")
class SupplierCatalog(MethodView):
    decorators = [jwt_required()]

    def get(self, supplier_id):
        # ok: VC214
        supplier = Supplier.query.filter_by(id=supplier_id, owner_id=int(get_jwt_identity())).first_or_404()
        host = requests.utils.urlparse(supplier.catalog_url).hostname
        if host not in ALLOWED_CATALOG_HOSTS:
            abort(400, message="Catalogue host not allowed")
        resp = requests.get(supplier.catalog_url, timeout=10)
        resp.raise_for_status()
        return resp.json()


@blp.route("/preview")
@jwt_required()
def preview_catalog():
    url = request.args["url"]
    # expect: VC405
    resp = requests.get(url, timeout=10)
    return {"status": resp.status_code, "body": resp.text[:2000]}


@blp.route("/<int:supplier_id>", methods=["DELETE"])
@jwt_required()
def delete_supplier(supplier_id):
    # expect: VC214
    supplier = db.session.get(Supplier, supplier_id)
    if supplier is None:
        abort(404)
    try:
        db.session.delete(supplier)
        db.session.commit()
    # expect: VC101
    except Exception:
        pass
    return "", 204
