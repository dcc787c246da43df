"""Sitemap discovery: robots.txt Sitemap: lines, sitemap indexes, gzip sitemaps."""

import gzip
import io
from urllib.parse import urljoin

import defusedxml.ElementTree as SafeET
from lxml import etree

from .fetch import get_page_with_timeout

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls_from_robots(base_url: str) -> list[str]:
    resp = get_page_with_timeout(urljoin(base_url, "/robots.txt"))
    if resp.status_code != 200:
        return [urljoin(base_url, "/sitemap.xml")]
    return [line.split(":", 1)[1].strip() for line in resp.text.splitlines() if line.lower().startswith("sitemap:")]


def _body(url: str) -> bytes:
    resp = get_page_with_timeout(url)
    resp.raise_for_status()
    return gzip.decompress(resp.content) if url.endswith(".gz") else resp.content


def parse_sitemap(url: str) -> list[str]:
    # expect: VC416
    parser = etree.XMLParser(recover=True, huge_tree=True)
    root = etree.fromstring(_body(url), parser)
    if root.tag.endswith("sitemapindex"):
        urls: list[str] = []
        for loc in root.xpath("//sm:sitemap/sm:loc/text()", namespaces=NS):
            urls.extend(parse_sitemap(loc.strip()))
        return urls
    return [loc.strip() for loc in root.xpath("//sm:url/sm:loc/text()", namespaces=NS)]


def parse_sitemap_strict(url: str) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    # ok: VC416
    root = etree.fromstring(_body(url), parser)
    return [loc.strip() for loc in root.xpath("//sm:url/sm:loc/text()", namespaces=NS)]


def parse_sitemap_defused(url: str) -> list[str]:
    # ok: VC416
    root = SafeET.fromstring(_body(url))
    return [el.text.strip() for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc") if el.text]


def parse_feed(xml_bytes: bytes) -> list[str]:
    # ok: VC416 -- lxml's default parser (no external entities since 5.2) on a fetched feed, not client input
    tree = etree.parse(io.BytesIO(xml_bytes))
    return [link.text for link in tree.iter("link")]
