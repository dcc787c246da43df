"""VC214 corpus: the caller used only in a branch that has already answered (a listing returned for a missing id,
a local bound to the session's user read only there) scopes nothing the lookup by id after it reads; a check of the
caller after the lookup, or the caller in the lookup itself, does."""
import cherrypy
from flask import Flask, abort, jsonify
from flask_login import current_user, login_required

app = Flask(__name__)


@cherrypy.expose
@cherrypy.tools.require_login()
class Entries:
    def GET(self, entry_id=None):
        user_id = cherrypy.session["user_id"]
        with connect() as conn:
            if entry_id is None:
                return conn.execute("SELECT * FROM entries WHERE user_id = ?", (user_id,)).fetchall()
            # expect: VC214 -- the session's user scoped only the listing
            row = conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchone()
        return dict(row)

    def DELETE(self, entry_id=None):
        user_id = cherrypy.session["user_id"]
        with connect() as conn:
            if entry_id is None:
                raise cherrypy.HTTPError(400)
            # ok: VC214 -- the local reaches the lookup
            conn.execute("DELETE FROM entries WHERE id = ? AND user_id = ?", (entry_id, user_id))


@app.get("/notes/<int:note_id>")
@login_required
def show_note(note_id):
    if note_id == 0:
        return jsonify([n.to_dict() for n in Note.query.filter_by(owner_id=current_user.id)])
    # expect: VC214 -- the caller scoped the other branch
    note = Note.query.get_or_404(note_id)
    return jsonify(note.to_dict())


@app.get("/notes/<int:note_id>/raw")
@login_required
def show_raw_note(note_id):
    if note_id == 0:
        return jsonify([n.to_dict() for n in Note.query.filter_by(owner_id=current_user.id)])
    else:
        # expect: VC214 -- the `else` of the branch that used the caller
        note = Note.query.get_or_404(note_id)
    return jsonify(note.to_dict())


@app.get("/notes/<int:note_id>/checked")
@login_required
def show_checked_note(note_id):
    if note_id == 0:
        return jsonify([n.to_dict() for n in Note.query.filter_by(owner_id=current_user.id)])
    # ok: VC214 -- its owner is checked after the lookup
    note = Note.query.get_or_404(note_id)
    if note.owner_id != current_user.id:
        abort(404)
    return jsonify(note.to_dict())


@app.get("/notes/<int:note_id>/scoped")
@login_required
def show_scoped_note(note_id):
    owner_id = current_user.id
    if note_id == 0:
        return jsonify([n.to_dict() for n in Note.query.filter_by(owner_id=owner_id)])
    # ok: VC214 -- the local bound to the caller scopes this lookup too
    note = Note.query.filter_by(id=note_id, owner_id=owner_id).first_or_404()
    return jsonify(note.to_dict())


@app.get("/notes/<int:note_id>/guarded")
@login_required
def show_guarded_note(note_id):
    if not current_user.can_read(note_id):
        abort(403)
    # ok: VC214 -- the test before the lookup checks the caller
    note = Note.query.get_or_404(note_id)
    return jsonify(note.to_dict())


@app.get("/items/<int:item_id>")
@login_required
def show_item(item_id):
    if current_user.is_staff:
        return jsonify([i.to_dict() for i in Item.query.all()])
    # expect: VC214 -- staff get everything; everyone else any item by its id
    item = Item.query.get_or_404(item_id)
    return jsonify(item.to_dict())


@app.get("/items/<int:item_id>/staff")
@login_required
def show_item_to_staff(item_id):
    if not current_user.is_staff:
        abort(403)
    # ok: VC214 -- only staff reach the lookup
    item = Item.query.get_or_404(item_id)
    return jsonify(item.to_dict())


@app.get("/items/<int:item_id>/refused")
@login_required
def show_item_refusing_viewers(item_id):
    if current_user.role == "viewer":
        return jsonify({"error": "forbidden"}), 403
    # ok: VC214 -- the role test refuses viewers: the others hold a role that reaches every item
    item = Item.query.get_or_404(item_id)
    return jsonify(item.to_dict())


class Note:
    query = None


class Item:
    query = None


def connect():
    return cherrypy.thread_data.db
