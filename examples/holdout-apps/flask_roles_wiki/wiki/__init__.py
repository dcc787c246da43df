from flask import Flask

from .config import Config
from .extensions import db, login_manager


def create_app(config_class=Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_class)
    db.init_app(app)
    login_manager.init_app(app)

    from .admin.routes import admin_bp
    from .api.routes import api_bp
    from .pages.routes import pages_bp
    from .reports.routes import reports_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(api_bp, url_prefix="/api")
    app.register_blueprint(reports_bp, url_prefix="/reports")
    return app
