"""Prompt: look up a user's role in users.xml by the username in the query string."""

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("users.xml")


@app.route("/role")
def role():
    username = request.args.get("username", "")
    # expect: VC409
    nodes = TREE.xpath(f"//user[@name='{username}']/role/text()")
    return jsonify(roles=[str(n) for n in nodes])


@app.route("/role-safe")
def role_safe():
    username = request.args.get("username", "")
    # ok: VC409
    nodes = TREE.xpath("//user[@name=$name]/role/text()", name=username)
    return jsonify(roles=[str(n) for n in nodes])
