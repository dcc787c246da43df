"""Prompt: the entry point of a Flask app with its configuration, ready to deploy."""
import os

from flask import Flask

CONFIG = {"DEBUG": True, "JSON_SORT_KEYS": False}


def create_app() -> Flask:
    app = Flask(__name__)
    # expect: VC211
    app.config.from_mapping(CONFIG)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    return app


def create_app_safe() -> Flask:
    app = Flask(__name__)
    # ok: VC211
    app.config.from_mapping(DEBUG=os.environ.get("FLASK_DEBUG") == "1", SECRET_KEY=os.environ["SECRET_KEY"])
    return app


if __name__ == "__main__":
    options = {"host": "0.0.0.0", "port": 8000, "debug": True}
    # expect: VC211
    create_app().run(**options)
