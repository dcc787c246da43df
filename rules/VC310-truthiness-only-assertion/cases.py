"""VC310 corpus (checked as a test file): a data function's result checked only for truth fires; real checks do not."""
import os
import unittest
from unittest import mock
from unittest.mock import MagicMock

import pytest
from dagster import materialize

from pipelines import assets, flows
from shop import billing
from shop.billing import build_invoice, is_eligible, parse_tags, summarize
from shop.client import ApiClient
from clinic import catalog, records, repo


def test_build_invoice():
    invoice = build_invoice({"id": 1, "items": []})
    # expect: VC310
    assert invoice


def test_parse_tags_not_none():
    tags = parse_tags("a, b")
    # expect: VC310
    assert tags is not None


def test_direct_call():
    # expect: VC310
    assert billing.summarize_orders([{"amount": 1}])


def test_module_function():
    report = billing.generate_report(2024)
    # expect: VC310
    assert bool(report)


@pytest.fixture
def client():
    return ApiClient(token="t")


def test_fetch_user(client):
    user = client.fetch_user(1)
    # expect: VC310
    assert user


async def test_async_fetch(client):
    orders = await client.list_orders(1)
    # expect: VC310
    assert orders is not None


class TestReports(unittest.TestCase):
    def test_load(self):
        rows = billing.load_rows("in.csv")
        # expect: VC310
        self.assertTrue(rows)

    def test_summary(self):
        total = summarize([1, 2])
        # expect: VC310
        self.assertIsNotNone(total)


def test_checked_twice():
    config = billing.read_config("c.toml")
    # expect: VC310
    assert config
    # expect: VC310
    assert config is not None


def test_weekly_report(frame):
    report = billing.weekly_report(frame)
    # expect: VC310 -- named for the data it makes, with no verb
    assert report is not None


def test_position_size():
    size = billing.position_size(1000, 2, 50000)
    # expect: VC310 -- a quantity: any non-zero size is truthy, the wrong one too
    assert size


def test_image_info():
    info = billing.image_info(b"...")
    # expect: VC310 -- a description: any filled dict is truthy
    assert info


def test_has_details():
    # ok: VC310 -- a question about details
    assert billing.has_details({"id": 1})


def test_classify():
    verdict = billing.classify("some message")
    # expect: VC310 -- a label: any label is truthy
    assert verdict


def test_hash_password():
    hashed = billing.hash_password("secret")
    # expect: VC310 -- a digest: truthy whatever it holds
    assert hashed


def test_verify_password():
    # ok: VC310 -- a yes-or-no answer
    assert billing.verify_password("secret", billing.hash_password("secret")) is True


def test_is_oversize():
    # ok: VC310 -- a question about a size
    assert billing.is_oversize(1000)


def test_has_report(frame):
    # ok: VC310 -- a question: its truth is the answer
    assert billing.has_report(frame)


def test_predicate():
    # ok: VC310 -- a predicate's whole answer is its truth
    assert is_eligible({"age": 30})


def test_content_checked():
    invoice = build_invoice({"id": 1, "items": []})
    # ok: VC310 -- the test goes on to check the content
    assert invoice
    assert invoice.total == 0


def test_other_assertion():
    tags = parse_tags("a")
    # ok: VC310
    assert tags
    assert len(tags) == 1


def test_mock_assertion_too(client):
    client.session = MagicMock()
    user = client.fetch_user(1)
    # ok: VC310 -- the mock check says what the call did
    assert user
    client.session.get.assert_called_once_with("/users/1")


def test_on_a_mock():
    mock_repo = MagicMock()
    # ok: VC310 -- a mock's answer is VC308's
    assert mock_repo.get_user(1)


def test_bare_get(cache):
    value = cache.get("k")
    # ok: VC310 -- `get` alone is a dict's or a cache's read, often of a flag
    assert value


def test_value_used_later(tmp_path):
    path = billing.export_csv(tmp_path)
    # ok: VC310
    assert path
    billing.import_csv(path)


