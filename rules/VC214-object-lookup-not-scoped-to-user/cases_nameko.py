"""VC214 corpus: a Nameko `@http` route that knows its caller and reads a row by the id in its path."""
import json

from nameko.rpc import rpc
from nameko.web.handlers import http

from .auth import current_user, merchant_for
from .models import Payout, Statement


class PayoutsService:
    name = "payouts"

    @http("GET", "/payouts/<int:payout_id>")
    def show(self, request, payout_id):
        user = current_user(request)
        # expect: VC214 -- any merchant's payout
        payout = self.db.get(Payout, payout_id)
        return json.dumps({"id": payout.id, "amount": str(payout.amount)})

    @http("GET", "/payouts/mine/<int:payout_id>")
    def show_own(self, request, payout_id):
        user = current_user(request)
        # ok: VC214 -- scoped to the caller
        payout = self.db.query(Payout).filter_by(id=payout_id, merchant_id=user.merchant_id).one()
        return json.dumps({"id": payout.id})

    @rpc
    def payout_status(self, payout_id):
        # ok: VC214 -- an RPC entrypoint for other services, no signed-in caller
        return self.db.get(Payout, payout_id).status


class MerchantService:
    name = "merchants"

    @http("GET", "/statements/<int:statement_id>")
    def statement(self, request, statement_id):
        merchant = merchant_for(self.db, request)
        # ok: VC214 -- `merchant_for` is handed only the request: the merchant it answers is the caller, who scopes this
        row = self.db.query(Statement).filter_by(id=statement_id, merchant_id=merchant.id).one()
        return json.dumps({"id": row.id})

    @http("GET", "/statements/<int:statement_id>/raw")
    def raw_statement(self, request, statement_id):
        merchant = merchant_for(self.db, request)
        # expect: VC214 -- the caller is known and not asked about
        row = self.db.get(Statement, statement_id)
        return json.dumps({"id": row.id})
