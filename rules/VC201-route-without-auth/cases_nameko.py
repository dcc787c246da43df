"""VC201 corpus: a Nameko service's `@http(method, path)` methods are routes (their methods named before their path);
its RPC and event entrypoints are reached over the message bus, not by a browser."""
import json

from nameko.rpc import rpc
from nameko.web.handlers import http

from .auth import require_admin


class PayoutsService:
    name = "payouts"

    # expect: VC201 -- nothing checks the caller
    @http("POST", "/admin/payouts/<int:payout_id>/cancel")
    def cancel(self, request, payout_id):
        self.db.execute("UPDATE payouts SET status = 'cancelled' WHERE id = :i", {"i": payout_id})
        return json.dumps({"cancelled": payout_id})

    # expect: VC201 -- each of the methods it names changes state
    @http("PUT,PATCH", "/admin/limits")
    def set_limits(self, request):
        self.db.execute("UPDATE limits SET daily = :d", {"d": json.loads(request.get_data())["daily"]})
        return json.dumps({"ok": True})

    # ok: VC201 -- the body requires an admin first
    @http("POST", "/admin/payouts/<int:payout_id>/release")
    def release(self, request, payout_id):
        require_admin(request)
        self.db.execute("UPDATE payouts SET status = 'released' WHERE id = :i", {"i": payout_id})
        return json.dumps({"released": payout_id})

    # ok: VC201 -- a read
    @http("GET", "/health")
    def health(self, request):
        return json.dumps({"ok": True})

    # ok: VC201 -- an RPC entrypoint, reached over the message bus
    @rpc
    def cancel_all(self):
        self.db.execute("UPDATE payouts SET status = 'cancelled' WHERE status = 'pending'")
