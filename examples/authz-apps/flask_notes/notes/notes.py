from flask import Blueprint, abort, jsonify, request
from flask_login import current_user, login_required

from .models import Note, db

notes_bp = Blueprint("notes", __name__, url_prefix="/notes")


@notes_bp.route("/", methods=["GET"])
@login_required
def list_notes():
    notes = Note.query.filter_by(user_id=current_user.id).all()
    return jsonify([n.to_dict() for n in notes])


@notes_bp.route("/", methods=["POST"])
@login_required
def create_note():
    data = request.get_json()
    note = Note(title=data["title"], body=data.get("body", ""), user_id=current_user.id)
    db.session.add(note)
    db.session.commit()
    return jsonify(note.to_dict()), 201


@notes_bp.route("/<int:note_id>", methods=["GET"])
@login_required
def get_note(note_id):
    note = Note.query.get_or_404(note_id)
    if note.user_id != current_user.id:
        abort(403)
    return jsonify(note.to_dict())


@notes_bp.route("/<int:note_id>", methods=["DELETE"])
@login_required
def delete_note(note_id):
    # expect: VC214
    note = Note.query.get_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    return "", 204


# expect: VC201
@notes_bp.route("/import", methods=["POST"])
def import_notes():
    for item in request.get_json():
        # expect: VC215
        db.session.add(Note(**item))
    db.session.commit()
    return jsonify({"imported": True})
