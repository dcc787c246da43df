"""VC414 corpus: exception handlers registered by a call or a registry entry rather than a decorator (Flask's
`register_error_handler`, Starlette's and FastAPI's `add_exception_handler`, BlackSheep's `exceptions_handlers`)."""
import logging

from blacksheep import Application, json
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from flask import Flask, jsonify

log = logging.getLogger(__name__)
shop = Application()
api = FastAPI()


class InvalidQuantity(Exception):
    """Raised with a message written for the customer."""


async def on_error(app, request, exc):
    # expect: VC414
    return json({"error": "internal error", "detail": str(exc)}, status=500)


async def on_stock(app, request, exc):
    # ok: VC414 -- an error about the client's input, whose message is written for the client
    return json({"error": str(exc)}, status=409)


async def on_any(app, request, exc):
    log.exception("unhandled error")
    # ok: VC414
    return json({"error": "internal error"}, status=500)


shop.exceptions_handlers[Exception] = on_error
shop.exceptions_handlers[InvalidQuantity] = on_stock


async def api_error(request, exc):
    # expect: VC414
    return JSONResponse({"detail": repr(exc)}, status_code=500)


def format_failure(exc):
    # ok: VC414 -- no handler: its caller decides what the client sees
    return {"detail": repr(exc)}


api.add_exception_handler(RuntimeError, api_error)


def create_app():
    app = Flask(__name__)

    def database_error(error):
        # expect: VC414
        return jsonify(error=f"database error: {error}"), 500

    def server_error(error):
        log.error("server error: %s", error)
        # ok: VC414
        return jsonify(error="server error"), 500

    app.register_error_handler(LookupError, database_error)
    app.register_error_handler(500, server_error)
    return app


def flask_factory():
    app = Flask(__name__)
    app.register_error_handler(ConnectionError, upstream_error)
    return app


def upstream_error(error):
    # expect: VC414
    return jsonify(error=str(error)), 502


def not_found(error):
    # ok: VC414 -- a 404's text is meant for the client
    return jsonify(error=str(error)), 404


flask_app = Flask(__name__)
flask_app.register_error_handler(404, not_found)
