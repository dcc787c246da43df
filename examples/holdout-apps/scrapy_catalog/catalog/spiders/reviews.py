import scrapy

from catalog.items import ReviewItem


class ReviewsSpider(scrapy.Spider):
    name = "reviews"
    allowed_domains = ["acme-retail.com"]
    custom_settings = {"DOWNLOAD_DELAY": 1.5, "AUTOTHROTTLE_ENABLED": True}

    def __init__(self, skus="", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.skus = [s for s in skus.split(",") if s]

    def start_requests(self):
        for sku in self.skus:
            yield scrapy.Request(f"https://www.acme-retail.com/p/{sku}/reviews", cb_kwargs={"sku": sku})

    def parse(self, response, sku):
        for review in response.css("li.review"):
            yield ReviewItem(
                sku=sku,
                author=review.css(".author::text").get("").strip(),
                rating=int(review.css("[data-rating]::attr(data-rating)").get("0")),
                body=" ".join(review.css(".body ::text").getall()).strip(),
            )
        more = response.css("a[rel=next]::attr(href)").get()
        if more:
            yield response.follow(more, callback=self.parse, cb_kwargs={"sku": sku})
