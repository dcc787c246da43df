from flask_jwt_extended import get_jwt_identity, jwt_required
from flask_restx import Namespace, Resource
# expect: VC504
from werkzeug.security import generate_password_hash

from .extensions import db
from .models import User

ns = Namespace("users", description="Accounts")


@ns.route("/")
class Register(Resource):
    def post(self):
        payload = ns.payload
        user = User(
            email=payload["email"],
            name=payload.get("name"),
            password_hash=generate_password_hash(payload["password"]),
            # expect: VC217
            is_admin=payload.get("is_admin", False),
        )
        db.session.add(user)
        db.session.commit()
        return {"id": user.id}, 201


@ns.route("/me")
class Me(Resource):
    @jwt_required()
    def patch(self):
        user = db.session.get(User, get_jwt_identity())
        for key, value in ns.payload.items():
            # expect: VC215
            setattr(user, key, value)
        db.session.commit()
        return {"id": user.id}

    @jwt_required()
    def put(self):
        user = db.session.get(User, get_jwt_identity())
        for key in ("name", "email"):
            if key in ns.payload:
                # ok: VC215
                setattr(user, key, ns.payload[key])
        db.session.commit()
        return {"id": user.id}
