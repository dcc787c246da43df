"""Warehouse inventory API: Flask-Smorest blueprints over Flask-SQLAlchemy, JWT auth."""

from flask import Flask, jsonify
from flask_jwt_extended import JWTManager
from flask_smorest import Api

from .models import db
from .resources.auth import blp as auth_blp
from .resources.items import blp as items_blp
from .resources.suppliers import blp as suppliers_blp


class Config:
    API_TITLE = "Warehouse"
    API_VERSION = "v1"
    OPENAPI_VERSION = "3.0.3"
    SQLALCHEMY_DATABASE_URI = "sqlite:///warehouse.db"
    # expect: VC203
    JWT_SECRET_KEY = "warehouse-jwt-secret-2024"
    # expect: VC233
    JWT_ACCESS_TOKEN_EXPIRES = False


def create_app(config: type = Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config)
    db.init_app(app)
    JWTManager(app)
    api = Api(app)
    api.register_blueprint(auth_blp)
    api.register_blueprint(items_blp)
    api.register_blueprint(suppliers_blp)

    @app.errorhandler(Exception)
    def handle_any(exc: Exception):
        # expect: VC414
        return jsonify({"error": str(exc), "type": type(exc).__name__}), 500

    return app
