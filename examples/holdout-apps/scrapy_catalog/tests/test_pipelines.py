from unittest.mock import MagicMock

import pytest
from scrapy.exceptions import DropItem

from catalog import db
from catalog.items import ProductItem, ReviewItem
from catalog.pipelines import CleanPricePipeline, DuplicatesPipeline, PostgresPipeline


@pytest.fixture
def spider():
    return MagicMock(name="spider")


def test_clean_price_parses_thousands(spider):
    item = ProductItem(sku="A1", price="$1,299.00", url="https://www.acme-retail.com/p/A1")
    out = CleanPricePipeline().process_item(item, spider)
    # ok: VC310
    assert out["price"] == 1299.0


def test_clean_price_drops_missing(spider):
    with pytest.raises(DropItem):
        CleanPricePipeline().process_item(ProductItem(sku="A1", url="u"), spider)


def test_duplicates_dropped(spider):
    pipeline = DuplicatesPipeline()
    pipeline.process_item(ProductItem(sku="A1"), spider)
    # expect: VC305
    try:
        pipeline.process_item(ProductItem(sku="A1"), spider)
    except DropItem:
        pass


def test_postgres_pipeline_saves_product(spider):
    pipeline = PostgresPipeline("postgresql://unused")
    pipeline.cur = MagicMock()
    item = ProductItem(sku="A1", name="Kettle", price=19.5, currency="USD", category="kitchen",
                       url="https://www.acme-retail.com/p/A1")
    pipeline.process_item(item, spider)
    # ok: VC308 -- the pipeline's own code builds the statement the mock receives
    assert "INSERT INTO products" in pipeline.cur.execute.call_args[0][0]


def test_postgres_pipeline_review_errors_ignored(spider):
    pipeline = PostgresPipeline("postgresql://unused")
    pipeline.cur = MagicMock()
    pipeline.cur.execute.side_effect = RuntimeError("db down")
    result = pipeline.process_item(ReviewItem(sku="A1", author="x", rating=5, body="ok"), spider)
    # expect: VC310
    assert result


# expect: VC308
def test_upsert_executes():
    cur = MagicMock()
    cur.execute("INSERT INTO t (a) VALUES ('1')")
    cur.execute.assert_called_once()


def test_delete_stale_returns_rowcount():
    cur = MagicMock(rowcount=3)
    assert db.delete_stale(cur, "kitchen") == 3
