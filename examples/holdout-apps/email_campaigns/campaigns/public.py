from flask import Blueprint, abort, jsonify, redirect, request

from .mailer import send_contact, send_contact_message
from .models import Link, Subscriber, db
from .unsubscribe import read_signed_unsubscribe, unsubscribe_token_ok

bp = Blueprint("public", __name__)


@bp.post("/contact")
def contact():
    form = request.form
    send_contact(form["email"], form["subject"], form["message"])
    return jsonify(sent=True)


@bp.post("/contact/v2")
def contact_v2():
    form = request.form
    send_contact_message(form["email"], form["subject"], form["message"])
    return jsonify(sent=True)


@bp.get("/r")
def track_redirect():
    # expect: VC409
    return redirect(request.args["url"])


@bp.get("/c/<int:link_id>")
def track_click(link_id: int):
    link = db.get_or_404(Link, link_id)
    link.clicks += 1
    db.session.commit()
    # ok: VC409
    return redirect(link.url)


@bp.get("/unsubscribe")
def unsubscribe():
    email = request.args.get("email", "")
    if not unsubscribe_token_ok(email, request.args.get("token", "")):
        abort(400)
    Subscriber.query.filter_by(email=email).update({"subscribed": False})
    db.session.commit()
    return "You have been unsubscribed."


@bp.route("/u/<token>", methods=["GET", "POST"])
def unsubscribe_signed(token: str):
    # ok: VC214
    subscriber = db.get_or_404(Subscriber, read_signed_unsubscribe(token))
    subscriber.subscribed = False
    db.session.commit()
    return "You have been unsubscribed."
