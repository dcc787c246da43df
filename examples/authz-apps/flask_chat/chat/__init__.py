from flask import Flask
from flask_login import LoginManager
from flask_socketio import SocketIO
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
login_manager = LoginManager()
socketio = SocketIO()


def create_app():
    app = Flask(__name__)
    app.config.from_prefixed_env()
    db.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    socketio.init_app(app)

    from . import events  # noqa: F401
    from .admin import admin_bp
    from .api import api_bp
    from .auth import auth_bp
    from .rooms import rooms_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(rooms_bp, url_prefix="/rooms")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(api_bp, url_prefix="/api")
    return app
