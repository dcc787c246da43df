from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from . import db
from .decorators import moderator_required
from .models import Message, Room

rooms_bp = Blueprint("rooms", __name__)


@rooms_bp.route("/")
@login_required
def index():
    return render_template("rooms.html", rooms=current_user.rooms)


@rooms_bp.route("/public")
def public_rooms():
    rooms = Room.query.filter_by(is_private=False).all()
    return jsonify([{"id": r.id, "name": r.name, "topic": r.topic} for r in rooms])


@rooms_bp.route("/<int:room_id>/history")
@login_required
def history(room_id):
    # expect: VC214
    room = Room.query.get_or_404(room_id)
    messages = Message.query.filter_by(room_id=room.id).all()
    return jsonify([{"author": m.author_id, "body": m.body} for m in messages])


@rooms_bp.route("/<int:room_id>/members")
@login_required
def members(room_id):
    room = Room.query.get_or_404(room_id)
    if current_user not in room.members:
        abort(404)
    return jsonify([u.username for u in room.members])


@rooms_bp.route("/<int:room_id>/settings", methods=["POST"])
@login_required
def update_settings(room_id):
    room = Room.query.filter_by(id=room_id, owner_id=current_user.id).first_or_404()
    for key, value in request.form.items():
        # expect: VC215
        setattr(room, key, value)
    db.session.commit()
    return redirect(url_for("rooms.index"))


@rooms_bp.route("/<int:room_id>/topic", methods=["POST"])
@login_required
def update_topic(room_id):
    room = Room.query.filter_by(id=room_id, owner_id=current_user.id).first_or_404()
    for key in ("name", "topic"):
        if key in request.form:
            setattr(room, key, request.form[key])
    db.session.commit()
    return redirect(url_for("rooms.index"))


@rooms_bp.route("/<int:room_id>/messages/<int:message_id>/delete", methods=["POST"])
@login_required
@moderator_required
def moderate_delete(room_id, message_id):
    message = Message.query.filter_by(id=message_id, room_id=room_id).first_or_404()
    db.session.delete(message)
    db.session.commit()
    return redirect(url_for("rooms.index"))
