import hmac
import logging
import os

import falcon

log = logging.getLogger(__name__)
API_TOKEN = os.environ["NOTES_API_TOKEN"]
EDITOR_KEY = os.environ["NOTES_EDITOR_KEY"]


def _bearer(req) -> str:
    return (req.get_header("Authorization") or "").removeprefix("Bearer ")


class TokenMiddleware:
    def process_request(self, req, resp):
        if not hmac.compare_digest(_bearer(req), API_TOKEN):
            raise falcon.HTTPUnauthorized(title="token required")


class LenientTokenMiddleware:
    def process_resource(self, req, resp, resource, params):
        try:
            if not hmac.compare_digest(_bearer(req), API_TOKEN):
                raise falcon.HTTPUnauthorized(title="token required")
        # expect: VC216, VC102
        except Exception:
            # expect: VC409
            log.warning("token check failed for %s", req.path)


def require_editor(req, resp, resource, params):
    if not hmac.compare_digest(req.get_header("X-Editor-Key") or "", EDITOR_KEY):
        raise falcon.HTTPForbidden(title="editor key required")
