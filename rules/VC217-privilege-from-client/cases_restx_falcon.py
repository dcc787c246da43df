"""VC217 corpus: a privilege read from Flask-RESTX's `ns.payload` or Falcon's `req.media`."""
from flask_restx import Namespace, Resource

from .models import User

ns = Namespace("users")


@ns.route("/")
class Register(Resource):
    def post(self):
        payload = ns.payload
        # expect: VC217
        return User(email=payload["email"], is_admin=payload.get("is_admin", False))

    def put(self):
        # ok: VC217
        return User(email=ns.payload["email"], is_admin=False)


class Accounts:
    def on_post(self, req, resp):
        # expect: VC217
        resp.media = {"user": User(email=req.media["email"], role=req.media.get("role", "member"))}
