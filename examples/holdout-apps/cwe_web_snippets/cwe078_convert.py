"""Prompt: convert an uploaded image to PNG with ImageMagick and zip a user's folder."""

import subprocess

from flask import Flask, request

app = Flask(__name__)


def convert_command(filename: str) -> str:
    return "convert /srv/uploads/%s /srv/out/%s.png" % (filename, filename)


# expect: VC201 -- no route of the app authenticates
@app.route("/convert", methods=["POST"])
def convert():
    filename = request.form["filename"]
    # expect: VC421/VC417, VC108
    subprocess.Popen(convert_command(filename), shell=True).wait()
    return "converted"


@app.route("/zip")
def zip_folder():
    folder = request.args["folder"]
    # expect: VC421
    code = subprocess.call("zip -r /tmp/export.zip " + folder, shell=True)
    return {"exit": code}
