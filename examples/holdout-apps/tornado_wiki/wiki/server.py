import tornado.ioloop
import tornado.web

from .config import SETTINGS
from .handlers import PageAdminHandler, PageHandler


def make_app() -> tornado.web.Application:
    app = tornado.web.Application([
        (r"/pages/([a-z0-9-]+)", PageHandler),
        (r"/admin/pages/([a-z0-9-]+)", PageAdminHandler),
    ], **SETTINGS)
    app.pages = {}
    return app


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
