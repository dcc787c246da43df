"""VC218 corpus: a handler that files a request for a privileged operation (`create_payout`, `request_refund`) for the
caller's own account asks for it; whoever approves the request performs it."""
import stripe
from flask import Flask, request
from flask_login import current_user, login_required

from . import payments
from .models import CreditRequest, Order, Payout, Refund, db

app = Flask(__name__)


# ok: VC218 -- a payout of the caller's own balance, filed for them
@app.post("/payouts")
@login_required
def create_payout():
    db.session.add(Payout(merchant_id=current_user.id, amount=request.json["amount"]))
    db.session.commit()
    return {"ok": True}


# expect: VC218 -- the client names the order, the refund is made for nobody in particular
@app.post("/refunds")
@login_required
def create_refund():
    db.session.add(Refund(order_id=request.json["order_id"], amount=request.json["amount"]))
    db.session.commit()
    return {"ok": True}


# expect: VC218 -- approving a payout is the privileged part
@app.post("/payouts/<int:payout_id>/approve")
@login_required
def approve_payout(payout_id):
    payout = db.session.get(Payout, payout_id)
    payout.approved_by = current_user.id
    db.session.commit()
    return {"ok": True}


# expect: VC218 -- the refund is filed for the caller, and then made at the provider at once: nobody approves it
@app.post("/my/refunds")
@login_required
def create_refund_now():
    refund = Refund(user_id=current_user.id, charge=request.json["charge"])
    db.session.add(refund)
    stripe.Refund.create(charge=refund.charge)
    db.session.commit()
    return {"ok": True}


# expect: VC218 -- the credit is filed and granted in the same request
@app.post("/my/credits")
@login_required
def request_credit():
    db.session.add(CreditRequest(user_id=current_user.id, amount=request.json["amount"]))
    current_user.balance += request.json["amount"]
    db.session.commit()
    return {"ok": True}


# expect: VC218 -- filed, then the order is refunded by the handler itself
@app.post("/my/orders/refund")
@login_required
def submit_refund():
    order = db.session.get(Order, request.json["order_id"])
    db.session.add(Refund(user_id=current_user.id, order_id=order.id))
    payments.issue_refund(order.charge_id)
    return {"ok": True}


# ok: VC218 -- a payout request that holds back the caller's funds until someone approves it
@app.post("/my/payouts")
@login_required
def request_payout():
    amount = request.json["amount"]
    db.session.add(Payout(merchant_id=current_user.id, amount=amount))
    current_user.balance -= amount
    db.session.commit()
    return {"ok": True}


# ok: VC218 -- only the record is made, through the provider's library for something else (a customer note)
@app.post("/my/refund-requests")
@login_required
def new_refund():
    db.session.add(Refund(user_id=current_user.id, order_id=request.json["order_id"]))
    stripe.Customer.modify(current_user.customer_id, metadata={"refund_requested": "1"})
    db.session.commit()
    return {"ok": True}
