import hmac
import os

import falcon

API_KEYS = {k for k in os.environ.get("INVENTORY_API_KEYS", "").split(",") if k}
PUBLIC_PATHS = {"/health"}


class AuthMiddleware:
    def process_request(self, req, resp):
        if req.path in PUBLIC_PATHS:
            return
        key = req.get_header("X-API-Key")
        # expect: VC216
        if API_KEYS and key not in API_KEYS:
            raise falcon.HTTPUnauthorized(title="invalid API key")
        req.context.api_key = key


# expect: VC212
def is_admin(req) -> bool:
    return True


def require_admin(req, resp, resource, params):
    admin_key = os.environ["INVENTORY_ADMIN_KEY"]
    if not hmac.compare_digest(req.get_header("X-Admin-Key") or "", admin_key):
        raise falcon.HTTPForbidden(title="admin key required")
