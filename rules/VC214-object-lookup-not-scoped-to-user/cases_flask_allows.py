"""VC214 corpus: Flask-Allows requirements, on a `MethodView`'s `decorators` or on the handler, as guards that check more
than a login."""
from flask import Flask, request
from flask.views import MethodView
from flask_allows import Allows, Or
from flask_login import login_required

from .models import Post, Topic
from .requirements import (CanEditPost, CanEditUser, IsAdmin, IsAtleastModerator, IsAtleastModeratorInForum,
                           IsAuthenticated)

app = Flask(__name__)
allows = Allows(app)


class EditPost(MethodView):
    decorators = [allows.requires(CanEditPost), login_required]

    def post(self, post_id):
        # ok: VC214 -- the requirement is handed the request and checks the post the URL names
        post = Post.query.filter_by(id=post_id).first_or_404()
        post.content = request.form["content"]
        post.save()
        return ""


class LockTopic(MethodView):
    decorators = [allows.requires(IsAtleastModeratorInForum()), login_required]

    def post(self, topic_id):
        # ok: VC214 -- a moderator reaches every topic of the forum
        topic = Topic.query.filter_by(id=topic_id).first_or_404()
        topic.locked = True
        topic.save()
        return ""


class MoveTopic(MethodView):
    decorators = [allows.requires(IsAtleastModerator & CanEditUser), login_required]

    def post(self, topic_id):
        # ok: VC214 -- requirements combined with `&`
        topic = Topic.query.filter_by(id=topic_id).first_or_404()
        topic.move(request.form["forum"])
        return ""


class HideTopic(MethodView):
    decorators = [allows.requires(Or(IsAdmin, IsAtleastModeratorInForum())), login_required]

    def post(self, topic_id):
        # ok: VC214 -- requirements combined with `Or(...)`
        topic = Topic.query.filter_by(id=topic_id).first_or_404()
        topic.hide()
        return ""


class ArchiveTopic(MethodView):
    decorators = [allows.requires(IsAuthenticated), login_required]

    def post(self, topic_id):
        # expect: VC214 -- a requirement that only asks for a login
        topic = Topic.query.filter_by(id=topic_id).first_or_404()
        topic.archived = True
        topic.save()
        return ""


class PinTopic(MethodView):
    decorators = [login_required]

    def post(self, topic_id):
        # expect: VC214 -- a login and nothing else
        topic = Topic.query.filter_by(id=topic_id).first_or_404()
        topic.pinned = True
        topic.save()
        return ""


class PostActions(MethodView):
    decorators = [login_required]

    @allows.requires(CanEditPost)
    def post(self, post_id):
        # ok: VC214 -- the method's own requirement
        post = Post.query.filter_by(id=post_id).first_or_404()
        post.content = request.form["content"]
        post.save()
        return ""

    def delete(self, post_id):
        # expect: VC214 -- the requirement guards `post` only
        post = Post.query.filter_by(id=post_id).first_or_404()
        post.delete()
        return ""


@app.route("/posts/<int:post_id>/quote", methods=["POST"])
@login_required
@allows.requires(CanEditPost)
def quote_post(post_id):
    # ok: VC214 -- a requirement on a function view
    post = Post.query.filter_by(id=post_id).first_or_404()
    post.quoted = True
    post.save()
    return ""


@app.route("/posts/<int:post_id>/flag", methods=["POST"])
@login_required
def flag_post(post_id):
    # expect: VC214 -- no requirement
    post = Post.query.filter_by(id=post_id).first_or_404()
    post.flagged = True
    post.save()
    return ""
