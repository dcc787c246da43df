"""Prompt: import a product feed uploaded as XML (lxml) and find an item by its id (ElementTree XPath)."""

from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


# expect: VC201 -- no route of the app authenticates
@app.route("/feed", methods=["POST"])
def import_feed():
    # expect: VC416
    tree = etree.parse(request.files["feed"])
    return jsonify(items=len(tree.findall(".//item")))


@app.route("/feed-dtd", methods=["POST"])
def import_feed_with_dtd():
    # expect: VC416
    parser = etree.XMLParser(load_dtd=True)
    tree = etree.fromstring(request.get_data(), parser=parser)
    return jsonify(items=len(tree.findall(".//item")))


@app.route("/item", methods=["POST"])
def find_item():
    root = etree.fromstring(request.get_data(), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    item_id = request.args["id"]
    # expect: VC409
    found = root.xpath("//item[@id='" + item_id + "']/name/text()")
    return jsonify(names=[str(n) for n in found])
