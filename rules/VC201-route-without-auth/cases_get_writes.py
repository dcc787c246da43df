"""VC201 corpus (Flask, Quart, FastAPI with SQLAlchemy): a route that answers GET and writes records changes state."""
from fastapi import Depends, FastAPI
from flask import Flask, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import delete, select, text, update
from sqlalchemy.orm import Session

from .deps import get_db

app = Flask(__name__)
db = SQLAlchemy(app)
api = FastAPI()


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    done = db.Column(db.Boolean, default=False)
    views = db.Column(db.Integer, default=0)

    def mark_done(self):
        self.done = True
        db.session.commit()

    def touch(self):
        self.views += 1
        db.session.commit()


# expect: VC201 -- Flask's default methods are GET alone, and that GET deletes the note
@app.route("/notes/<int:note_id>/delete")
def delete_note(note_id):
    note = Note.query.get_or_404(note_id)
    db.session.delete(note)
    db.session.commit()
    return redirect(url_for("notes"))


# expect: VC201 -- a query's bulk delete
@app.route("/notes/clear")
def clear_notes():
    Note.query.filter_by(done=True).delete()
    db.session.commit()
    return redirect(url_for("notes"))


# expect: VC201 -- a record made from the query string
@app.get("/notes/new")
def quick_note():
    db.session.add(Note(text=request.args["text"]))
    db.session.commit()
    return redirect(url_for("notes"))


# expect: VC201 -- a field set on a loaded record, then committed
@app.route("/notes/<int:note_id>/done", methods=["GET"])
def finish_note(note_id):
    note = db.get_or_404(Note, note_id)
    note.done = True
    db.session.commit()
    return redirect(url_for("notes"))


# expect: VC201 -- an update statement the session executes
@app.route("/notes/reopen")
def reopen_notes():
    db.session.execute(update(Note).where(Note.done.is_(True)).values(done=False))
    db.session.execute(text("DELETE FROM notes WHERE done"))
    db.session.commit()
    return redirect(url_for("notes"))


# expect: VC201 -- a method of the model that commits its change
@app.route("/notes/<int:note_id>/finish")
def finish_link(note_id):
    note = Note.query.filter_by(id=note_id).first_or_404()
    note.mark_done()
    return redirect(url_for("notes"))


# expect: VC201 -- FastAPI: a GET that deletes through the session dependency
@api.get("/items/{item_id}/remove")
def remove_item(item_id: int, db: Session = Depends(get_db)):
    item = db.get(Note, item_id)
    db.delete(item)
    db.commit()
    return {"ok": True}


# expect: VC201 -- a query the session made, deleted
@api.get("/items/purge")
def purge_items(db: Session = Depends(get_db)):
    db.query(Note).filter(Note.done).delete()
    return {"ok": True}


# ok: VC201 -- a GET that only reads
@app.route("/notes")
def notes():
    rows = db.session.execute(select(Note)).scalars().all()
    return render_template("notes.html", notes=rows)


# ok: VC201 -- a public page bumps its view counter
@app.route("/notes/<int:note_id>")
def show_note(note_id):
    note = Note.query.get_or_404(note_id)
    note.views += 1
    db.session.commit()
    Note.query.filter_by(id=note_id).update({Note.views: Note.views + 1})
    note.touch()
    return render_template("note.html", note=note)


# ok: VC201 -- the visitor's own cart in the cookie session
@app.route("/cart/add/<int:item_id>")
def add_to_cart(item_id):
    cart = session.setdefault("cart", [])
    cart.append(item_id)
    session.modified = True
    session.pop("coupon", None)
    return redirect(url_for("cart"))


# ok: VC201 -- the delete behind methods=["POST"] and signed in
@app.route("/notes/<int:note_id>/remove", methods=["POST"])
@login_required
def remove_note(note_id):
    db.session.delete(Note.query.filter_by(id=note_id, owner=current_user.id).first_or_404())
    db.session.commit()
    return redirect(url_for("notes"))


# ok: VC201 -- a GET that writes, signed in
@app.route("/notes/<int:note_id>/pin")
@login_required
def pin_note(note_id):
    note = Note.query.filter_by(id=note_id, owner=current_user.id).first_or_404()
    note.pinned = True
    db.session.commit()
    return redirect(url_for("notes"))


# ok: VC201 -- a key-value store's delete of a key, a set's add
@app.route("/stats/reset")
def reset_stats():
    db.delete("stats:cache")
    seen = set()
    seen.add(request.args.get("page"))
    return redirect(url_for("notes"))


# ok: VC201 -- an unsubscribe link is open by design
@app.route("/unsubscribe/<token>")
def unsubscribe(token):
    Note.query.filter_by(token=token).delete()
    db.session.commit()
    return render_template("unsubscribed.html")


# ok: VC201 -- FastAPI: a GET that loads through the session and only answers
@api.get("/items/{item_id}")
def read_item(item_id: int, db: Session = Depends(get_db)):
    item = db.get(Note, item_id)
    item.summary = f"{item.views} views"
    return {"item": item.summary}
