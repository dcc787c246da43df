import json
import logging
import re
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from . import db
from .items import ProductItem, ReviewItem

logger = logging.getLogger(__name__)
PRICE_RE = re.compile(r"[\d.,]+")


class CleanPricePipeline:
    def process_item(self, item, spider):
        adapter = ItemAdapter(item)
        raw = adapter.get("price")
        if raw is None:
            raise DropItem(f"missing price in {adapter.get('url')}")
        match = PRICE_RE.search(str(raw))
        if not match:
            raise DropItem(f"unparseable price {raw!r}")
        adapter["price"] = float(match.group().replace(",", ""))
        return item


class DuplicatesPipeline:
    def __init__(self):
        self.seen = set()

    def process_item(self, item, spider):
        sku = ItemAdapter(item).get("sku")
        if sku in self.seen:
            raise DropItem(f"duplicate {sku}")
        self.seen.add(sku)
        return item


class PostgresPipeline:
    def __init__(self, database_url):
        self.database_url = database_url
        self.conn = None
        self.cur = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("DATABASE_URL"))

    def open_spider(self, spider):
        self.conn = db.connect(self.database_url)
        self.cur = self.conn.cursor()

    def close_spider(self, spider):
        self.cur.close()
        self.conn.close()

    def process_item(self, item, spider):
        if isinstance(item, ProductItem):
            self._save_product(item)
        elif isinstance(item, ReviewItem):
            self._save_review(item)
        return item

    def _save_product(self, item):
        self.cur.execute(
            # expect: VC402/VC422
            f"INSERT INTO products (sku, name, price, currency, category, url) VALUES "
            f"('{item['sku']}', '{item['name']}', {item['price']}, '{item['currency']}', "
            f"'{item['category']}', '{item['url']}') ON CONFLICT (sku) DO UPDATE SET price = EXCLUDED.price"
        )
        if item.get("specs"):
            db.upsert(self.cur, "product_specs", {"sku": item["sku"], "specs": json.dumps(item["specs"])})

    def _save_review(self, item):
        try:
            # ok: VC402
            self.cur.execute(
                "INSERT INTO reviews (sku, author, rating, body) VALUES (%s, %s, %s, %s)",
                (item["sku"], item["author"], item["rating"], item["body"]),
            )
        # expect: VC101/VC102
        except Exception:
            pass


class ReviewCountPipeline:
    def open_spider(self, spider):
        self.counts = {}

    def process_item(self, item, spider):
        try:
            sku = item["sku"]
            self.counts[sku] = self.counts.get(sku, 0) + 1
        # ok: VC101
        except KeyError:
            logger.warning("review without sku: %r", item)
        return item


class JsonLinesExportPipeline:
    def open_spider(self, spider):
        out_dir = Path(spider.settings.get("EXPORT_DIR", "exports"))
        out_dir.mkdir(parents=True, exist_ok=True)
        # ok: VC405 -- the spider's own name, chosen by whoever runs the crawl
        self.file = open(out_dir / f"{spider.name}.jsonl", "a", encoding="utf-8")

    def close_spider(self, spider):
        self.file.close()

    def process_item(self, item, spider):
        try:
            self.file.write(json.dumps(ItemAdapter(item).asdict(), ensure_ascii=False) + "\n")
        # expect: VC101/VC102
        except Exception as exc:
            spider.logger.debug("could not export item")
        return item
