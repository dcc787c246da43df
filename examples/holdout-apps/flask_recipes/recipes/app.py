import os

from flask import Flask
from flask_login import LoginManager

from .models import User, db
from .views import bp


def create_app() -> Flask:
    app = Flask(__name__)
    # ok: VC203
    app.secret_key = os.environ["SECRET_KEY"]
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///recipes.db")
    # expect: VC210
    app.config["SESSION_COOKIE_SECURE"] = False
    db.init_app(app)
    login = LoginManager(app)
    login.user_loader(lambda user_id: db.session.get(User, int(user_id)))
    app.register_blueprint(bp)
    return app
