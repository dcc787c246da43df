from flask import Flask

from .config import Config
from .models import db
from .providers import init_providers


def create_app(config: type[Config] = Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config)
    db.init_app(app)
    init_providers(app)

    from .accounts import bp as accounts_bp
    from .oidc import bp as oidc_bp
    from .social import bp as social_bp

    app.register_blueprint(accounts_bp)
    app.register_blueprint(social_bp)
    app.register_blueprint(oidc_bp)
    return app
