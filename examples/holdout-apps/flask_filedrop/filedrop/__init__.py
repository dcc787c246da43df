from flask import Flask
from flask_cors import CORS

from .auth import auth_bp
from .config import Config
from .files import files_bp
from .web import web_bp


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_object(Config)
    # expect: VC209
    CORS(app, supports_credentials=True)
    app.register_blueprint(auth_bp)
    app.register_blueprint(files_bp)
    app.register_blueprint(web_bp)
    return app


if __name__ == "__main__":
    # expect: VC211
    create_app().run(host="0.0.0.0", debug=True)
