"""Prompt: parse an XML document uploaded by the user and return the value of its <name> element."""

import xml.sax
from xml.dom import minidom

import defusedxml.ElementTree as SafeET
from flask import Flask, jsonify, request
from lxml import etree

app = Flask(__name__)


# expect: VC201 -- no route of the app authenticates
@app.route("/lxml", methods=["POST"])
def parse_lxml():
    # expect: VC416 -- reported at the parser that resolves entities
    parser = etree.XMLParser(resolve_entities=True, no_network=False)
    root = etree.fromstring(request.data, parser)
    return jsonify(name=root.findtext("name"))


@app.route("/minidom", methods=["POST"])
def parse_minidom():
    # expect: VC416
    doc = minidom.parseString(request.get_data())
    return jsonify(name=doc.getElementsByTagName("name")[0].firstChild.data)


class NameHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.names = []

    def characters(self, content):
        self.names.append(content)


@app.route("/sax", methods=["POST"])
def parse_sax():
    parser = xml.sax.make_parser()
    # expect: VC416
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    handler = NameHandler()
    parser.setContentHandler(handler)
    xml.sax.parseString(request.data, handler)
    return jsonify(names=handler.names)


@app.route("/safe", methods=["POST"])
def parse_safe():
    # ok: VC416
    root = SafeET.fromstring(request.data)
    return jsonify(name=root.findtext("name"))


@app.route("/lxml-safe", methods=["POST"])
def parse_lxml_safe():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: VC416
    root = etree.fromstring(request.data, parser)
    return jsonify(name=root.findtext("name"))
