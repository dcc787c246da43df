"""VC218 corpus: a handler that files a request for a privileged operation (`create_payout`, `request_refund`) for the
caller's own account asks for it; whoever approves the request performs it."""
from flask import Flask, request
from flask_login import current_user, login_required

from .models import Payout, Refund, db

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
