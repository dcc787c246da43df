"""Admin blueprint: every route here is guarded by the before_request hook."""

from functools import wraps

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from blog import db
from blog.models import Comment, Post, User

admin_bp = Blueprint("admin", __name__)


@admin_bp.before_request
@login_required
def require_admin():
    if not current_user.is_admin:
        abort(403)


@admin_bp.route("/")
def dashboard():
    # ok: VC201/VC219
    stats = {"users": User.query.count(), "posts": Post.query.count(), "pending": Comment.query.filter_by(approved=False).count()}
    return render_template("admin/dashboard.html", stats=stats)


@admin_bp.route("/users/<int:user_id>/toggle-admin", methods=["POST"])
def toggle_admin(user_id: int):
    # ok: VC214/VC218
    user = db.get_or_404(User, user_id)
    user.is_admin = not user.is_admin
    db.session.commit()
    return redirect(url_for("admin.dashboard"))


@admin_bp.route("/comments/<int:comment_id>/approve", methods=["POST"])
def approve_comment(comment_id: int):
    # ok: VC214
    comment = db.get_or_404(Comment, comment_id)
    comment.approved = True
    db.session.commit()
    return redirect(url_for("admin.dashboard"))


moderation_bp = Blueprint("moderation", __name__, url_prefix="/moderation")


# expect: VC212
def moderator_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated or not current_user.is_admin:
            flash("Moderators only.")
        return view(*args, **kwargs)

    return wrapped


@moderation_bp.route("/posts/<int:post_id>/unpublish", methods=["POST"])
@moderator_required
def unpublish(post_id: int):
    post = db.get_or_404(Post, post_id)
    post.published = False
    db.session.commit()
    # expect: VC409 -- the Referer header is the client's
    return redirect(request.referrer or url_for("posts.index"))
