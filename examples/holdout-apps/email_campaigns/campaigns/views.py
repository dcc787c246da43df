from flask import Blueprint, abort, jsonify, render_template_string, request
from flask_login import current_user, login_required

from .mailer import render_body_sandboxed
from .models import Campaign, Staff, db
from .tasks import send_campaign
from .unsubscribe import email_change_token, read_email_change, read_email_change_timed

bp = Blueprint("staff", __name__, url_prefix="/staff")


@bp.post("/campaigns")
@login_required
def create_campaign():
    data = request.get_json()
    campaign = Campaign(org_id=current_user.org_id, subject=data["subject"], body=data["body"])
    db.session.add(campaign)
    db.session.commit()
    return jsonify(id=campaign.id), 201


@bp.post("/campaigns/preview")
@login_required
def preview_campaign():
    # expect: VC412
    return render_template_string(request.form["body"], subscriber={"name": "Ada", "email": "ada@example.com"})


@bp.post("/campaigns/preview-safe")
@login_required
def preview_campaign_safe():
    # ok: VC412/VC426
    html = render_body_sandboxed(request.form["body"], {"name": "Ada", "email": "ada@example.com"}, "#")
    return jsonify(html=html)


@bp.post("/campaigns/<int:campaign_id>/send")
@login_required
def send_now(campaign_id: int):
    # expect: VC214
    campaign = Campaign.query.get_or_404(campaign_id)
    send_campaign.delay(campaign.id)
    return jsonify(queued=True)


@bp.get("/campaigns/<int:campaign_id>")
@login_required
def show_campaign(campaign_id: int):
    # ok: VC214
    campaign = Campaign.query.filter_by(id=campaign_id, org_id=current_user.org_id).first_or_404()
    return jsonify(id=campaign.id, subject=campaign.subject, status=campaign.status)


@bp.post("/account/email")
@login_required
def change_email():
    token = email_change_token(current_user.id, request.form["email"])
    return jsonify(confirm_url=f"/staff/account/email/confirm/{token}")


@bp.get("/account/email/confirm/<token>")
@login_required
def confirm_email_change(token: str):
    data = read_email_change(token)
    if data["id"] != current_user.id:
        abort(403)
    current_user.email = data["email"]
    db.session.commit()
    return jsonify(email=current_user.email)


@bp.get("/account/email/confirm-timed/<token>")
@login_required
def confirm_email_change_timed(token: str):
    data = read_email_change_timed(token)
    staff = db.session.get(Staff, current_user.id)
    if data["id"] != staff.id:
        abort(403)
    staff.email = data["email"]
    db.session.commit()
    return jsonify(email=staff.email)
