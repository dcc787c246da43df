"""VC414 corpus: the return value of class-based views' verbs (Flask `MethodView`, Flask-RESTX `Resource`, Sanic
`HTTPMethodView`), Flask-RESTX's `abort`, Falcon's and Sanic's error responses; and the generic look-alikes."""
import logging

import falcon
from flask.views import MethodView
from flask_restx import Namespace, Resource, abort
from sanic.exceptions import SanicException
from sanic.views import HTTPMethodView

logger = logging.getLogger(__name__)
ns = Namespace("reports")


@ns.route("/")
class ReportResource(Resource):
    def get(self):
        try:
            return build_report()
        except Exception as e:
            # expect: VC414
            return {"error": str(e)}, 500

    def post(self):
        try:
            return build_report()
        except Exception as e:
            # expect: VC414
            ns.abort(500, f"report failed: {e}")

    def put(self):
        try:
            return build_report()
        except Exception as e:
            # expect: VC414
            abort(500, str(e))

    def delete(self):
        try:
            return build_report()
        except Exception:
            logger.exception("report failed")
            # ok: VC414
            ns.abort(500, "internal error")

    def summary(self):
        try:
            return build_report()
        except Exception as e:
            # ok: VC414 -- not a verb: a helper whose caller decides what the client sees
            return {"error": str(e)}


class ReportView(MethodView):
    def get(self):
        try:
            return build_report()
        except Exception as e:
            # expect: VC414
            return {"error": repr(e)}, 500


class SanicReportView(HTTPMethodView):
    async def get(self, request):
        try:
            return build_report()
        except Exception as e:
            # expect: VC414
            raise SanicException(str(e), status_code=500)


class FalconReport:
    def on_get(self, req, resp):
        try:
            resp.media = build_report()
        except Exception as e:
            # expect: VC414
            raise falcon.HTTPInternalServerError(description=str(e))

    def on_post(self, req, resp):
        try:
            resp.media = build_report()
        except Exception:
            logger.exception("report failed")
            # ok: VC414
            raise falcon.HTTPInternalServerError(description="internal error")


class ReportBuilder:
    def get(self):
        try:
            return build_report()
        except Exception as e:
            # ok: VC414 -- not a view: its caller decides what reaches a client
            return {"error": str(e)}


def build_report():
    return {}
