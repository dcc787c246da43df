from flask import Flask
from flask_jwt_extended import JWTManager
from flask_restx import Api

from .extensions import db
from .orders import ns as orders_ns
from .users import ns as users_ns


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///shop.db"
    # expect: VC203
    app.config["JWT_SECRET_KEY"] = "restx-shop-jwt-secret-key"
    db.init_app(app)
    JWTManager(app)
    api = Api(app, title="Shop API", version="1.0", doc="/docs")
    api.add_namespace(orders_ns, path="/orders")
    api.add_namespace(users_ns, path="/users")
    return app
