import falcon

from .db import Session
from .middleware import AuthMiddleware
from .resources import (
    AdminItemResource, ExportResource, ItemCollection, ItemResource, RestockResource, SupplierSyncResource,
    WebhookResource,
)

app = falcon.App(middleware=[AuthMiddleware()])
session = Session()

app.add_route("/items", ItemCollection(session))
app.add_route("/items/{item_id:int}", ItemResource(session))
app.add_route("/admin/items/{item_id:int}", AdminItemResource(session))
app.add_route("/exports", ExportResource())
app.add_route("/webhooks/test", WebhookResource())
app.add_route("/suppliers/sync", SupplierSyncResource(session))
app.add_route("/items/{item_id:int}/restock", RestockResource(session))
