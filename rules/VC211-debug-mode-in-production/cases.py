"""VC211 corpus: debug switched on in shipped code fires; debug read from the environment or in dev config does not.

This module sets `INSTALLED_APPS`, so it counts as a Django settings module.
"""
import asyncio
import os

import uvicorn
from fastapi import FastAPI
from flask import Flask
from flask_socketio import SocketIO
from pydantic_settings import BaseSettings

app = Flask(__name__)
api = FastAPI(title="shop")
socketio = SocketIO(app)

INSTALLED_APPS = ["django.contrib.auth", "shop"]

# expect: VC211
DEBUG = True

# expect: VC211
app.debug = True

# expect: VC211
app.config["DEBUG"] = True

# expect: VC211
app.config.update(DEBUG=True, TESTING=False)

# expect: VC211
fastapi_app = FastAPI(debug=True)


class Config:
    # expect: VC211
    DEBUG = True


class Settings(BaseSettings):
    database_url: str = "sqlite:///shop.db"
    # expect: VC211
    debug: bool = True


class ProductionConfig(Config):
    # expect: VC211
    DEBUG = os.getenv("DEBUG", "True") == "True"


def serve():
    # expect: VC211
    uvicorn.run("shop.main:api", host="0.0.0.0", port=8000, reload=True)


def serve_with_socketio():
    # expect: VC211
    socketio.run(app, host="0.0.0.0", debug=True)


if __name__ == "__main__":
    # expect: VC211
    app.run(host="0.0.0.0", port=5000, debug=True)


class DevelopmentConfig(Config):
    # ok: VC211
    DEBUG = True


class TestingConfig(Config):
    # ok: VC211
    DEBUG = True
    TESTING = True


def serve_from_environment():
    # ok: VC211
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")


def serve_debug_by_default():
    # expect: VC211
    app.run(debug=os.environ.get("FLASK_DEBUG", "1") == "1")


def serve_debug_off_by_default():
    # ok: VC211
    app.run(debug=os.environ.get("FLASK_DEBUG", "0") == "1")


def serve_quiet_by_default():
    # ok: VC211 -- the default "1" is not "0": debug is off unless QUIET=0 is set
    app.run(debug=os.getenv("QUIET", "1") == "0")


def serve_unless_listed_by_default():
    # ok: VC211 -- the default "yes" is not in the list
    app.run(debug=os.getenv("APP_DEBUG", "yes").strip().lower() in ("1", "debug"))


def serve_listed_by_default():
    # expect: VC211
    app.run(debug=os.getenv("APP_DEBUG", " On ").strip().lower() in ("1", "on", "true"))


def api_debug_by_default():
    # expect: VC211
    return FastAPI(debug=os.getenv("API_DEBUG", "true").lower() == "true")


def configure_debug_by_default():
    # expect: VC211
    app.config.update(DEBUG=bool(os.getenv("DEBUG", "True")))


def serve_from_command_line(ctx, debug, args):
    if debug:
        # ok: VC211 -- on only when the command line asked for it
        ctx.obj.app.debug = True
    if args.debug:
        # ok: VC211
        app.run(debug=True)
    if os.getenv("APP_DEBUG"):
        # ok: VC211
        app.config["DEBUG"] = True
    if not debug:
        # expect: VC211 -- on whenever the flag is off
        app.debug = True
    if args.port:
        # expect: VC211
        app.run(port=args.port, debug=True)


def run_coroutines(main):
    # ok: VC211
    asyncio.run(main(), debug=True)


def production_server():
    # ok: VC211
    uvicorn.run(api, host="0.0.0.0", port=8000, workers=4)


# ok: VC211
app.config["DEBUG"] = False

# ok: VC211
quiet_api = FastAPI(debug=False)


class Cache:
    def __init__(self):
        # ok: VC211
        self.debug = True


if __name__ == "__main__":
    # ok: VC211
    uvicorn.run("shop.main:api", reload=True)

# ok: VC211
LOG_DEBUG = True