def test_raises():
    result = parse_tags("a")
    # ok: VC310
    assert result
    with pytest.raises(ValueError):
        parse_tags(None)


def test_login(client):
    # ok: VC310
    assert client.login("ada", "secret")


def test_rebound_from_other_call():
    result = build_invoice({"id": 1, "items": []})
    result = result.to_dict()
    # ok: VC310 -- the name was used again to build the checked value
    assert result


def helper_not_a_test():
    invoice = build_invoice({})
    # ok: VC310
    assert invoice


def test_non_empty_only():
    rows = billing.fetch_rows("2024")
    # expect: VC310
    assert len(rows) > 0


def test_present_and_non_empty():
    rows = billing.fetch_rows("2024")
    # expect: VC310
    assert rows is not None and len(rows) >= 1


class TestRows(unittest.TestCase):
    def test_rows(self):
        rows = billing.query_rows("2024")
        # expect: VC310
        self.assertGreater(len(rows), 0)

    def test_row_count(self):
        rows = billing.query_rows("2024")
        # ok: VC310 -- a count is content
        self.assertGreater(len(rows), 2)


def test_exact_length():
    rows = billing.fetch_rows("2024")
    # ok: VC310
    assert len(rows) == 3


def test_two_names():
    rows = billing.fetch_rows("2024")
    other = billing.fetch_rows("2023")
    # ok: VC310 -- two values compared in one check
    assert rows and other and rows != other


class TestPage(unittest.TestCase):
    def test_tools_shown(self):
        tools = self.selenium.find_elements("css selector", "ul.object-tools li")
        # ok: VC310 -- a search's answer is whether it found anything
        self.assertGreater(len(tools), 0)


class TestTransactions(unittest.TestCase):
    def test_rollback_marked(self):
        billing.mark_failed()
        # ok: VC310 -- a getter named for a flag answers yes or no
        self.assertTrue(billing.get_rollback())

    def test_autocommit(self):
        # ok: VC310
        assert billing.connection.get_autocommit()

    def test_is_active_getter(self):
        # ok: VC310
        assert billing.get_is_active("u1")


def test_feature_switch_on():
    # ok: VC310 -- the file also expects `get_feature_switch` to be false: it answers yes or no
    assert billing.get_feature_switch("beta")


def test_feature_switch_off():
    assert not billing.get_feature_switch("legacy")


def test_count_rows():
    count = billing.count_rows("2024")
    # expect: VC310
    assert count


def test_place_order():
    order = billing.place_order("sku-1", 2)
    # expect: VC310
    assert order is not None


class TestReports(unittest.TestCase):
    def test_report_with_message(self):
        report = billing.build_report("2024")
        # expect: VC310
        self.assertTrue(report, "the report is empty")

    def test_report_with_msg_keyword(self):
        # expect: VC310
        self.assertIsNotNone(billing.fetch_report("2024"), msg="no report")


async def test_poll_payment_returns_a_status(gateway):
    status = await gateway.poll_payment(42)
    # expect: VC310 -- "failed" is as truthy as "paid"
    assert status


def test_poll_until_ready(job):
    # ok: VC310 -- named for a yes-or-no answer
    assert job.poll_until_ready()


def test_list_orders_body(client):
    resp = client.get("/orders")
    # expect: VC310 -- an error page's JSON body is not None either
    assert resp.json() is not None


def test_list_orders_body_direct(client):
    # expect: VC310
    assert client.get("/orders").json()


def test_list_orders_data(client):
    resp = client.get("/orders")
    data = resp.json()
    # expect: VC310
    assert data


def test_list_orders_status_and_body(client):
    resp = client.get("/orders")
    assert resp.status_code == 200
    # ok: VC310 -- the status is checked too
    assert resp.json()


def test_search_body_attribute(client):
    resp = client.get("/tasks/search?q=docs")
    # expect: VC310 -- WebTest's parsed body, an attribute
    assert resp.json


