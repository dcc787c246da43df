"""VC218 corpus: Flask-Allows requirements that ask for a role, and those that ask for a login only."""
from flask import Flask
from flask.views import MethodView
from flask_allows import Allows
from flask_login import login_required

from .models import Topic, User
from .requirements import IsAdmin, IsAtleastModeratorInForum, IsAuthenticated

app = Flask(__name__)
allows = Allows(app)


class UnlockTopic(MethodView):
    decorators = [allows.requires(IsAtleastModeratorInForum()), login_required]

    # ok: VC218 -- a moderator's requirement on the class
    def post(self, topic_id):
        Topic.query.get(topic_id).unlock()
        return ""


class BanUser(MethodView):
    decorators = [allows.requires(IsAuthenticated), login_required]

    # expect: VC218 -- a requirement that only asks for a login
    def post(self, user_id):
        User.query.get(user_id).ban()
        return ""


class PromoteUser(MethodView):
    decorators = [login_required]

    # expect: VC218
    def post(self, user_id):
        User.query.get(user_id).make_moderator()
        return ""


# ok: VC218 -- the requirement on the function asks for a role
@app.route("/users/<int:user_id>/unban", methods=["POST"])
@login_required
@allows.requires(IsAdmin)
def unban(user_id):
    User.query.get(user_id).unban()
    return ""


# expect: VC218
@app.route("/users/<int:user_id>/suspend", methods=["POST"])
@login_required
def suspend(user_id):
    User.query.get(user_id).suspend()
    return ""
