"""Application factory."""
from flask import Flask

from vibe_app.routes import api


def create_app() -> Flask:
    app = Flask(__name__)
    # expect: VC203
    app.config["SECRET_KEY"] = "super-secret-key-123"
    app.register_blueprint(api)
    return app


if __name__ == "__main__":
    # expect: VC211, B104
    create_app().run(host="0.0.0.0", debug=True)
