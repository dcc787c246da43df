"""Server interceptors: API-key authentication and request logging."""
import logging
import os

import grpc

logger = logging.getLogger(__name__)
API_KEYS = {k for k in os.environ.get("LEDGER_API_KEYS", "").split(",") if k}
ADMIN_KEY = os.environ.get("LEDGER_ADMIN_KEY", "")


def _deny(code: grpc.StatusCode, details: str):
    def abort(request, context):
        context.abort(code, details)

    return grpc.unary_unary_rpc_method_handler(abort)


def _metadata(handler_call_details) -> dict:
    return {key: value for key, value in handler_call_details.invocation_metadata or ()}


class ApiKeyInterceptor(grpc.ServerInterceptor):
    def intercept_service(self, continuation, handler_call_details):
        # expect: VC216 -- with no keys configured every caller is let in
        if not API_KEYS:
            return continuation(handler_call_details)
        key = _metadata(handler_call_details).get("x-api-key")
        if key in API_KEYS:
            return continuation(handler_call_details)
        return _deny(grpc.StatusCode.UNAUTHENTICATED, "invalid api key")


class AdminInterceptor(grpc.ServerInterceptor):
    """Admin-only methods need the admin key as well."""

    ADMIN_METHODS = ("/ledger.Ledger/ResetBalance", "/ledger.Ledger/FreezeAccount")

    def intercept_service(self, continuation, handler_call_details):
        if handler_call_details.method not in self.ADMIN_METHODS:
            return continuation(handler_call_details)
        key = _metadata(handler_call_details).get("x-admin-key", "")
        # expect: VC204 -- timing-unsafe comparison of the admin key
        if ADMIN_KEY and key == ADMIN_KEY:
            return continuation(handler_call_details)
        return _deny(grpc.StatusCode.PERMISSION_DENIED, "admin only")


class LoggingInterceptor(grpc.ServerInterceptor):
    def intercept_service(self, continuation, handler_call_details):
        metadata = _metadata(handler_call_details)
        # expect: VC407 -- logs the caller's API key
        logger.info("call %s key=%s", handler_call_details.method, metadata.get("x-api-key"))
        return continuation(handler_call_details)
