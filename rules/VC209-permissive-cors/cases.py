"""VC209 corpus: any-origin CORS with credentials fires; listed origins or no credentials do not.

This module sets `CORS_ALLOW_CREDENTIALS = True`, so Django's allow-all settings below count.
"""
import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware as Cors
from flask import Flask, make_response, request
from flask_cors import CORS, cross_origin
from flask_socketio import SocketIO
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

api = FastAPI()
app = Flask(__name__)
ANY = ["*"]
TRUSTED = ["https://app.example.com"]

CORS_ALLOW_CREDENTIALS = True
# expect: VC209
CORS_ALLOW_ALL_ORIGINS = True
# expect: VC209
CORS_ORIGIN_ALLOW_ALL = True
# expect: VC209
CORS_ALLOWED_ORIGIN_REGEXES = [r"^.*$"]

# expect: VC209
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])

# expect: VC209
api.add_middleware(Cors, allow_origins=ANY, allow_credentials=True)

# expect: VC209
api.add_middleware(CORSMiddleware, allow_origin_regex="https?://.*", allow_credentials=True)

# expect: VC209
starlette_app = Starlette(middleware=[Middleware(CORSMiddleware, allow_origins=("*",), allow_credentials=True)])

# expect: VC209
CORS(app, supports_credentials=True)

# expect: VC209
CORS(app, origins="*", supports_credentials=True)

# expect: VC209
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)


# expect: VC209
@cross_origin(supports_credentials=True)
def profile():
    return {"name": "me"}


def manual_headers():
    response = make_response("ok")
    # expect: VC209
    response.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin")
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


# expect: VC209
api.add_middleware(CORSMiddleware, allow_origins=os.getenv("CORS_ORIGINS", "*").split(","), allow_credentials=True)

# ok: VC209
api.add_middleware(CORSMiddleware, allow_origins=os.environ["CORS_ORIGINS"].split(","), allow_credentials=True)

# ok: VC209
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)

# ok: VC209
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)

# ok: VC209
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET"])

# ok: VC209
api.add_middleware(CORSMiddleware, allow_origins=TRUSTED, allow_credentials=True)

# ok: VC209
api.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*\.example\.com", allow_credentials=True)

# ok: VC209
CORS(app)

# ok: VC209
CORS(app, origins=["https://app.example.com"], supports_credentials=True)

# ok: VC209
CORS(app, resources={r"/api/*": {"origins": ["https://app.example.com"]}}, supports_credentials=True)


def echo_when_present(response):
    origin = request.headers.get("Origin")
    if origin:
        # expect: VC209 -- present is not allowed
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def echo_allow_listed(response):
    origin = request.headers.get("Origin")
    if origin and origin in TRUSTED:
        # ok: VC209 -- only an origin of the list is echoed
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def echo_checked_by_a_function(response):
    origin = request.headers.get("Origin")
    if origin and _origin_allowed(origin):
        # ok: VC209
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def echo_after_an_early_return(response):
    origin = request.headers.get("Origin", "")
    if origin not in TRUSTED:
        return response
    # ok: VC209
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def echo_where_the_check_failed(response):
    origin = request.headers.get("Origin")
    if origin in TRUSTED:
        response.headers["Vary"] = "Origin"
    else:
        # expect: VC209 -- the `else` of the check
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
    return response


def star_header_is_refused_by_browsers_with_credentials():
    response = make_response("ok")
    # ok: VC209
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Credentials"] = "true"
    return response

ORIGINS_FROM_ENV = os.getenv("CORS_ORIGINS", "*").split(",")
# expect: VC209
env_api = FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=ORIGINS_FROM_ENV, allow_credentials=True)])

PINNED_ORIGINS_FROM_ENV = os.getenv("CORS_ORIGINS", "https://app.example.com").split(",")
# ok: VC209
pinned_api = FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=PINNED_ORIGINS_FROM_ENV,
                                            allow_credentials=True)])

# expect: VC209 -- a Socket.IO connection carries the session cookie from any site
socketio = SocketIO(cors_allowed_origins="*")
chat_app = Flask("chat")
# expect: VC209
socketio.init_app(chat_app, cors_allowed_origins="*")
# ok: VC209 -- the app's own origin
pinned_socketio = SocketIO(chat_app, cors_allowed_origins=["https://chat.example.com"])
# ok: VC209 -- Flask-SocketIO's default: the same origin only
default_socketio = SocketIO(chat_app)


def crossdomain(origin="https://app.example.com", credentials=False):
    """A decorator factory: the origin is what the developer configured it with."""
    def decorator(view):
        def wrapped(*args, **kwargs):
            response = make_response(view(*args, **kwargs))
            # ok: VC209 -- the factory's own argument, not the request's `Origin`
            response.headers["Access-Control-Allow-Origin"] = origin
            if credentials:
                response.headers["Access-Control-Allow-Credentials"] = "true"
            return response

        return wrapped

    return decorator


def echoing_cors(credentials=True):
    def decorator(view):
        def wrapped(*args, **kwargs):
            response = make_response(view(*args, **kwargs))
            origin = request.headers.get("Origin")
            # expect: VC209 -- bound here from the request, whatever the factory took
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Credentials"] = "true"
            return response

        return wrapped

    return decorator
