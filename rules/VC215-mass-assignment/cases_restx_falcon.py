"""VC215 corpus: Flask-RESTX's `ns.payload` and Falcon's `req.media` copied onto a model."""
from flask_restx import Namespace, Resource

from .models import Item, User, db

ns = Namespace("users")


@ns.route("/me")
class Me(Resource):
    def patch(self):
        user = db.session.get(User, 1)
        for key, value in ns.payload.items():
            # expect: VC215
            setattr(user, key, value)
        db.session.commit()

    def post(self):
        # expect: VC215
        user = User(**ns.payload)
        db.session.add(user)

    def put(self):
        user = db.session.get(User, 1)
        for key in ("name", "email"):
            # ok: VC215
            setattr(user, key, ns.payload[key])


class ItemCollection:
    def on_post(self, req, resp):
        # expect: VC215
        item = Item(**req.media)
        resp.media = {"id": item.id}

    def on_put(self, req, resp):
        # ok: VC215
        item = Item(name=req.media["name"], quantity=req.media["quantity"])
        resp.media = {"id": item.id}
