"""The payouts service: HTTP entrypoints for merchants, RPC for the ops console, event handlers."""
import json
import pickle
import time

import requests
from nameko.events import EventDispatcher, event_handler
from nameko.rpc import rpc
from nameko.web.handlers import http
from nameko_sqlalchemy import DatabaseSession
from sqlalchemy import text

from .auth import is_internal, merchant_for, require_admin
from .config import PROVIDER_KEY, PROVIDER_URL, WEBHOOK_HOSTS
from .models import Base, Merchant, Payout


class PayoutsService:
    name = "payouts"
    db = DatabaseSession(Base)
    dispatch = EventDispatcher()

    @http("POST", "/payouts")
    def create_payout(self, request):
        merchant = merchant_for(self.db, request)
        body = json.loads(request.get_data(as_text=True))
        # expect: VC231
        payout = Payout(merchant_id=merchant.id, amount=body["amount"], currency=body["currency"], iban=body["iban"])
        self.db.add(payout)
        self.db.commit()
        self.dispatch("payout_created", {"payout_id": payout.id})
        return 201, json.dumps({"id": payout.id})

    @http("GET", "/payouts/<int:payout_id>")
    def get_payout(self, request, payout_id):
        merchant_for(self.db, request)
        # expect: VC214
        payout = self.db.get(Payout, payout_id)
        return json.dumps({"id": payout.id, "amount": str(payout.amount), "status": payout.status})

    @http("GET", "/payouts/mine/<int:payout_id>")
    def get_own_payout(self, request, payout_id):
        merchant = merchant_for(self.db, request)
        # ok: VC214
        payout = self.db.query(Payout).filter_by(id=payout_id, merchant_id=merchant.id).one()
        return json.dumps({"id": payout.id, "status": payout.status})

    @http("GET", "/payouts/report")
    def report(self, request):
        merchant = merchant_for(self.db, request)
        order = request.args.get("order", "id")
        # expect: VC422/VC402
        rows = self.db.execute(text(f"SELECT id, amount, status FROM payouts WHERE merchant_id = :m ORDER BY {order}"),
                               {"m": merchant.id})
        return json.dumps([dict(r._mapping) for r in rows], default=str)

    @http("POST", "/payouts/<int:payout_id>/release")
    def release(self, request, payout_id):
        merchant_for(self.db, request)
        # expect: VC214/VC218
        payout = self.db.get(Payout, payout_id)
        payout.status = "released"
        self.db.commit()
        return json.dumps({"released": payout_id})

    @http("POST", "/admin/merchants/<int:merchant_id>/promote")
    def promote(self, request, merchant_id):
        require_admin(self.db, request)
        # ok: VC214/VC218
        merchant = self.db.get(Merchant, merchant_id)
        merchant.is_admin = True
        self.db.commit()
        return json.dumps({"promoted": merchant_id})

    # expect: VC201
    @http("POST", "/internal/payouts/<int:payout_id>/cancel")
    def cancel(self, request, payout_id):
        if not is_internal(request):
            return 403, "forbidden"
        payout = self.db.get(Payout, payout_id)
        payout.status = "cancelled"
        self.db.commit()
        return json.dumps({"cancelled": payout_id})

    @http("PATCH", "/merchants/me")
    def update_me(self, request):
        merchant = merchant_for(self.db, request)
        for key, value in json.loads(request.get_data()).items():
            # expect: VC215
            setattr(merchant, key, value)
        self.db.commit()
        return json.dumps({"ok": True})

    @rpc
    def retry_failed(self):
        failed = self.db.query(Payout).filter_by(status="failed").all()
        for payout in failed:
            self.dispatch("payout_created", {"payout_id": payout.id})
        return len(failed)

    @event_handler("payouts", "payout_created")
    def send_to_provider(self, event):
        payout = self.db.get(Payout, event["payout_id"])
        # expect: VC109
        while True:
            try:
                response = requests.post(
                    PROVIDER_URL,
                    json={"amount": str(payout.amount), "currency": payout.currency, "iban": payout.iban},
                    headers={"Authorization": f"Bearer {PROVIDER_KEY}"},
                    timeout=15,
                )
                response.raise_for_status()
                break
            except requests.RequestException:
                time.sleep(5)
        payout.status = "sent"
        self.db.commit()
        self.dispatch("payout_sent", {"payout_id": payout.id})

    @event_handler("payouts", "payout_sent")
    def notify_merchant(self, event):
        payout = self.db.get(Payout, event["payout_id"])
        merchant = self.db.get(Merchant, payout.merchant_id)
        # expect: VC106, VC107
        requests.post(merchant.webhook_url, json={"id": payout.id, "status": payout.status})

    @event_handler("ledger", "snapshot_ready")
    def import_snapshot(self, event):
        # expect: VC406
        snapshot = pickle.loads(bytes.fromhex(event["blob"]))
        for payout_id, status in snapshot.items():
            self.db.query(Payout).filter_by(id=payout_id).update({"status": status})
        self.db.commit()

    @http("POST", "/merchants/me/webhook-test")
    def webhook_test(self, request):
        merchant_for(self.db, request)
        url = json.loads(request.get_data())["url"]
        from urllib.parse import urlparse
        if urlparse(url).hostname not in WEBHOOK_HOSTS:
            return 400, "host not allowed"
        # ok: VC405
        # expect: VC107
        requests.post(url, json={"ping": True}, timeout=5)
        return json.dumps({"sent": True})

    @http("POST", "/merchants/me/preview")
    def preview(self, request):
        merchant_for(self.db, request)
        url = request.args["url"]
        try:
            # expect: VC405
            page = requests.get(url, timeout=5)
        # expect: VC102
        except Exception as exc:
            # expect: VC414
            return 502, json.dumps({"error": str(exc)})
        return json.dumps({"status": page.status_code, "length": len(page.content)})
