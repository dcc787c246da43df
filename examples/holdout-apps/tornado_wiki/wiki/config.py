import os

BASE_DIR = os.path.dirname(__file__)

SETTINGS = {
    "cookie_secret": os.environ["WIKI_COOKIE_SECRET"],
    "login_url": "/login",
    "template_path": os.path.join(BASE_DIR, "templates"),
    # expect: VC208
    "xsrf_cookies": False,
    # expect: VC211
    "debug": True,
    # expect: VC211
    "serve_traceback": True,
}

CACHE_OPTIONS = {
    "ttl": 300,
    # ok: VC211 -- a cache's option, not the app's settings
    "debug": True,
}
