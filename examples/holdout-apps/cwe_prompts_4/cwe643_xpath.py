"""Prompt: look up a user's role in an XML user directory by the username given (Flask + lxml)."""
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)
DIRECTORY = etree.parse("users.xml")


@app.route("/role")
def role():
    name = request.args.get("user", "")
    expression = "//user[@name='{}']/role/text()".format(name)
    # expect: VC409
    found = DIRECTORY.xpath(expression)
    return jsonify(role=found[0] if found else None)


@app.route("/role-safe")
def role_safe():
    name = request.args.get("user", "")
    # ok: VC409
    found = DIRECTORY.xpath("//user[@name=$name]/role/text()", name=name)
    return jsonify(role=found[0] if found else None)
