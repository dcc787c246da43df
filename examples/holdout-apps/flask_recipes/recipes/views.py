import os
import pickle
import subprocess

import redis
import requests
from flask import Blueprint, abort, jsonify, redirect, render_template_string, request, send_from_directory, url_for
from flask_login import current_user, login_required
from markupsafe import Markup
# expect: VC504
from werkzeug.utils import secure_filename

from .models import Recipe, db

bp = Blueprint("recipes", __name__, url_prefix="/recipes")
cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
UPLOADS = os.environ.get("UPLOAD_DIR", "/srv/uploads")


@bp.get("/<int:recipe_id>")
@login_required
def show(recipe_id):
    # expect: VC214
    recipe = db.get_or_404(Recipe, recipe_id)
    return jsonify(title=recipe.title, body=recipe.body)


@bp.get("/mine/<int:recipe_id>")
@login_required
def show_mine(recipe_id):
    # ok: VC214
    recipe = db.one_or_404(db.select(Recipe).filter_by(id=recipe_id, author_id=current_user.id))
    return jsonify(title=recipe.title, body=recipe.body)


@bp.post("/<int:recipe_id>/delete")
@login_required
def delete(recipe_id):
    # expect: VC214
    recipe = db.session.execute(db.select(Recipe).where(Recipe.id == recipe_id)).scalar_one()
    db.session.delete(recipe)
    db.session.commit()
    # expect: VC409
    return redirect(request.referrer or url_for("recipes.index"))


@bp.get("/")
def index():
    recipes = db.session.scalars(db.select(Recipe).where(Recipe.private.is_(False))).all()
    return jsonify([r.title for r in recipes])


@bp.get("/preview")
@login_required
def preview():
    # expect: VC412
    return render_template_string(request.args.get("template", "<p>{{ title }}</p>"), title="Preview")


@bp.get("/card")
@login_required
def card():
    # expect: VC411
    return Markup(f"<div class='card'>{request.args['title']}</div>")


@bp.post("/photos")
@login_required
def upload_photo():
    photo = request.files["photo"]
    # expect: VC405/VC409
    photo.save(os.path.join(UPLOADS, photo.filename))
    return jsonify(ok=True)


@bp.post("/photos-safe")
@login_required
def upload_photo_safe():
    photo = request.files["photo"]
    # ok: VC405/VC409
    photo.save(os.path.join(UPLOADS, secure_filename(photo.filename)))
    return jsonify(ok=True)


@bp.get("/photos/<path:name>")
def photo(name):
    # ok: VC405
    return send_from_directory(UPLOADS, name)


@bp.post("/import")
@login_required
def import_url():
    url = request.form["url"]
    try:
        # expect: VC405, VC107
        data = requests.get(url, timeout=10).json()
    # expect: VC101/VC102
    except Exception:
        return jsonify(imported=0)
    return jsonify(imported=len(data))


@bp.post("/thumbnail")
@login_required
def thumbnail():
    size = request.form.get("size", "200x200")
    # expect: VC421
    subprocess.Popen(f"convert {UPLOADS}/latest.jpg -resize {size} {UPLOADS}/thumb.jpg", shell=True)
    return jsonify(ok=True)


@bp.get("/drafts")
@login_required
def drafts():
    raw = cache.get(f"drafts:{current_user.id}")
    # expect: VC406
    return jsonify(pickle.loads(raw) if raw else [])


@bp.post("/admin/purge")
@login_required
def purge():
    if not current_user.is_admin:
        abort(403)
    # ok: VC201/VC218
    Recipe.query.filter_by(private=True).delete()
    db.session.commit()
    return jsonify(ok=True)
