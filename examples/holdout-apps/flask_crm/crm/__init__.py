from flask import Flask
from flask_cors import CORS

from .config import ProductionConfig
from .extensions import db


def create_app(config=ProductionConfig) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config)
    db.init_app(app)
    # expect: VC209
    CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)
    from .contacts import bp as contacts_bp

    app.register_blueprint(contacts_bp)
    return app


def create_partner_app() -> Flask:
    app = Flask("partners")
    app.config.from_object(ProductionConfig)
    # ok: VC209
    CORS(app, origins=["https://partners.example.com"], supports_credentials=True)
    return app
