import os
import re

import bleach
from flask import Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from markupsafe import Markup, escape
# expect: VC504
from sqlalchemy import text
# expect: VC504
from werkzeug.utils import secure_filename

from blog import db
from blog.models import Comment, Post, User

posts_bp = Blueprint("posts", __name__)

ALLOWED_TAGS = ["p", "a", "strong", "em", "ul", "ol", "li", "code", "pre", "blockquote"]
ALLOWED_IMAGES = {"png", "jpg", "jpeg", "gif"}


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


@posts_bp.route("/")
def index():
    posts = Post.query.filter_by(published=True).order_by(Post.created_at.desc()).limit(20).all()
    return render_template("index.html", posts=posts)


@posts_bp.route("/post/<slug>")
def show(slug: str):
    # ok: VC214
    post = Post.query.filter_by(slug=slug, published=True).first_or_404()
    return render_template("post.html", post=post, body=Markup(bleach.clean(post.body, tags=ALLOWED_TAGS)))


@posts_bp.route("/drafts")
@login_required
def drafts():
    posts = Post.query.filter_by(author_id=current_user.id, published=False).all()
    return render_template("drafts.html", posts=posts)


@posts_bp.route("/drafts/<int:post_id>")
@login_required
def preview_draft(post_id: int):
    # expect: VC214
    post = Post.query.get_or_404(post_id)
    return render_template("post.html", post=post, body=Markup(bleach.clean(post.body, tags=ALLOWED_TAGS)))


@posts_bp.route("/new", methods=["GET", "POST"])
@login_required
def create():
    if request.method == "POST":
        title = request.form["title"]
        post = Post(title=title, slug=slugify(title), body=request.form["body"], author_id=current_user.id)
        db.session.add(post)
        db.session.commit()
        return redirect(url_for("posts.drafts"))
    return render_template("edit.html")


@posts_bp.route("/post/<int:post_id>/edit", methods=["GET", "POST"])
@login_required
def edit(post_id: int):
    # ok: VC214
    post = db.get_or_404(Post, post_id)
    if post.author_id != current_user.id and not current_user.is_admin:
        abort(403)
    if request.method == "POST":
        post.title = request.form["title"]
        post.body = request.form["body"]
        post.published = "published" in request.form
        db.session.commit()
        return redirect(url_for("posts.show", slug=post.slug))
    return render_template("edit.html", post=post)


@posts_bp.route("/post/<int:post_id>/delete", methods=["POST"])
@login_required
def delete(post_id: int):
    # expect: VC214
    post = db.get_or_404(Post, post_id)
    db.session.delete(post)
    db.session.commit()
    flash("Post deleted.")
    return redirect(url_for("posts.index"))


# ok: VC201 -- visitors comment without an account; comments wait for approval
@posts_bp.route("/post/<int:post_id>/comments", methods=["POST"])
def add_comment(post_id: int):
    post = Post.query.filter_by(id=post_id, published=True).first_or_404()
    comment = Comment(body=request.form["body"], author_name=request.form["name"][:64], post_id=post.id)
    db.session.add(comment)
    db.session.commit()
    return redirect(url_for("posts.show", slug=post.slug))


@posts_bp.route("/post/<int:post_id>/comments/latest")
def latest_comment(post_id: int):
    comment = Comment.query.filter_by(post_id=post_id, approved=True).order_by(Comment.id.desc()).first_or_404()
    name = request.args.get("highlight", "")
    # expect: VC411/VC427
    return Markup(f"<div class='comment'><b>{comment.author_name}</b> {comment.body} <mark>{name}</mark></div>")


@posts_bp.route("/post/<int:post_id>/comments/count")
def comment_count(post_id: int):
    label = request.args.get("label", "comments")
    count = Comment.query.filter_by(post_id=post_id, approved=True).count()
    # ok: VC411/VC427
    return Markup("<span>{} {}</span>").format(count, escape(label))


@posts_bp.route("/search")
def search():
    q = request.args.get("q", "")
    # ok: VC402/VC422
    rows = db.session.execute(
        text("SELECT id, title, slug FROM post WHERE published = 1 AND title LIKE :q LIMIT 50"), {"q": f"%{q}%"}
    )
    return jsonify([dict(r._mapping) for r in rows])


@posts_bp.route("/tags/<tag>")
def by_tag(tag: str):
    sort = request.args.get("sort", "created_at")
    # expect: VC402/VC422
    rows = db.session.execute(text(f"SELECT id, title FROM post WHERE body LIKE '%#{tag}%' ORDER BY {sort}"))
    return jsonify([dict(r._mapping) for r in rows])


@posts_bp.route("/profile", methods=["POST"])
@login_required
def update_profile():
    for field, value in request.form.items():
        # expect: VC215
        setattr(current_user, field, value)
    db.session.commit()
    return redirect(url_for("posts.index"))


@posts_bp.route("/profile/bio", methods=["POST"])
@login_required
def update_bio():
    # ok: VC215
    current_user.bio = bleach.clean(request.form.get("bio", ""), tags=ALLOWED_TAGS)
    db.session.commit()
    return redirect(url_for("posts.index"))


@posts_bp.route("/profile/avatar", methods=["POST"])
@login_required
def upload_avatar():
    file = request.files["avatar"]
    filename = secure_filename(file.filename or "")
    if not filename or filename.rsplit(".", 1)[-1].lower() not in ALLOWED_IMAGES:
        abort(400)
    # ok: VC405
    file.save(os.path.join(current_app.config["UPLOAD_FOLDER"], f"{current_user.id}-{filename}"))
    current_user.avatar = filename
    db.session.commit()
    return redirect(url_for("posts.index"))


@posts_bp.route("/attachments", methods=["POST"])
@login_required
def upload_attachment():
    file = request.files["file"]
    # expect: VC405/VC409
    file.save(os.path.join(current_app.config["UPLOAD_FOLDER"], file.filename))
    return jsonify({"ok": True})


# expect: VC218
@posts_bp.route("/users/<int:user_id>/promote", methods=["POST"])
@login_required
def promote(user_id: int):
    # expect: VC214
    user = db.get_or_404(User, user_id)
    user.is_admin = True
    db.session.commit()
    return redirect(url_for("posts.index"))


# expect: VC201 -- serves a member's e-mail and password hash to anyone
@posts_bp.route("/users/<username>.json")
def user_json(username: str):
    user = User.query.filter_by(username=username).first_or_404()
    # expect: VC429
    return jsonify({"id": user.id, "username": user.username, "email": user.email, "password_hash": user.password_hash})
