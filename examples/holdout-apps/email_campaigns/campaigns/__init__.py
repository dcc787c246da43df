from flask import Flask
from flask_login import LoginManager

from . import config
from .models import Staff, db

login_manager = LoginManager()


@login_manager.user_loader
def load_staff(staff_id: str) -> Staff | None:
    return db.session.get(Staff, int(staff_id))


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object(config)
    db.init_app(app)
    login_manager.init_app(app)

    from .public import bp as public_bp
    from .views import bp as staff_bp
    from .webhooks import bp as webhooks_bp

    app.register_blueprint(staff_bp)
    app.register_blueprint(public_bp)
    app.register_blueprint(webhooks_bp)
    return app
