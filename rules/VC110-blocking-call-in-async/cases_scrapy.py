"""VC110 corpus: Scrapy's components run on the reactor's one thread; sleeping or fetching there stalls the crawl."""
import json
import time

import requests
import scrapy


class ThrottleMiddleware:
    def process_response(self, request, response, spider):
        if response.status == 429:
            # expect: VC110
            time.sleep(10)
            return request.replace(dont_filter=True)
        return response


class EnrichPipeline:
    def open_spider(self, spider):
        # ok: VC110 -- the export file of Scrapy's own pipeline example
        self.file = open("items.jsonl", "w", encoding="utf-8")

    def process_item(self, item, spider):
        # expect: VC110
        item["stock"] = requests.get(f"https://api.example.com/stock/{item['sku']}", timeout=5).json()
        self.file.write(json.dumps(dict(item)) + "\n")
        return item


class ProductsSpider(scrapy.Spider):
    name = "products"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ok: VC110 -- set-up, before the crawl starts
        self.token = requests.post("https://api.example.com/token", timeout=10).json()["token"]

    def parse(self, response):
        for href in response.css("a.product::attr(href)").getall():
            yield response.follow(href, callback=self.parse_product)
        # expect: VC110
        time.sleep(2)

    def parse_product(self, response):
        yield {"name": response.css("h1::text").get()}


class PriceCache:
    """Not a Scrapy component: a helper the command-line tool uses."""

    def refresh(self):
        # ok: VC110
        time.sleep(1)
        return requests.get("https://api.example.com/prices", timeout=10).json()
