import base64
import logging
import random
import time

from scrapy import signals
from scrapy.utils.response import response_status_message

from .settings import PROXY_HOST, PROXY_PASSWORD, PROXY_USER

logger = logging.getLogger(__name__)

USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15",
]


class ProxyMiddleware:
    def __init__(self):
        credentials = f"{PROXY_USER}:{PROXY_PASSWORD}"
        self.auth_header = b"Basic " + base64.b64encode(credentials.encode())
        # expect: VC407
        logger.info("proxy configured: %s (user %s, password %s)", PROXY_HOST, PROXY_USER, PROXY_PASSWORD)

    def process_request(self, request, spider):
        request.meta["proxy"] = PROXY_HOST
        request.headers["Proxy-Authorization"] = self.auth_header
        # ok: VC206 -- rotating user agents is not a secret
        request.headers["User-Agent"] = random.choice(USER_AGENTS)


class ThrottleRetryMiddleware:
    """Retry 429/503 responses after a pause, since the shop rate-limits us."""

    RETRY_CODES = {429, 500, 502, 503, 504}

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        middleware = cls(crawler)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider):
        spider.logger.info("ThrottleRetryMiddleware enabled for %s", spider.name)

    def process_response(self, request, response, spider):
        if response.status in self.RETRY_CODES:
            reason = response_status_message(response.status)
            spider.logger.warning("retrying %s: %s", request.url, reason)
            # expect: VC110
            time.sleep(10)
            retry = request.copy()
            retry.dont_filter = True
            # expect: VC109
            return retry
        return response


class BoundedRetryMiddleware:
    """The same with a cap, counting attempts in request.meta."""

    max_retries = 5

    def process_response(self, request, response, spider):
        if response.status not in {429, 503}:
            return response
        attempts = request.meta.get("retry_times", 0) + 1
        if attempts > self.max_retries:
            spider.logger.error("giving up on %s after %d attempts", request.url, attempts)
            return response
        retry = request.replace(dont_filter=True)
        retry.meta["retry_times"] = attempts
        # ok: VC109
        return retry
