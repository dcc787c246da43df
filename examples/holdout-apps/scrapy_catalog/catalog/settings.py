"""Scrapy settings for the catalog project."""

import os

BOT_NAME = "catalog"
SPIDER_MODULES = ["catalog.spiders"]
NEWSPIDER_MODULE = "catalog.spiders"

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
ROBOTSTXT_OBEY = False
CONCURRENT_REQUESTS = 32
COOKIES_ENABLED = True

# expect: VC403
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://scraper:Scr4per!2024@localhost:5432/catalog")
# ok: VC403
SCRAPEOPS_API_KEY = os.environ.get("SCRAPEOPS_API_KEY", "")

PROXY_HOST = "http://gate.smartproxy.io:7000"
PROXY_USER = "sp_catalog"
# expect: VC403
PROXY_PASSWORD = "kT9#vLq2xPz"

SITE_LOGIN = "buyer@acme-retail.com"

DOWNLOADER_MIDDLEWARES = {
    "catalog.middlewares.ProxyMiddleware": 350,
    "catalog.middlewares.ThrottleRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
}

ITEM_PIPELINES = {
    "catalog.pipelines.CleanPricePipeline": 100,
    "catalog.pipelines.DuplicatesPipeline": 200,
    "catalog.pipelines.PostgresPipeline": 300,
    "catalog.pipelines.JsonLinesExportPipeline": 800,
}

FEED_EXPORT_ENCODING = "utf-8"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
