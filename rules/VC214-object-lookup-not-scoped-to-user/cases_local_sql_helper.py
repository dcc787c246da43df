"""VC214 corpus: SQL run by the module's own helper, by the client's id alone or after a lookup scoped to the owner."""
import sqlite3

from flask import Blueprint, abort, session
from flask_login import login_required

bp = Blueprint("recipes", __name__)


def query(sql, params=(), one=False, commit=False):
    conn = sqlite3.connect("recipes.db")
    conn.row_factory = sqlite3.Row
    rows = conn.execute(sql, params).fetchall()
    if commit:
        conn.commit()
    conn.close()
    return (rows[0] if rows else None) if one else rows


@bp.delete("/recipes/<int:recipe_id>")
@login_required
def delete_recipe(recipe_id):
    # expect: VC214 -- the helper runs what it is handed: a delete by the client's id alone
    query("DELETE FROM recipes WHERE id = ?", (recipe_id,), commit=True)
    return "", 204


@bp.put("/recipes/<int:recipe_id>")
@login_required
def edit_recipe(recipe_id):
    # ok: VC214 -- scoped to the owner first
    recipe = query("SELECT * FROM recipes WHERE id = ? AND owner_id = ?", (recipe_id, session["user_id"]), one=True)
    if recipe is None:
        abort(404)
    # ok: VC214 -- the row was found to be the caller's above
    query("UPDATE recipes SET title = ? WHERE id = ?", ("renamed", recipe_id), commit=True)
    return "", 204


@bp.put("/recipes/<int:recipe_id>/publish")
@login_required
def publish_recipe(recipe_id):
    conn = sqlite3.connect("recipes.db")
    # ok: VC214
    owned = conn.execute("SELECT 1 FROM recipes WHERE id = ? AND owner_id = ?", (recipe_id, session["user_id"])).fetchone()
    if owned is None:
        abort(404)
    # ok: VC214 -- the same with the connection's own execute
    conn.execute("UPDATE recipes SET published = 1 WHERE id = ?", (recipe_id,))
    conn.commit()
    return "", 204