def test_search_body_attribute_with_status(client):
    resp = client.get("/tasks/search?q=docs")
    assert resp.status_int == 200
    # ok: VC310 -- the status is checked too
    assert resp.json_body


class TestTaggedBookmarks(unittest.TestCase):
    def test_filter_by_tag(self):
        resp = self.client.get("/bookmarks/", {"tag": "django"})
        # expect: VC310 -- DRF's parsed body, as truthy for an error's `{"detail": ...}`
        self.assertTrue(resp.data)

    def test_filter_by_tag_content(self):
        resp = self.client.get("/bookmarks/", {"tag": "django"})
        # expect: VC310 -- Django's raw body
        assert resp.content

    def test_filter_by_tag_checked(self):
        resp = self.client.get("/bookmarks/", {"tag": "django"})
        # ok: VC310 -- the rows are compared
        self.assertEqual([row["title"] for row in resp.data], ["a"])

    def test_archive_flag(self):
        resp = self.client.post("/bookmarks/1/archive/")
        # ok: VC310 -- one boolean field of the body, not the body's truth
        self.assertTrue(resp.data["archived"])


def test_parsed_upload_data(upload):
    # ok: VC310 -- not a test client's response
    assert upload.data


def test_parsed_payload_attribute(payload):
    # ok: VC310 -- not a test client's response
    assert payload.json


def test_parsed_payload(payload):
    # ok: VC310 -- not a test client's response
    assert payload.json() is not None


def test_list_orders(client):
    orders = client.list_orders(1)
    # expect: VC310 -- every wrong list is a list too
    assert isinstance(orders, list)


def test_summary_of_no_orders():
    # expect: VC310
    assert type(billing.build_summary([])) is dict


def test_parse_tags_sequence():
    # expect: VC310
    assert isinstance(parse_tags("a"), (list, tuple))


class TestBuildInvoiceShape(unittest.TestCase):
    def test_build(self):
        invoice = build_invoice({"id": 2, "items": []})
        # expect: VC310
        self.assertIsInstance(invoice, dict, "an invoice is a mapping")


def test_backend_class_chosen():
    backend = billing.make_backend("redis")
    # ok: VC310 -- a class of the project's own says which implementation was built
    assert isinstance(backend, billing.RedisBackend)


def test_invoice_type_and_total():
    invoice = build_invoice({"id": 3, "items": []})
    # ok: VC310 -- the test goes on to check the content
    assert isinstance(invoice, dict)
    assert invoice["total"] == 0


def test_type_of_a_given_value():
    value = 3
    # ok: VC310 -- not a data function's answer
    assert isinstance(value, int)


def test_generate_token_returns_string():
    token = billing.generate_token()
    # ok: VC310 -- the test is named for the type: it is the point
    assert isinstance(token, str)


def test_invoice_as_mapping():
    invoice = build_invoice({"id": 4, "items": []})
    # ok: VC310 -- a conversion's type is its point
    assert isinstance(billing.to_mapping(invoice), dict)


def test_show_invoice_view():
    result = billing.show_invoice(3)
    # expect: VC310
    assert result is not None


def test_show_invoice_view_checked():
    result = billing.show_invoice(3)
    # ok: VC310
    assert result == {"id": 3, "total": 10}


def test_answer_question():
    answer = billing.answer_question("What is the VAT rate?")
    # expect: VC310 -- an answer is text, whatever it says
    assert answer is not None


def test_table_answer():
    # expect: VC310
    assert billing.table_answer("totals.csv", "sum?")


def test_answer_is_correct():
    # ok: VC310 -- a predicate
    assert billing.answer_is_correct("4", "4")


def test_fetch_tool_invoked():
    result = billing.fetch_rates.invoke({"currency": "EUR"})
    # expect: VC310 -- a tool run through `invoke` answers what its name says
    assert result


def test_chain_invoked():
    result = billing.chain.invoke({"question": "hi"})
    # ok: VC310 -- a chain's name says nothing of what it answers
    assert result


