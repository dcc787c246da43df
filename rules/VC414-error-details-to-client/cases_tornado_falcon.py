"""VC414 corpus, Tornado and Falcon: the body a handler writes or a responder sets, and the generic look-alikes."""
import logging
import traceback

import falcon
import tornado.web

logger = logging.getLogger(__name__)


class ReportHandler(tornado.web.RequestHandler):
    def get(self):
        try:
            self.write(build_report())
        except Exception:
            self.set_status(500)
            # expect: VC414
            self.write({"error": traceback.format_exc()})

    def post(self):
        try:
            self.write(build_report())
        except Exception as exc:
            self.set_status(500)
            # expect: VC414
            self.finish(f"failed: {exc}")

    def put(self):
        try:
            self.write(build_report())
        except Exception:
            logger.exception("report failed")
            self.set_status(500)
            # ok: VC414
            self.write({"error": "internal error"})


class Exporter:
    def write(self, text):
        return text

    def export(self):
        try:
            return build_report()
        except Exception as exc:
            # ok: VC414 -- not a request handler: its own `write` method
            return self.write(str(exc))


class ReportResource:
    def on_get(self, req, resp):
        try:
            resp.media = build_report()
        except Exception as e:
            resp.status = falcon.HTTP_500
            # expect: VC414
            resp.media = {"error": str(e)}

    def on_post(self, req, resp):
        try:
            resp.media = build_report()
        except Exception:
            logger.exception("report failed")
            resp.status = falcon.HTTP_500
            # ok: VC414
            resp.media = {"error": "internal error"}

    def on_delete(self, req, resp):
        try:
            resp.text = build_report()
        except Exception as e:
            # expect: VC414
            resp.text = repr(e)
            # ok: VC414 -- the log stays on the server
            req.context.last_error = str(e)


def build_report():
    return {}
