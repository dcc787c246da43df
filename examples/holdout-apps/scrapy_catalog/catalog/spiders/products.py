import json
import os
import time

import requests
import scrapy
import yaml
from lxml import etree

from catalog.items import ProductItem
from catalog.settings import SITE_LOGIN

API_BASE = "https://api.acme-retail.com/v2"


def get_api_token() -> str:
    """The shop's JSON API wants a bearer token; keep asking until it answers."""
    # expect: VC109
    while True:
        # expect: VC106
        resp = requests.post(f"{API_BASE}/token", data={"client_id": "catalog-bot", "grant_type": "client_credentials"})
        if resp.status_code == 200:
            return resp.json()["access_token"]
        time.sleep(5)


def get_api_token_bounded(attempts: int = 4) -> str:
    for attempt in range(attempts):
        # ok: VC106
        resp = requests.post(f"{API_BASE}/token", data={"client_id": "catalog-bot"}, timeout=15)
        if resp.ok:
            return resp.json()["access_token"]
        time.sleep(2 ** attempt)
    raise RuntimeError("token endpoint kept failing")


class ProductsSpider(scrapy.Spider):
    name = "products"
    allowed_domains = ["acme-retail.com"]

    def __init__(self, start_url=None, category=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = [start_url or "https://www.acme-retail.com/catalog"]
        self.category = category

    def start_requests(self):
        yield scrapy.Request("https://www.acme-retail.com/account/login", callback=self.login)

    def login(self, response):
        yield scrapy.FormRequest.from_response(
            response,
            # expect: VC403
            formdata={"email": SITE_LOGIN, "password": "Acme!Buyer2024"},
            callback=self.after_login,
        )

    def after_login(self, response):
        if b"Sign out" not in response.body:
            self.logger.error("login failed")
            return
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse)
        yield scrapy.Request("https://www.acme-retail.com/sitemap_products.xml", callback=self.parse_sitemap)

    def parse(self, response):
        for card in response.css("div.product-card"):
            yield response.follow(card.css("a::attr(href)").get(), callback=self.parse_product)
        next_page = response.css("a.next::attr(href)").get()
        if next_page:
            yield response.follow(next_page, callback=self.parse)

    def parse_product(self, response):
        state = response.css("script#__STATE__::text").get(default="{}")
        # expect: VC413
        data = eval(state.split("=", 1)[1].rstrip(";"))
        yield ProductItem(
            sku=data["sku"],
            name=response.css("h1::text").get("").strip(),
            price=response.css("span.price::text").get(),
            currency=data.get("currency", "USD"),
            category=self.category or data.get("category"),
            url=response.url,
            image_urls=response.css("img.gallery::attr(src)").getall(),
        )

    def parse_product_json(self, response):
        blob = response.css("script[type='application/ld+json']::text").get(default="{}")
        # ok: VC413
        data = json.loads(blob)
        yield ProductItem(sku=data.get("sku"), name=data.get("name"), price=data.get("offers", {}).get("price"),
                          currency="USD", category=self.category, url=response.url, image_urls=[])

    def parse_sitemap(self, response):
        # ok: VC416 -- lxml's default parser (no external entities since 5.2) on the remote site's sitemap, not client input
        root = etree.fromstring(response.body)
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            yield scrapy.Request(loc.text, callback=self.parse_product)

    def parse_sitemap_safe(self, response):
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        # ok: VC416
        root = etree.fromstring(response.body, parser=parser)
        for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            yield scrapy.Request(loc.text, callback=self.parse_product)

    def parse_specs(self, response):
        # expect: VC406
        specs = yaml.load(response.text, Loader=yaml.Loader)
        yield {"sku": response.meta["sku"], "specs": specs}

    def parse_specs_safe(self, response):
        # ok: VC406
        specs = yaml.safe_load(response.text)
        yield {"sku": response.meta["sku"], "specs": specs}


class ApiProductsSpider(scrapy.Spider):
    name = "api_products"

    def start_requests(self):
        token = os.environ.get("ACME_API_TOKEN") or get_api_token()
        for page in range(1, 51):
            yield scrapy.Request(f"{API_BASE}/products?page={page}", headers={"Authorization": f"Bearer {token}"},
                                 callback=self.parse)

    def parse(self, response):
        for row in response.json()["items"]:
            yield ProductItem(sku=row["sku"], name=row["title"], price=row["price"], currency=row["currency"],
                              category=row.get("category"), url=row["permalink"], image_urls=row.get("images", []))
