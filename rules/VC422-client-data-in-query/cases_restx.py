"""VC422 corpus, Flask-RESTX: the arguments a request parser reads and a namespace's payload are client input."""
from flask_restx import Namespace, Resource, reqparse
from sqlalchemy import text

from .extensions import db

ns = Namespace("orders")
parser = reqparse.RequestParser()
parser.add_argument("sort", type=str, default="id", location="args")
SORTABLE = {"id": "id", "total": "total"}


@ns.route("/")
class Orders(Resource):
    def get(self):
        args = parser.parse_args()
        # expect: VC422
        return db.session.execute(text(f"SELECT * FROM orders ORDER BY {args['sort']}")).all()

    def post(self):
        # expect: VC422
        return db.session.execute(text("SELECT * FROM orders WHERE status = '" + ns.payload["status"] + "'")).all()

    def put(self):
        args = parser.parse_args()
        column = SORTABLE.get(args["sort"], "id")
        # ok: VC422
        return db.session.execute(text("SELECT * FROM orders WHERE status = :s"), {"s": args["sort"]}).all(), column
