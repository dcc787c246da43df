import os

import tornado.ioloop
import tornado.web

from .handlers import (
    DeleteUserHandler, DiagnosticsHandler, ExportHandler, FetchHandler, LoginHandler, LogoutHandler,
    PingHandler, ProfileHandler, SafePingHandler, UploadHandler, UserHandler,
)


def make_app() -> tornado.web.Application:
    settings = dict(
        # expect: VC203
        cookie_secret="tornado-console-cookie-secret-0f9a",
        login_url="/login",
        # expect: VC208
        xsrf_cookies=False,
        # expect: VC211
        debug=True,
        template_path=os.path.join(os.path.dirname(__file__), "templates"),
    )
    return tornado.web.Application([
        (r"/login", LoginHandler),
        (r"/logout", LogoutHandler),
        (r"/users/([0-9]+)", UserHandler),
        (r"/users/([0-9]+)/delete", DeleteUserHandler),
        (r"/profile", ProfileHandler),
        (r"/fetch", FetchHandler),
        (r"/ping", PingHandler),
        (r"/ping-safe", SafePingHandler),
        (r"/export", ExportHandler),
        (r"/upload", UploadHandler),
        (r"/diagnostics", DiagnosticsHandler),
    ], **settings)


if __name__ == "__main__":
    make_app().listen(8888)
    tornado.ioloop.IOLoop.current().start()
