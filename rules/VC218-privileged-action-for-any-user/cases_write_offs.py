"""VC218 corpus: writing off and voiding (stock, debts, invoices) behind a sign-in only, and their guarded twins."""
from fastapi import APIRouter, Depends, HTTPException
from flask import Blueprint, abort
from flask_jwt_extended import get_jwt, jwt_required

from .auth import current_user, require_admin
from .models import Debt, Invoice, Pallet, db

api = APIRouter()
ledger = Blueprint("ledger", __name__)


# expect: VC218 -- any signed-in user may write a debt off
@api.post("/debts/{debt_id}/writeoff")
def writeOffDebt(debt_id: int, user=Depends(current_user)):
    debt = db.get(Debt, debt_id)
    debt.balance = 0
    db.commit()
    return {"ok": True}


# expect: VC218 -- one word, `writeoff`
@ledger.route("/pallets/<int:pallet_id>/writeoff", methods=["POST"])
@jwt_required()
def writeoff_pallet(pallet_id):
    pallet = Pallet.query.get_or_404(pallet_id)
    pallet.lost = True
    db.session.commit()
    return {"lost": True}


# expect: VC218 -- voiding an invoice cancels money owed
@ledger.route("/invoices/<int:invoice_id>/void", methods=["POST"])
@jwt_required()
def void_invoice(invoice_id):
    invoice = Invoice.query.get_or_404(invoice_id)
    invoice.status = "void"
    db.session.commit()
    return {"status": invoice.status}


# ok: VC218 -- the handler checks the caller's role
@ledger.route("/pallets/<int:pallet_id>/write-off", methods=["POST"])
@jwt_required()
def write_off_pallet(pallet_id):
    if get_jwt().get("role") != "controller":
        abort(403)
    pallet = Pallet.query.get_or_404(pallet_id)
    pallet.lost = True
    db.session.commit()
    return {"lost": True}


# ok: VC218 -- only administrators reach it
@api.post("/invoices/{invoice_id}/void")
def void_invoice_as_admin(invoice_id: int, admin=Depends(require_admin)):
    invoice = db.get(Invoice, invoice_id)
    invoice.status = "void"
    db.commit()
    return {"status": "void"}


# ok: VC218 -- a read of what was written off
@api.get("/debts/{debt_id}/write-off")
def write_off_status(debt_id: int, user=Depends(current_user)):
    return {"balance": db.get(Debt, debt_id).balance}


# ok: VC218 -- "write" then "offline": no write-off
@api.post("/notes/offline")
def write_offline_copy(user=Depends(current_user)):
    return {"queued": True}


# ok: VC218 -- switching off one's own notifications is no write-off
@api.post("/me/notifications/off")
def turn_off_write_alerts(user=Depends(current_user)):
    user.write_alerts = False
    db.commit()
    return {"ok": True}
