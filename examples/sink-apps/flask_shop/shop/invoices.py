"""Supplier invoices arrive as XML."""
from lxml import etree


def parse_invoice(data):
    # sink: CWE-611
    parser = etree.XMLParser(resolve_entities=True)
    root = etree.fromstring(data, parser)
    return {"number": root.findtext("number"), "total": float(root.findtext("total"))}


def parse_invoice_safe(data):
    # safe: CWE-611
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(data, parser)
    return {"number": root.findtext("number")}
