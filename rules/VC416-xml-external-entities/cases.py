"""VC416 corpus: client XML parsed with entity resolution on, and the hardened-parser look-alikes."""
import xml.sax
from xml.dom import pulldom
from xml.sax.handler import feature_external_ges

from fastapi import FastAPI, Request
from flask import Flask, request
from lxml import etree, objectify

app = Flask(__name__)
api = FastAPI()
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@app.post("/import")
def import_feed():
    # expect: VC416
    root = etree.fromstring(request.data)
    return root.findtext("title")


@app.post("/upload")
def uploaded_xml():
    upload = request.files["document"]
    # expect: VC416
    tree = etree.parse(upload)
    return tree.getroot().tag


@api.post("/soap")
async def fastapi_body(req: Request):
    body = await req.body()
    # expect: VC416
    return {"tag": etree.XML(body).tag}


@app.post("/objectify")
def objectified():
    xml_text = request.form["xml"]
    # expect: VC416
    return str(objectify.fromstring(xml_text).name)


def lambda_handler(event, context):
    # expect: VC416
    return etree.fromstring(event["body"].encode()).tag


def entity_parser():
    # expect: VC416
    return etree.XMLParser(resolve_entities=True)


def network_parser():
    # expect: VC416
    return etree.XMLParser(no_network=False)


def dtd_parser():
    # expect: VC416
    return etree.XMLParser(load_dtd=True)


def sax_with_external_entities(stream, handler):
    parser = xml.sax.make_parser()
    # expect: VC416
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)


def pulldom_with_external_entities(stream):
    parser = xml.sax.make_parser()
    # expect: VC416
    parser.setFeature(xml.sax.handler.feature_external_ges, True)
    return pulldom.parse(stream, parser=parser)


@app.post("/safe-import")
def hardened_parser():
    # ok: VC416
    root = etree.fromstring(request.data, parser=SAFE_PARSER)
    return root.findtext("title")


@app.post("/safe-inline")
def hardened_inline_parser():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: VC416
    return etree.fromstring(request.data, parser).tag


def safe_parser_options():
    # ok: VC416
    return etree.XMLParser(resolve_entities=False, load_dtd=False)


def repository_file():
    # ok: VC416
    return etree.parse("config/schema.xml").getroot()


def sax_feature_off(stream, handler):
    parser = xml.sax.make_parser()
    # ok: VC416
    parser.setFeature(feature_external_ges, False)
    parser.parse(stream)


def not_from_a_request(document):
    # ok: VC416
    return etree.fromstring(document).tag


@app.post("/json")
def json_not_xml():
    # ok: VC416
    return {"name": request.get_json()["name"]}


def default_network_parser():
    # ok: VC416
    return etree.XMLParser(no_network=True)


def element_tree_compatible_parser():
    # expect: VC416 -- resolves entities by default before lxml 6.1
    return etree.ETCompatXMLParser()


def element_tree_compatible_parser_without_entities():
    # ok: VC416
    return etree.ETCompatXMLParser(resolve_entities=False, no_network=True)
