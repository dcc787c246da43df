import hmac
import os

from flask import Blueprint, abort, jsonify, request

from .models import Message, Room, User

api_bp = Blueprint("api", __name__)
API_TOKEN = os.environ.get("CHAT_API_TOKEN", "")


@api_bp.before_request
def check_token():
    token = request.headers.get("X-Api-Token")
    # expect: VC216
    if token and not hmac.compare_digest(token, API_TOKEN):
        abort(401)


@api_bp.route("/rooms/<int:room_id>/messages")
def room_messages(room_id):
    return jsonify([m.body for m in Message.query.filter_by(room_id=room_id).all()])


@api_bp.route("/rooms/count")
def room_count():
    return jsonify({"rooms": Room.query.count()})


@api_bp.route("/users/<int:user_id>/export")
def export_user(user_id):
    user = User.query.get_or_404(user_id)
    return jsonify({"username": user.username, "email": user.email, "rooms": [r.name for r in user.rooms]})
