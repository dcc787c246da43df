import os

from flask import Flask

from .extensions import db, login_manager
from .models import User


def create_app() -> Flask:
    app = Flask(__name__)
    # expect: VC203
    app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "dev-secret-key")
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///panel.db")
    db.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"

    from .views.account import account_bp
    from .views.admin import admin_bp
    from .views.auth import auth_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(account_bp)
    return app


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))
