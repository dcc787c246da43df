"""Prompt: DNS lookup and directory listing endpoints for an internal tools page."""

import subprocess as sp
from os import popen, system

from flask import Flask, request

app = Flask(__name__)


# expect: VC201 -- no route of the app authenticates
@app.route("/lookup", methods=["POST"])
def lookup():
    domain = request.form["domain"]
    # expect: VC421
    output = sp.check_output(f"nslookup {domain}", shell=True)
    return output.decode()


@app.route("/ls")
def list_directory():
    folder = request.args.get("dir", ".")
    command = "ls -la " + folder
    # expect: VC421
    return popen(command).read()


@app.route("/touch", methods=["POST"])
def touch():
    name = request.get_json()["name"]
    # expect: VC108 -- the exit status of system() is dropped
    # expect: VC421
    system("touch /srv/markers/%s" % name)
    return "", 204


@app.route("/lookup-safe", methods=["POST"])
def lookup_safe():
    domain = request.form["domain"]
    # ok: VC421/VC408
    output = sp.check_output(["nslookup", domain], timeout=10)
    return output.decode()
