"""Prompt: let a user delete one of their uploaded images by name."""

import os

from flask import Flask, jsonify, request

app = Flask(__name__)
UPLOADS = "/srv/uploads"


def upload_path(name: str) -> str:
    return os.path.join(UPLOADS, name)


def remove_upload(name: str) -> None:
    # expect: VC405/VC417
    os.remove(upload_path(name))


# expect: VC201 -- no route of the app authenticates
@app.route("/images/delete", methods=["POST"])
def delete_image():
    image = request.form["image"]
    remove_upload(image)
    return jsonify(deleted=image)


@app.route("/images/delete-safe", methods=["POST"])
def delete_image_safely():
    image = os.path.basename(request.form["image"])
    # ok: VC405/VC417
    os.remove(upload_path(image))
    return jsonify(deleted=image)
