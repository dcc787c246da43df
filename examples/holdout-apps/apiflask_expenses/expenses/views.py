"""Expense endpoints: submit, view, approve, import and export."""

import csv
import io
import logging
import os
from decimal import Decimal, InvalidOperation

from apiflask import APIBlueprint, abort
from flask import current_app, request, send_from_directory
# expect: VC504
from sqlalchemy import text

from .auth import auth
from .models import Expense, db
from .schemas import ExpenseIn, ExpenseOut

logger = logging.getLogger(__name__)
bp = APIBlueprint("expenses", __name__, url_prefix="/expenses")

SORTABLE = {"amount": "amount", "date": "id", "status": "status"}


@bp.post("")
@bp.input(ExpenseIn)
@bp.output(ExpenseOut, status_code=201)
@bp.auth_required(auth)
def submit_expense(json_data):
    user = auth.current_user
    # ok: VC215
    expense = Expense(**json_data, owner_id=user.id, team_id=user.team_id)
    db.session.add(expense)
    db.session.commit()
    return expense


@bp.post("/quick")
@bp.auth_required(auth)
def quick_expense():
    payload = request.get_json()
    # expect: VC215
    expense = Expense(**payload)
    db.session.add(expense)
    db.session.commit()
    return {"id": expense.id}, 201


@bp.get("/<int:expense_id>")
@bp.output(ExpenseOut)
@bp.auth_required(auth)
def get_expense(expense_id):
    # expect: VC214
    return db.get_or_404(Expense, expense_id)


@bp.get("/mine")
@bp.output(ExpenseOut(many=True))
@bp.auth_required(auth)
def my_expenses():
    # ok: VC214
    return Expense.query.filter_by(owner_id=auth.current_user.id).all()


# expect: VC218
@bp.post("/<int:expense_id>/approve")
@bp.auth_required(auth)
def approve_expense(expense_id):
    expense = db.get_or_404(Expense, expense_id)
    # expect: VC207/VC217
    if request.headers.get("X-User-Role") != "manager":
        abort(403, "Only managers can approve")
    expense.status = "approved"
    expense.approved_by = auth.current_user.id
    db.session.commit()
    return {"status": expense.status}


@bp.post("/<int:expense_id>/reject")
@bp.auth_required(auth)
def reject_expense(expense_id):
    user = auth.current_user
    # ok: VC217/VC207
    if user.role != "manager":
        abort(403, "Only managers can reject")
    # ok: VC214
    expense = Expense.query.filter_by(id=expense_id, team_id=user.team_id).first_or_404()
    if expense.owner_id == user.id:
        abort(403, "You cannot review your own expense")
    expense.status = "rejected"
    db.session.commit()
    return {"status": expense.status}


@bp.get("/report")
@bp.auth_required(auth)
def team_report():
    user = auth.current_user
    sort = request.args.get("sort", "id")
    # expect: VC402/VC422
    rows = db.session.execute(text(f"SELECT id, description, amount, status FROM expense WHERE team_id = :team ORDER BY {sort}"), {"team": user.team_id})
    return {"rows": [dict(r._mapping) for r in rows]}


@bp.get("/report/sorted")
@bp.auth_required(auth)
def team_report_sorted():
    column = SORTABLE.get(request.args.get("sort", "date"), "id")
    # ok: VC402/VC422
    rows = db.session.execute(text(f"SELECT id, amount FROM expense WHERE team_id = :team ORDER BY {column}"), {"team": auth.current_user.team_id})
    return {"rows": [dict(r._mapping) for r in rows]}


@bp.post("/import")
@bp.auth_required(auth)
def import_csv():
    upload = request.files["file"]
    path = os.path.join(current_app.config["UPLOAD_DIR"], upload.filename)
    # expect: VC405/VC409
    upload.save(path)
    user = auth.current_user
    created = 0
    # expect: VC405
    with open(path, newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                amount = Decimal(row["amount"]).quantize(Decimal("0.01"))
            # ok: VC101/VC102
            except (InvalidOperation, KeyError):
                logger.warning("skipping row without a valid amount: %r", row.get("description"))
                continue
            db.session.add(Expense(description=row.get("description", ""), amount=amount, owner_id=user.id, team_id=user.team_id))
            created += 1
    db.session.commit()
    return {"created": created}


@bp.get("/export.csv")
@bp.auth_required(auth)
def export_csv():
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "description", "amount", "status"])
    # ok: VC214
    for e in Expense.query.filter_by(team_id=auth.current_user.team_id):
        writer.writerow([e.id, e.description, e.amount, e.status])
    return buf.getvalue(), 200, {"Content-Type": "text/csv"}


@bp.get("/<int:expense_id>/receipt")
@bp.auth_required(auth)
def download_receipt(expense_id):
    expense = Expense.query.filter_by(id=expense_id, owner_id=auth.current_user.id).first_or_404()
    # ok: VC405
    return send_from_directory(current_app.config["RECEIPTS_DIR"], expense.receipt_name)


@bp.get("/receipts/<path:name>")
@bp.auth_required(auth)
def raw_receipt(name):
    # expect: VC405
    return open(os.path.join(current_app.config["RECEIPTS_DIR"], name), "rb").read()
