"""VC414 corpus, Bottle, Azure Functions and Flask-SocketIO: their responses, error handlers and socket answers."""
import json
import logging
import traceback

import azure.functions as func
import bottle
from flask_socketio import SocketIO, emit

app = bottle.Bottle()
socketio = SocketIO()
functions = func.FunctionApp()
log = logging.getLogger(__name__)


@app.error(500)
def server_error(error):
    # expect: VC414 -- the exception a 500 carries
    return json.dumps({"error": str(error.exception)})


@app.error(404)
def not_found(error):
    # ok: VC414 -- a 404's text is written for the client
    return json.dumps({"error": str(error.body)})


@functions.route(route="orders", methods=["POST"])
def create_order(req: func.HttpRequest) -> func.HttpResponse:
    try:
        place(req.get_json())
    except Exception as e:
        # expect: VC414
        return func.HttpResponse(f"Error: {e}", status_code=500)
    return func.HttpResponse(status_code=201)


@functions.route(route="carts", methods=["POST"])
def create_cart(req: func.HttpRequest) -> func.HttpResponse:
    try:
        place(req.get_json())
    except Exception:
        log.exception("cart failed")
        # ok: VC414 -- a generic message
        return func.HttpResponse("internal error", status_code=500)
    return func.HttpResponse(status_code=201)


@socketio.on_error_default
def on_error(e):
    # expect: VC414 -- the exception goes back over the socket
    emit("error", {"message": str(e)})


@socketio.on("join")
def on_join(data):
    try:
        enter(data["room"])
    except Exception:
        # expect: VC414
        emit("error", {"trace": traceback.format_exc()})


@socketio.on("leave")
def on_leave(data):
    try:
        leave(data["room"])
    except Exception:
        log.exception("leave failed")
        # ok: VC414 -- a generic message
        emit("error", {"message": "could not leave the room"})
