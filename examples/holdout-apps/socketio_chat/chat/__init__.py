"""Real-time chat with rooms on Flask-SocketIO."""
from flask import Flask
from flask_login import LoginManager
from flask_socketio import SocketIO
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
# expect: VC209 -- any site may open a socket with the user's session cookie
socketio = SocketIO(cors_allowed_origins="*")
login_manager = LoginManager()


def create_app() -> Flask:
    app = Flask(__name__)
    # expect: VC203 -- the docs' example key
    app.config["SECRET_KEY"] = "secret!"
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///chat.db"
    db.init_app(app)
    login_manager.init_app(app)
    socketio.init_app(app)

    from . import events, views  # noqa: F401

    app.register_blueprint(views.bp)
    return app
