"""VC214 corpus: an owner column bound to whom the client names (the URL's `user_id`, the query string's `owner_id`)
instead of the signed-in caller; beside it, the same statements bound to the session's user."""
import sqlite3

from flask import Flask, jsonify, request, session
from flask_login import login_required

app = Flask(__name__)


def db():
    return sqlite3.connect("todos.db")


@app.get("/users/<int:user_id>/lists")
@login_required
def lists_of_user(user_id):
    # expect: VC214 -- the client picks whose lists
    rows = db().execute("SELECT id, title FROM lists WHERE owner_id = ?", (user_id,)).fetchall()
    return jsonify(rows)


@app.put("/lists/<int:list_id>")
@login_required
def rename_list(list_id):
    owner_id = request.args.get("owner_id", type=int)
    # expect: VC214 -- the owner is the query string's
    db().execute("UPDATE lists SET title = ? WHERE id = ? AND owner_id = ?", ("renamed", list_id, owner_id))
    return "", 204


@app.get("/accounts/<int:account_id>/invoices")
@login_required
def invoices_of(account_id):
    # expect: VC214 -- a named placeholder bound to the URL's id
    rows = db().execute("SELECT * FROM invoices WHERE account_id = :account", {"account": account_id}).fetchall()
    return jsonify(rows)


@app.get("/me/lists")
@login_required
def my_lists():
    # ok: VC214 -- bound to the signed-in caller
    rows = db().execute("SELECT id, title FROM lists WHERE owner_id = ?", (session["uid"],)).fetchall()
    return jsonify(rows)


@app.put("/v2/lists/<int:list_id>")
@login_required
def rename_own_list(list_id):
    title = request.args.get("title", "")
    # ok: VC214 -- the client's title is no owner; the owner column is the session's
    db().execute("UPDATE lists SET title = ? WHERE id = ? AND owner_id = ?", (title, list_id, session["uid"]))
    return "", 204


@app.get("/v2/accounts/<int:account_id>/invoices")
@login_required
def own_invoices(account_id):
    # ok: VC214 -- the URL's account must be the caller's as well
    rows = db().execute("SELECT * FROM invoices WHERE id = :id AND account_id = :account",
                        {"id": account_id, "account": session["account_id"]}).fetchall()
    return jsonify(rows)
