import base64
import logging
import os
import pickle

import requests
import yaml
from flask import Blueprint, abort, current_app, jsonify, request, send_file, send_from_directory
from flask_jwt_extended import get_jwt_identity, jwt_required, verify_jwt_in_request
# expect: VC504 -- forgotten: sqlalchemy is not declared
from sqlalchemy import text

from .auth import admin_required, current_is_admin
from .extensions import db
from .models import Note, User

log = logging.getLogger(__name__)
notes_bp = Blueprint("notes", __name__, url_prefix="/notes")
admin_bp = Blueprint("admin", __name__, url_prefix="/admin")


def _serialize(note: Note) -> dict:
    return {"id": note.id, "title": note.title, "body": note.body, "shared": note.shared}


@notes_bp.get("/<int:note_id>")
@jwt_required()
def get_note(note_id):
    # expect: VC214 -- IDOR, no owner check
    note = Note.query.get_or_404(note_id)
    return jsonify(_serialize(note))


@notes_bp.put("/<int:note_id>")
@jwt_required()
def update_note(note_id):
    # ok: VC214 -- owner-filtered query
    note = Note.query.filter_by(id=note_id, owner_id=int(get_jwt_identity())).first_or_404()
    data = request.get_json()
    note.title = data.get("title", note.title)
    note.body = data.get("body", note.body)
    db.session.commit()
    return jsonify(_serialize(note))


@notes_bp.delete("/<int:note_id>")
@jwt_required(optional=True)
def delete_note(note_id):
    # expect: VC214 -- optional auth on delete, IDOR via session.get
    note = db.session.get(Note, note_id)
    if note is None:
        abort(404)
    db.session.delete(note)
    db.session.commit()
    return "", 204


@notes_bp.get("/search")
@jwt_required()
def search_notes():
    term = request.args.get("q", "")
    owner = get_jwt_identity()
    sql = "SELECT id, title FROM note WHERE owner_id = %s AND title LIKE '%%%s%%'" % (owner, term)
    # expect: VC402/VC422 -- SQL built with % formatting
    rows = db.session.execute(text(sql)).fetchall()
    return jsonify([dict(r._mapping) for r in rows])


@notes_bp.get("/search2")
@jwt_required()
def search_notes_safe():
    term = request.args.get("q", "")
    # ok: VC402/VC422 -- bound parameters
    rows = db.session.execute(
        text("SELECT id, title FROM note WHERE owner_id = :owner AND title LIKE :term"),
        {"owner": int(get_jwt_identity()), "term": f"%{term}%"},
    ).fetchall()
    return jsonify([dict(r._mapping) for r in rows])


@notes_bp.post("/import")
@jwt_required()
def import_notes():
    # expect: VC428
    raw = request.files["file"].read()
    # expect: VC406 -- yaml.load with the unsafe Loader
    docs = yaml.load(raw, Loader=yaml.Loader)
    for item in docs:
        db.session.add(Note(owner_id=int(get_jwt_identity()), title=item["title"], body=item.get("body", "")))
    db.session.commit()
    return jsonify(imported=len(docs))


@notes_bp.post("/restore")
@jwt_required()
def restore_notes():
    blob = base64.b64decode(request.form["snapshot"])
    # expect: VC406 -- pickle of request data
    notes = pickle.loads(blob)
    return jsonify(count=len(notes))


@notes_bp.get("/attachments/<path:filename>")
@jwt_required()
def attachment(filename):
    upload_dir = current_app.config["UPLOAD_DIR"]
    # expect: VC405 -- path traversal with send_file on a joined path
    return send_file(os.path.join(upload_dir, filename))


@notes_bp.get("/files/<path:filename>")
@jwt_required()
def attachment_safe(filename):
    # ok: VC405 -- send_from_directory guards the path
    return send_from_directory(current_app.config["UPLOAD_DIR"], filename)


@notes_bp.post("/unfurl")
@jwt_required()
def unfurl():
    link = request.get_json()["url"]
    verify = current_app.config["VERIFY_TLS"]
    # expect: VC405 -- SSRF (verify taken from a False config value: reported at the setting)
    page = requests.get(link, timeout=5, verify=verify)
    return jsonify(status=page.status_code, length=len(page.text))


@notes_bp.post("/<int:note_id>/share")
@jwt_required()
def share_note(note_id):
    note = Note.query.filter_by(id=note_id, owner_id=int(get_jwt_identity())).first_or_404()
    note.shared = True
    try:
        # expect: VC107 -- forgotten: status unchecked
        requests.post("https://push.example.com/notify", json={"note": note.id}, timeout=5)
    # expect: VC101/VC111 -- bare except that passes
    except:
        pass
    db.session.commit()
    return jsonify(_serialize(note))


@admin_bp.before_request
def guard_admin():
    # expect: VC212/VC216 -- guard whose result is ignored
    admin_required()


# expect: VC201/VC218 -- forgotten: admin route any signed-in user reaches
@admin_bp.get("/users")
def list_users():
    return jsonify([{"id": u.id, "username": u.username} for u in User.query.all()])


# expect: VC201/VC218 -- forgotten: admin route any signed-in user reaches
@admin_bp.delete("/users/<int:user_id>")
def delete_user(user_id):
    # expect: VC212/VC216/VC218 -- admin check result ignored inside the handler
    current_is_admin()
    db.session.delete(db.get_or_404(User, user_id))
    db.session.commit()
    return "", 204


@admin_bp.post("/notes/purge")
def purge_notes():
    verify_jwt_in_request()
    # ok: VC212/VC216/VC218 -- admin check that denies
    if not current_is_admin():
        abort(403)
    Note.query.delete()
    db.session.commit()
    return "", 204