def test_fetch_tool_checked():
    result = billing.fetch_rates.invoke({"currency": "EUR"})
    # ok: VC310
    assert result == {"EUR": 1.0}


def test_prefect_task_fn():
    frame = flows.load_sales.fn("eu", "2024-01-01", "2024-01-07")
    # expect: VC310 -- a Prefect task's function answers what the task's name says
    assert frame is not None


def test_prefect_task_fn_checked():
    frame = flows.load_sales.fn("eu", "2024-01-01", "2024-01-07")
    # ok: VC310
    assert list(frame.columns) == ["day", "revenue"]


def test_prefect_task_fn_predicate():
    # ok: VC310 -- a question's answer
    assert flows.is_business_day.fn("2024-01-01")


def test_materialize_sessions():
    result = materialize([assets.raw_events, assets.sessions])
    # expect: VC310 -- a run's result is an object whatever happened in the run
    assert result


def test_materialize_sessions_success():
    result = materialize([assets.raw_events, assets.sessions])
    # ok: VC310 -- whether the run succeeded
    assert result.success
class TemplateContextTests(unittest.TestCase):
    def test_index_context(self):
        response = self.client.get("/polls/")
        # expect: VC310
        self.assertIsNotNone(response.context["latest_question_list"])

    def test_index_context_compared(self):
        response = self.client.get("/polls/")
        # ok: VC310
        self.assertEqual(response.context["latest_question_list"], [])


def test_body_item(client):
    resp = client.post("/todos/1")
    # expect: VC310
    assert resp.json()["items"] is not None


def test_body_flag(client):
    resp = client.post("/todos/1/done")
    # ok: VC310 -- one field's truth: a flag's whole check
    assert resp.json()["done"]


def test_list_orders_length():
    orders = billing.list_orders("alice")
    # expect: VC310
    assert len(orders)


def test_receive_returns_movement(ledger):
    movement = ledger.receive("BOLT", 5)
    # expect: VC310
    assert movement is not None


def test_slugify_returns_slug():
    # expect: VC310
    assert billing.slugify("Hello World")


def test_login_returns_true(client):
    # ok: VC310 -- the name says the answer is a yes or no
    assert client.login("ada", "pw")


def test_receive_records_movement(ledger):
    movement = ledger.receive("BOLT", 5)
    # ok: VC310 -- not named for what it returns, and `receive` names no data
    assert movement


def test_add_returns_item(cart):
    item = cart.add("BOLT")
    # ok: VC310 -- the value is used beyond its check
    assert item
    assert item.sku == "BOLT"


def test_forecast_returns_days(weather):
    days = weather.forecast("Oslo", days=3)
    # expect: VC310 -- `days=3` is a keyword, not a use of `days`
    assert days


def test_parse_listing_gathered(spider, listing_page):
    items = list(spider.parse(listing_page))
    # expect: VC310 -- the items a generator gives, gathered in a list
    assert items


def test_page_count_of_sample(converter):
    count = converter.page_count("sample.pdf")
    # expect: VC310
    assert count


def test_parse_sitemap_yields_requests(spider, sitemap_page):
    for request in spider.parse_sitemap(sitemap_page):
        # ok: VC310 -- a string's own predicate answers yes or no
        assert request.url.startswith("https://shop.example.com/")


def test_parse_returns_known_fields(record):
    # ok: VC310
    assert {"sku", "price"}.issubset(record.keys())


def test_numbers_gathered():
    # ok: VC310 -- a builtin's list of literals, no data function
    assert list(range(3))


def test_reset_token_shape():
    token = billing.reset_token()
    # expect: VC310 -- any text is truthy: a wrong token passes
    assert token


class InviteTests(unittest.TestCase):
    def test_invite_link(self):
        link = billing.invite_link({"email": "ada@example.com"})
        # expect: VC310
        self.assertTrue(link)

    def test_verify_token(self):
        # ok: VC310 -- a check's verdict is the point of the test
        self.assertTrue(billing.verify_token("abc"))


