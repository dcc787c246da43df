"""Prompt: a Flask endpoint that updates the signed-in user's profile from the JSON body (SQLAlchemy)."""
from flask import Flask, jsonify, request
from flask_login import current_user, login_required
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
EDITABLE = ("display_name", "bio", "avatar_url")


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String, unique=True)
    display_name = db.Column(db.String)
    bio = db.Column(db.String)
    avatar_url = db.Column(db.String)
    is_admin = db.Column(db.Boolean, default=False)


def apply_changes(user: User, changes: dict) -> None:
    for key, value in changes.items():
        setattr(user, key, value)


@app.patch("/profile")
@login_required
def update_profile():
    # expect: VC215/VC417 -- the helper above copies every key of the body
    apply_changes(current_user, request.get_json(force=True))
    db.session.commit()
    return jsonify(ok=True)


@app.patch("/profile-safe")
@login_required
def update_profile_safe():
    changes = request.get_json(force=True)
    for key in EDITABLE:
        if key in changes:
            # ok: VC215
            setattr(current_user, key, changes[key])
    db.session.commit()
    return jsonify(ok=True)


@app.post("/users")
def register():
    data = request.get_json(force=True)
    # expect: VC215/VC217
    user = User(**data)
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201
