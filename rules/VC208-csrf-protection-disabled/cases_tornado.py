"""VC208 corpus, Tornado: `xsrf_cookies=False` given to `Application`, directly or in the settings it unpacks."""
import os

import tornado.web


def make_app(handlers):
    settings = dict(
        cookie_secret=os.environ["COOKIE_SECRET"],
        # expect: VC208
        xsrf_cookies=False,
    )
    return tornado.web.Application(handlers, **settings)


def make_admin_app(handlers):
    # expect: VC208
    return tornado.web.Application(handlers, xsrf_cookies=False)


def make_protected_app(handlers):
    # ok: VC208
    return tornado.web.Application(handlers, xsrf_cookies=True, cookie_secret=os.environ["COOKIE_SECRET"])


def client_options():
    # ok: VC208 -- a dict no Application unpacks
    return {"xsrf_cookies": False}


# Settings that another module unpacks (`Application(handlers, **config.SHARED_SETTINGS)`).
SHARED_SETTINGS = {
    "cookie_secret": os.environ["COOKIE_SECRET"],
    # expect: VC208
    "xsrf_cookies": False,
}

PROTECTED_SETTINGS = dict(
    cookie_secret=os.environ["COOKIE_SECRET"],
    # ok: VC208
    xsrf_cookies=True,
)
