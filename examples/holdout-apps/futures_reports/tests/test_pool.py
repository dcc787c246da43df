import pytest

from reportgen import pool


def test_build_all_checked_raises_when_a_report_fails(monkeypatch):
    def build_one(customer, rows):
        if customer["id"] == "c2":
            raise ValueError("template error")
        return f"s3://bucket/{customer['id']}.pdf"

    monkeypatch.setattr(pool, "build_one", build_one)
    jobs = [({"id": "c1"}, []), ({"id": "c2"}, [])]
    with pytest.raises(RuntimeError, match="1 reports failed: c2"):
        pool.build_all_checked(jobs)


def test_build_all_checked_returns_every_url(monkeypatch):
    monkeypatch.setattr(pool, "build_one", lambda customer, rows: f"s3://bucket/{customer['id']}.pdf")
    urls = pool.build_all_checked([({"id": "c1"}, []), ({"id": "c2"}, [])])
    assert sorted(urls) == ["s3://bucket/c1.pdf", "s3://bucket/c2.pdf"]
