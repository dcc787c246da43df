from flask import Flask

from .auth import auth_bp
from .models import db
from .notes import notes_bp


def create_app():
    app = Flask(__name__)
    app.config.from_prefixed_env()
    db.init_app(app)
    app.register_blueprint(auth_bp)
    app.register_blueprint(notes_bp)
    return app
