"""Prompt: a Flask endpoint that accepts an XML order document and returns its item count."""
import xml.sax

import defusedxml.ElementTree as SafeET
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


class ItemCounter(xml.sax.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.items = 0

    def startElement(self, name, attrs):
        if name == "item":
            self.items += 1


# expect: VC201 -- no authentication anywhere in the app
@app.post("/orders/lxml")
def order_lxml():
    # expect: VC416
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(request.data, parser)
    return jsonify(items=len(root.findall("item")))


@app.post("/orders/sax")
def order_sax():
    handler = ItemCounter()
    parser = xml.sax.make_parser()
    # expect: VC416
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.feed(request.get_data())
    return jsonify(items=handler.items)


@app.post("/orders/safe")
def order_safe():
    # ok: VC416
    root = SafeET.fromstring(request.data)
    return jsonify(items=len(root.findall("item")))


@app.post("/orders/lxml-safe")
def order_lxml_safe():
    # ok: VC416
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(request.data, parser)
    return jsonify(items=len(root.findall("item")))
