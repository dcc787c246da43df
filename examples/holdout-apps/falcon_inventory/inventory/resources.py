import logging
import os
from pathlib import Path

import falcon
import requests
import yaml
from sqlalchemy import text

from .db import Item
from .middleware import is_admin, require_admin

log = logging.getLogger(__name__)
EXPORT_DIR = Path("/var/lib/inventory/exports").resolve()
SUPPLIER_FEED = "https://supplier.example.com/feed.yaml"


class ItemCollection:
    def __init__(self, session):
        self.session = session

    def on_get(self, req, resp):
        q = req.get_param("q", default="")
        # ok: VC422/VC402
        rows = self.session.execute(text("SELECT id, sku, name FROM items WHERE name LIKE :q"), {"q": f"%{q}%"})
        resp.media = [dict(r._mapping) for r in rows]

    # ok: VC201 -- the app's AuthMiddleware (another module) refuses a request without a key
    def on_post(self, req, resp):
        # expect: VC215
        item = Item(**req.media)
        self.session.add(item)
        self.session.commit()
        resp.status = falcon.HTTP_201
        resp.media = {"id": item.id}


class ItemResource:
    def __init__(self, session):
        self.session = session

    def on_get(self, req, resp, item_id):
        order = req.get_param("order_by", default="id")
        # expect: VC422
        rows = self.session.execute(text(f"SELECT * FROM stock_moves WHERE item_id = {item_id} ORDER BY {order}"))
        resp.media = [dict(r._mapping) for r in rows]

    def on_patch(self, req, resp, item_id):
        item = self.session.get(Item, item_id)
        if item is None:
            raise falcon.HTTPNotFound()
        for field in ("name", "quantity"):
            if field in req.media:
                setattr(item, field, req.media[field])
        if "price" in req.media and is_admin(req):
            item.price = req.media["price"]
        self.session.commit()
        resp.media = {"id": item.id}


class AdminItemResource:
    def __init__(self, session):
        self.session = session

    # ok: VC201
    @falcon.before(require_admin)
    def on_delete(self, req, resp, item_id):
        self.session.execute(text("DELETE FROM items WHERE id = :id"), {"id": item_id})
        self.session.commit()
        resp.status = falcon.HTTP_204


class ExportResource:
    def on_get(self, req, resp):
        name = req.get_param("file", required=True)
        # expect: VC405
        resp.stream = open(os.path.join(EXPORT_DIR, name), "rb")
        resp.content_type = "text/csv"

    def on_head(self, req, resp):
        target = (EXPORT_DIR / req.get_param("file", required=True)).resolve()
        if not target.is_relative_to(EXPORT_DIR):
            raise falcon.HTTPNotFound()
        # ok: VC405
        resp.content_length = target.stat().st_size


class WebhookResource:
    def on_post(self, req, resp):
        callback = req.media["callback_url"]
        # expect: VC405, VC106
        r = requests.post(callback, json={"event": "test"})
        resp.media = {"status": r.status_code}


class SupplierSyncResource:
    def __init__(self, session):
        self.session = session

    def on_post(self, req, resp):
        try:
            # expect: VC404
            feed = requests.get(SUPPLIER_FEED, timeout=30, verify=False)
            feed.raise_for_status()
            # ok: VC406
            for entry in yaml.safe_load(feed.text)["items"]:
                self.session.execute(text("UPDATE items SET cost = :cost WHERE sku = :sku"), entry)
            self.session.commit()
        # expect: VC102
        except Exception as e:
            log.error("supplier sync failed: %s", e)
            resp.status = falcon.HTTP_502
            # expect: VC414
            resp.media = {"error": str(e)}


class RestockResource:
    def __init__(self, session):
        self.session = session

    # ok: VC201
    def on_post(self, req, resp, item_id):
        amount = int(req.media.get("amount", 0))
        try:
            self.session.execute(text("UPDATE items SET quantity = quantity + :n WHERE id = :id"),
                                 {"n": amount, "id": item_id})
            self.session.commit()
        # expect: VC101
        except Exception:
            pass
        resp.media = {"restocked": amount}
