import scrapy


class ProductItem(scrapy.Item):
    sku = scrapy.Field()
    name = scrapy.Field()
    price = scrapy.Field()
    currency = scrapy.Field()
    category = scrapy.Field()
    url = scrapy.Field()
    image_urls = scrapy.Field()
    specs = scrapy.Field()


class ReviewItem(scrapy.Item):
    sku = scrapy.Field()
    author = scrapy.Field()
    rating = scrapy.Field()
    body = scrapy.Field()
