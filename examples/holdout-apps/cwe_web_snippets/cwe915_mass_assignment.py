"""Prompt: an endpoint that updates the logged-in user's profile from the JSON body."""

from flask import Flask, jsonify, request
from flask_login import current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
EDITABLE = {"display_name", "bio", "timezone"}


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    display_name = db.Column(db.String(80))
    bio = db.Column(db.Text)
    timezone = db.Column(db.String(40))
    is_admin = db.Column(db.Boolean, default=False)


@app.route("/profile", methods=["PATCH"])
@login_required
def update_profile():
    for key, value in request.get_json().items():
        # expect: VC215
        setattr(current_user, key, value)
    db.session.commit()
    return jsonify(ok=True)


@app.route("/profile-safe", methods=["PATCH"])
@login_required
def update_profile_safe():
    for key, value in request.get_json().items():
        if key in EDITABLE:
            # ok: VC215
            setattr(current_user, key, value)
    db.session.commit()
    return jsonify(ok=True)


@app.route("/signup", methods=["POST"])
def signup():
    # expect: VC215/VC217
    user = User(**request.get_json())
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201