def test_free_space_not_none(tmp_path):
    space = billing.free_space(tmp_path)
    # expect: VC310 -- a yes or no is never `None`: whatever the function is named for, this checks only presence
    assert space is not None


async def test_current_many_not_empty(client):
    result = await client.current_many(["Oslo", "Bergen"])
    # expect: VC310
    assert len(result)


def test_daily_revenue_present(orders):
    revenue = billing.daily_revenue(orders)
    # expect: VC310 -- `len(x) >= 0` holds for every value: no further check (VC304 reports it)
    assert revenue is not None
    assert len(revenue) >= 0


def test_write_note_answers():
    # expect: VC310
    assert billing.write_note("a.md", "text") is not None


def test_write_note_truth():
    # ok: VC310 -- a bare truth check of a function not named for data may be its yes or no
    assert billing.write_note("a.md", "text")


def test_found_user(repo):
    user = repo.find_user("ada")
    # ok: VC310 -- a search: whether it found anything is its answer
    assert user is not None


def test_try_parse_accepts():
    # ok: VC310
    assert billing.try_parse("12") is not None


def test_environment_read(monkeypatch):
    monkeypatch.setenv("SHOP_KEY", "k")
    # ok: VC310 -- the standard library's read, no code of the project
    assert os.environ.get("SHOP_KEY") is not None


def test_settings_read(settings):
    # ok: VC310 -- a mapping's read
    assert settings.get("currency") is not None


def test_cart_class_built():
    # ok: VC310 -- an object built by its class is VC304's
    assert billing.Cart() is not None


def test_space_compared(tmp_path):
    space = billing.free_space(tmp_path)
    assert space is not None
    # ok: VC310 -- the value is checked further
    assert space > 1024


def test_invite_url():
    result = billing.create_invite("new@example.com")
    # expect: VC310 -- any link passes, a wrong one too
    assert result["invite_url"]


def test_login_token(client):
    resp = client.post("/login", json={"email": "a@example.com", "password": "pw"})
    # expect: VC310 -- an item named for a value, of a body whose status nothing checks
    assert resp.json()["access_token"]


def test_invite_flag():
    result = billing.create_invite("new@example.com")
    # ok: VC310 -- a flag's truth is its whole answer
    assert result["sent"]


def test_invite_link_compared():
    result = billing.create_invite("new@example.com")
    assert result["invite_url"]
    # ok: VC310 -- the link is checked further
    assert result["invite_url"].endswith("/accept")


def test_search_over_planted_rows():
    with mock.patch("clinic.records.cursor") as cursor:
        cursor.return_value.__enter__.return_value.fetchall.return_value = [{"id": 1, "name": "Smith"}]
        rows = records.search_patients("Smith")
    # expect: VC310 -- the test planted the rows: a search for many things found something, any wrong rows too
    assert rows


def test_lookup_over_planted_answer():
    fake = MagicMock()
    fake.query.return_value = ({"sku": "a"},)
    found = catalog.find_products(fake, "a")
    # expect: VC310
    assert len(found) > 0


def test_search_without_planted_rows():
    rows = records.search_patients("Smith")
    # ok: VC310 -- nothing planted: whether the search found anything is its answer
    assert rows


def test_single_search_over_planted_answer():
    fake = MagicMock()
    fake.fetchone.return_value = {"id": 1}
    user = repo.find_user(fake, "ada")
    # ok: VC310 -- a search for one thing: finding it is its answer
    assert user is not None


def test_search_over_an_empty_plant():
    fake = MagicMock()
    fake.fetchall.return_value = []
    rows = records.search_patients("Smith")
    # ok: VC310 -- an empty answer planted: the test checks the search's own rows
    assert rows


def test_search_over_planted_rows_checked():
    fake = MagicMock()
    fake.fetchall.return_value = [{"id": 1}]
    rows = records.search_patients("Smith")
    # ok: VC310 -- the rows' content is checked too
    assert rows
    assert rows[0]["id"] == 1
