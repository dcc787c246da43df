from flask import Flask, jsonify

from .auth import auth_bp
from .config import Config
from .extensions import db, jwt
from .notes import admin_bp, notes_bp


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object(Config)
    db.init_app(app)
    jwt.init_app(app)
    app.register_blueprint(auth_bp)
    app.register_blueprint(notes_bp)
    app.register_blueprint(admin_bp)

    @app.errorhandler(Exception)
    def handle_error(exc):
        # expect: VC414 -- exception text leaked to the client
        return jsonify(error=str(exc)), 500

    return app


if __name__ == "__main__":
    # expect: VC211 -- debug server on all interfaces
    create_app().run(host="0.0.0.0", port=5000, debug=True)
