"""VC409 corpus, Tornado: a handler's input into a redirect, a regex and a log line."""
import logging
import re

import tornado.escape
from tornado.web import RequestHandler


class NextHandler(RequestHandler):
    def get(self):
        # expect: VC409
        self.redirect(self.get_query_argument("next"))


class LegacyHandler(RequestHandler):
    def get(self, path):
        # expect: VC409 -- `//evil.example` is another host
        self.redirect(path)


class SearchHandler(RequestHandler):
    def post(self):
        data = tornado.escape.json_decode(self.request.body)
        # expect: VC409
        self.write({"hits": re.findall(data["pattern"], "abc")})


class FilterHandler(RequestHandler):
    def get(self):
        # expect: VC409
        rx = re.compile(self.get_argument("q"))
        self.write({"ok": bool(rx.search("abc"))})


class HomeHandler(RequestHandler):
    def get(self):
        # ok: VC409
        self.redirect(self.reverse_url("home"))


class BlogHandler(RequestHandler):
    def get(self, slug):
        # ok: VC409 -- a literal path start fixes the host
        self.redirect(f"/blog/{slug}")


class EscapedSearchHandler(RequestHandler):
    def get(self):
        # ok: VC409
        rx = re.compile(re.escape(self.get_argument("q")))
        self.write({"ok": bool(rx.search("abc"))})


class Pager:
    def redirect(self, url):
        return url

    def get(self, page):
        # ok: VC409 -- not a handler: its own method
        return self.redirect(page)


def _is_protocol_relative(path):
    return path.startswith("//")


class DirectoryHandler(RequestHandler):
    def get(self):
        if not self.request.path.endswith("/"):
            if _is_protocol_relative(self.request.path):
                raise tornado.web.HTTPError(403)
            # ok: VC409 -- the path was checked first
            self.redirect(self.request.path + "/", permanent=True)


class SlashHandler(RequestHandler):
    def get(self):
        if not self.request.path.endswith("/"):
            # expect: VC409 -- `//evil.example` becomes another host
            self.redirect(self.request.path + "/", permanent=True)


class QueryCheckHandler(RequestHandler):
    def get(self):
        if "next" in self.request.arguments:
            # expect: VC409 -- a test of one field checks none of the values
            self.redirect(self.request.arguments["next"][0].decode())


class LoggedRequestHandler(RequestHandler):
    def get(self, user_name):
        # ok: VC409 -- Tornado keeps the request line's text: a newline the client sent is still `%0A`
        logging.warning("redirect loop detected on %s (%s)", self.request.uri, self.request.path)
        # expect: VC409 -- the path argument is decoded
        logging.warning("no such user %s", user_name)


class PoolHandler(RequestHandler):
    def get_argument(self, name, default=None, strip=True, type=None):
        value = super().get_argument(name, default, strip)
        return type(value) if type is not None and value is not None else value

    def post(self):
        # ok: VC409 -- converted to a number by the handler's getter
        logging.info("growing the pool by %s", self.get_argument("n", default=1, type=int))
        # expect: VC409
        logging.info("pool %s", self.get_argument("pool"))
