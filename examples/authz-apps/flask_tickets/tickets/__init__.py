from flask import Flask

from .auth import load_logged_in_user, login_required_hook
from .blueprints import account, admin, auth_views, tickets
from .extensions import db, login_manager


def create_app(config_object="tickets.config.Config"):
    app = Flask(__name__)
    app.config.from_object(config_object)
    db.init_app(app)
    login_manager.init_app(app)

    app.before_request(load_logged_in_user)
    tickets.bp.before_request(login_required_hook)

    app.register_blueprint(auth_views.bp)
    app.register_blueprint(tickets.bp, url_prefix="/tickets")
    app.register_blueprint(account.bp, url_prefix="/account")
    app.register_blueprint(admin.bp, url_prefix="/admin")
    return app
