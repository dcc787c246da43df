from flask import Blueprint, jsonify, request
from flask_login import login_required as auth_required

from .models import Comment, Post, db

bp = Blueprint("blog", __name__)


@bp.route("/posts/<int:post_id>", methods=["PATCH"])
@auth_required
def edit_post(post_id):
    # expect: VC214
    post = db.session.get(Post, post_id)
    post.title = request.json["title"]
    db.session.commit()
    return jsonify(ok=True)


@bp.route("/comments/<int:comment_id>", methods=["DELETE"])
@auth_required
def delete_comment(comment_id):
    # expect: VC214
    Comment.query.filter(Comment.id == comment_id).delete()
    db.session.commit()
    return "", 204


@bp.route("/posts", methods=["POST"])
@auth_required
def new_post():
    data = request.get_json(force=True)
    # expect: VC215
    post = Post.create(**data)
    return jsonify(id=post.id), 201
