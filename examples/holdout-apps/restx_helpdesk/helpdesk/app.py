"""Application factory."""

import os

from flask import Flask
from flask_cors import CORS
from flask_jwt_extended import JWTManager
from flask_restx import Api

from helpdesk.api import admin_ns, auth_ns, tickets_ns
from helpdesk.models import db


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///helpdesk.db")
    # expect: VC203
    app.config["JWT_SECRET_KEY"] = os.getenv("JWT_SECRET_KEY") or "helpdesk-jwt-secret"
    # expect: VC233
    app.config["JWT_ACCESS_TOKEN_EXPIRES"] = False
    # expect: VC209
    CORS(app, origins="*", supports_credentials=True)
    JWTManager(app)
    db.init_app(app)
    api = Api(app, title="Helpdesk API", doc="/docs")
    api.add_namespace(auth_ns, path="/auth")
    api.add_namespace(tickets_ns, path="/tickets")
    api.add_namespace(admin_ns, path="/admin")
    with app.app_context():
        db.create_all()
    return app


if __name__ == "__main__":
    # expect: VC211
    create_app().run(debug=True)
