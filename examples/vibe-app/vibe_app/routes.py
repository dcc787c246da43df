"""HTTP routes."""
from flask import Blueprint, jsonify, request

from vibe_app import db
from vibe_app.auth import current_user_id
from vibe_app.weather import current_temperature

api = Blueprint("api", __name__)


@api.get("/health")
def health():
    return jsonify(status="ok")


@api.get("/notes")
# expect: VC301
def list_notes():
    owner = current_user_id(request.headers.get("Authorization", ""))
    return jsonify(db.find_notes(str(owner), request.args.get("q", "")))


# expect: VC201
@api.delete("/notes/<int:note_id>")
def delete_note(note_id: int):
    db.delete_note(note_id)
    return jsonify(deleted=note_id)


@api.get("/weather/<city>")
# expect: VC301
def weather(city: str):
    return jsonify(temp=current_temperature(city))
