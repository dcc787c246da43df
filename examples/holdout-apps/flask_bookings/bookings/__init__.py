import stripe
from flask import Flask
from flask_login import LoginManager

from .config import Config
from .models import User, db

login_manager = LoginManager()


@login_manager.user_loader
def load_user(user_id: str):
    return db.session.get(User, int(user_id))


def create_app(config_object: type = Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_object)
    stripe.api_key = app.config["STRIPE_API_KEY"]
    db.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"

    from .auth import bp as auth_bp
    from .routes import bp as bookings_bp
    from .webhooks import bp as webhooks_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(bookings_bp)
    app.register_blueprint(webhooks_bp)
    return app
