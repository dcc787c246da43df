"""VC211 corpus, Tornado: `debug` and `serve_traceback` given to `Application`, directly or in the settings it unpacks."""
import os

import tornado.web
from tornado.web import Application

SETTINGS = {
    "cookie_secret": os.environ["COOKIE_SECRET"],
    # expect: VC211
    "debug": True,
}


def make_app(handlers):
    return tornado.web.Application(handlers, **SETTINGS)


def make_admin_app(handlers):
    settings = dict(
        login_url="/login",
        # expect: VC211
        debug=True,
    )
    return Application(handlers, **settings)


def make_api_app(handlers):
    # expect: VC211
    return Application(handlers, serve_traceback=True)


def make_quiet_app(handlers):
    # ok: VC211
    return Application(handlers, debug=os.environ.get("APP_DEBUG") == "1")


def unrelated_options():
    # ok: VC211 -- a dict no Application unpacks
    options = dict(debug=True)
    return options


# Settings that another module unpacks (`Application(handlers, **config.APP_SETTINGS)`): a key only Tornado reads.
APP_SETTINGS = dict(
    cookie_secret=os.environ["COOKIE_SECRET"],
    # expect: VC211
    debug=True,
)

CLIENT_OPTIONS = {
    "timeout": 5,
    # ok: VC211 -- no key only Tornado reads: not an app's settings
    "debug": True,
}
