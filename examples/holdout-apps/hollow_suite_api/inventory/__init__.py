from flask import Flask

from inventory.models import db


# ok: VC301
def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.update(SQLALCHEMY_DATABASE_URI="sqlite:///inventory.db")
    app.config.update(config or {})
    db.init_app(app)
    from inventory.routes import bp

    app.register_blueprint(bp, url_prefix="/api")
    with app.app_context():
        db.create_all()
    return app
