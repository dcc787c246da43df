"""VC311 corpus (checked as a test file): tests whose every assertion hides under an `if` on their result fire."""
import os
import sys
from pathlib import Path
import unittest

import pytest

from shop import api, build_cart, fetch_order


def test_status_guard(client):
    response = client.get("/orders/1")
    # expect: VC311
    if response.status_code == 200:
        assert response.json()["id"] == 1


def test_truthy_guard():
    order = fetch_order(1)
    # expect: VC311
    if order:
        assert order["total"] == 10
        assert order["currency"] == "EUR"


async def test_async_guard(async_client):
    response = await async_client.post("/orders", json={})
    # expect: VC311
    if response.status_code in (200, 201):
        assert response.json()["created"]


def test_nested_guard():
    result = api.sync()
    # expect: VC311
    if result is not None:
        if result.errors:
            assert result.errors == []


class TestOrders(unittest.TestCase):
    def test_guarded(self):
        order = fetch_order(2)
        # expect: VC311
        if order is not None:
            self.assertEqual(order["id"], 2)


def test_mock_assertion_guarded(mocker):
    sender = mocker.patch("shop.api.send")
    receipt = api.checkout(1)
    # expect: VC311
    if receipt.sent:
        sender.assert_called_once()


def test_key_guard():
    data = api.export()
    # expect: VC311
    if "items" in data:
        assert len(data["items"]) == 3


def test_elif_guard():
    cart = build_cart()
    # expect: VC311
    if cart.total > 100:
        assert cart.discount == 10
    elif cart.total > 50:
        assert cart.discount == 5


def test_checked_first(client):
    response = client.get("/orders/1")
    assert response.status_code == 200
    # ok: VC311 -- the status is asserted before
    if response.json().get("items"):
        assert response.json()["items"][0]["qty"] > 0


def test_fails_itself(client):
    response = client.get("/orders/1")
    # ok: VC311 -- the `if` is the check
    if response.status_code != 200:
        pytest.fail(f"status {response.status_code}")
    assert response.json()["id"] == 1


def test_raises_itself():
    order = fetch_order(1)
    # ok: VC311
    if order is None:
        raise AssertionError("no order")


async def test_fake_raises_but_the_test_checks_under_an_if():
    async def boom():
        raise ValueError("x")

    result = await drain([boom()])
    # expect: VC311 -- the `raise` belongs to the fake, not to the test
    if result is not None:
        assert isinstance(result, list)


def test_fake_raises_and_the_test_checks_unconditionally():
    def boom():
        raise ValueError("x")

    result = drain_sync([boom])
    # ok: VC311
    if result is not None:
        assert isinstance(result, list)
    assert result == [None]


def test_both_branches():
    order = fetch_order(1)
    # ok: VC311 -- both outcomes are checked
    if order:
        assert order["id"] == 1
    else:
        assert False, "no order"


def test_platform_guard():
    path = api.data_path()
    # ok: VC311 -- a condition on the platform, not on the result
    if sys.platform == "win32":
        assert path.endswith("\\data")


def test_flag_parameter(strict):
    result = api.sync()
    # ok: VC311
    if strict:
        assert result.errors == []


def test_skips_on_condition():
    result = api.sync()
    # ok: VC311
    if result is None:
        pytest.skip("no service")
    assert result.errors == []


def helper_with_guard():
    order = fetch_order(1)
    # ok: VC311 -- not a test
    if order:
        assert order["id"] == 1


def test_table_of_cases():
    for case in api.cases():
        result = api.parse(case.text)
        # ok: VC311 -- the `if` picks the cases the check applies to
        if result.has_z:
            assert result.wkt == case.wkt


def test_builtin_input(connection):
    numbers = list(range(2050))
    limit = connection.features.max_query_params
    # ok: VC311 -- a capability of the backend, and input the test built
    if limit is None or limit >= len(numbers):
        assert api.count(numbers) == 2050


def test_items_only_checked_in_loop(client):
    response = client.get("/orders")
    # expect: VC311
    for order in response.json():
        assert order["total"] > 0


def test_items_of_response_data_checked_in_loop(client):
    data = client.get("/orders").json()["items"]
    # expect: VC311
    for order in data:
        assert order["total"] > 0


def test_query_results_checked_in_loop():
    orders = api.list_orders()
    # ok: VC311 -- a listing of everything walks what the test's fixtures made
    for order in orders:
        assert order["total"] > 0


def test_selected_results_checked_in_loop():
    orders = api.list_orders(status="paid")
    # expect: VC311 -- a selection may find nothing, and then nothing is checked
    for order in orders:
        assert order["total"] > 0


def test_method_results_checked_in_loop():
    cart = build_cart()
    # expect: VC311 -- a method's answer, walked directly
    for line in cart.lines_for("nobody"):
        assert line.owner == "nobody"


def test_rows_read_back_checked_in_loop(conn):
    api.save_result(conn, "r2", "c1")
    rows = conn.execute("SELECT * FROM run_r2").fetchall()
    # expect: VC311
    for row in sorted(rows)[1:]:
        assert row[0] == "c1"


def test_parsed_items_checked_in_loop(spider, page):
    requests = list(spider.parse_sitemap(page))
    # expect: VC311 -- a parser that yields nothing passes
    for request in requests:
        assert request.url.startswith("https://shop.example.com/")


def test_builtin_range_checked_in_loop():
    numbers = list(range(10))
    # ok: VC311 -- the test's own input, built by builtins
    for number in numbers:
        assert number >= 0


def test_attribute_of_a_built_object_checked_in_loop():
    cart = build_cart()
    cart.refresh()
    # ok: VC311 -- what the code filled on an object, not a selection
    for sku in sorted(cart.skus):
        assert sku.startswith("SKU-")


def test_forms_of_a_formset_checked_in_loop():
    formset = api.FormSet(form_kwargs={"custom": 1})
    # ok: VC311 -- an object built by its class
    for form in formset:
        assert form.custom == 1


def test_every_field_checked_in_loop():
    # ok: VC311 -- a listing of everything, handed nothing to pick
    for field in api.Order._meta.get_fields():
        assert field.name.islower()


class TestHistory(unittest.TestCase):
    def test_movements_are_negative(self):
        # expect: VC311
        for movement in api.history(account=1)[1:]:
            self.assertLess(movement.qty, 0)


def test_results_counted_then_walked():
    orders = api.list_orders()
    assert len(orders) == 2
    # ok: VC311 -- the count is checked first
    for order in orders:
        assert order["total"] > 0


def test_expected_table_against_result():
    totals = api.totals()
    expected = {"a": 1, "b": 2}
    # ok: VC311 -- the test's own table, each entry compared with the result
    for key, value in expected.items():
        assert totals[key] == value


def test_cases_from_a_helper_fed_to_the_code():
    # ok: VC311 -- each item is handed to the code: a table of cases
    for text in api.sample_inputs():
        assert api.parse(text) is not None


def test_items_compared_with_the_last_one(client):
    history = api.history(account=1)
    last = history[-1].parents
    # ok: VC311 -- the read of the last item fails on an empty result
    for item in history:
        assert item.parents <= last


def test_module_table_against_result():
    totals = api.totals()
    # ok: VC311 -- a table of the module's, each entry compared with the result
    for key, value in api.EXPECTED_TOTALS.items():
        assert totals[key] == value


def test_files_listed_by_the_standard_library(tmp_path):
    # ok: VC311 -- the standard library's listing of the test's own folder
    for name in os.listdir(tmp_path):
        assert not name.startswith(".")


def test_error_tolerated_by_design():
    """parse() doesn't raise a UnicodeEncodeError on non-ASCII input."""
    try:
        api.parse("31 мая")
    # ok: VC311
    except Exception as exc:
        assert isinstance(exc, ValueError)


def test_items_checked_after_count(client):
    orders = client.get("/orders").json()
    assert len(orders) == 2
    # ok: VC311
    for order in orders:
        assert order["total"] > 0


def test_loop_over_a_table():
    # ok: VC311
    for raw, expected in [("1", 1), ("2", 2)]:
        assert api.parse(raw) == expected


def test_error_only_checked_if_raised():
    try:
        api.parse("bad")
    # expect: VC311
    except ValueError as exc:
        assert "bad" in str(exc)


def test_error_checked_with_fail():
    try:
        api.parse("bad")
        pytest.fail("parse accepted bad input")
    # ok: VC311
    except ValueError as exc:
        assert "bad" in str(exc)


class TestParse(unittest.TestCase):
    def test_error_only_checked_if_raised(self):
        try:
            api.parse("bad")
        # expect: VC311
        except Exception as exc:
            self.assertIn("bad", str(exc))

    def test_error_checked_with_else(self):
        try:
            api.parse("bad")
        # ok: VC311
        except ValueError as exc:
            self.assertIn("bad", str(exc))
        else:
            self.fail("parse accepted bad input")


async def test_batch_handles_each_line(consumer):
    handled = []
    consumer.handler = AsyncMock(side_effect=lambda body: handled.append(body))
    await consumer.on_batch(b'{"id": 1}\n{"id": 2}')
    # expect: VC311 -- only the callback fills `handled`: if the code never calls it, nothing is checked
    for body in handled:
        assert body.startswith(b"{")


def test_each_input_is_parsed():
    results = []
    for text in ["1", "2"]:
        results.append(parse_amount(text))
    # ok: VC311 -- the test fills the list itself
    for value in results:
        assert value > 0


def test_callback_collects_and_count_is_checked(consumer):
    seen = []
    consumer.on_item = lambda item: seen.append(item)
    consumer.run()
    assert len(seen) == 2
    # ok: VC311 -- the count is checked first
    for item in seen:
        assert item


@pytest.mark.parametrize("relative_path", ["../../etc/passwd", "reports/a.txt"])
def test_download_rejects_escaping_paths(store, relative_path):
    result = store.download("https://files.example.com/a", relative_path)
    resolved = os.path.abspath(relative_path)
    # ok: VC311 -- the condition picks the parametrized case, from the test's input, not the result
    if not Path(resolved).is_relative_to(os.getcwd()):
        assert result is False


def test_saved_path_checked_only_when_inside(store):
    saved = store.save("a.txt")
    resolved = os.path.abspath(saved)
    # expect: VC311 -- the path is the result, worked out by the standard library
    if resolved.startswith("/srv"):
        assert saved.endswith("a.txt")


def test_copy_counts_files(tmp_path):
    copied = copy_files([tmp_path / "a.txt"], tmp_path / "out")
    # expect: VC311 -- a loop over an empty literal never runs its assertion
    for failure in []:
        assert copied == 1, failure


def test_copy_counts_each_file(tmp_path):
    copied = copy_files([tmp_path / "a.txt"], tmp_path / "out")
    # ok: VC311 -- a table of cases, written out
    for expected in [1]:
        assert copied == expected


def invoke(runner, *args):
    return runner.invoke(api, list(args))


def test_loop_over_a_helper_cli_result(runner):
    result = invoke(runner, "list", "--tag", "archive")
    # expect: VC311
    for line in result.output.splitlines()[1:]:
        assert "#archive" in line


def test_loop_over_a_helper_cli_result_counted(runner):
    result = invoke(runner, "list")
    lines = result.output.splitlines()
    assert len(lines) == 3
    # ok: VC311
    for line in lines:
        assert line


async def test_fan_out_tracks_tasks(worker):
    await worker.fan_out("1-0", {"type": "x"})
    # expect: VC311 -- the state the call left: no task, nothing checked
    if worker.tasks:
        assert len(worker.tasks) == 1


def test_cart_after_adding(cart):
    cart.add("sku-1", quantity=2)
    # expect: VC311
    if len(cart.items) > 0:
        assert cart.items[0].quantity == 2


def test_cart_checked_first(cart):
    cart.add("sku-1", quantity=2)
    assert len(cart.items) == 1
    # ok: VC311 -- an assertion outside the `if` checks the result
    if cart.items:
        assert cart.items[0].quantity == 2


def test_settings_flag(settings, client):
    client.get("/health")
    # ok: VC311 -- a fixture's flag the test never drove
    if settings.DEBUG:
        assert client.debug_toolbar_enabled()


def test_platform_case(worker):
    worker.start()
    # ok: VC311 -- a method of the driven object is called, not its state read
    if worker.supports("fork"):
        assert worker.pid > 0


async def test_failed_jobs_recorded(worker):
    await worker.handle({"id": "j5"})
    # expect: VC311 -- a job that did not fail leaves the list empty: nothing checked
    for job in worker.failed:
        assert job["id"] == "j5"


async def test_failed_jobs_counted_first(worker):
    await worker.handle({"id": "j5"})
    assert len(worker.failed) == 1
    # ok: VC311
    for job in worker.failed:
        assert job["id"] == "j5"


def test_rejections_unpacked():
    kept, rejected = clean_rows([{"w": "heavy"}], "w")
    # expect: VC311
    for index, reason in rejected:
        assert index == 0


def test_rejections_unpacked_exact():
    kept, rejected = clean_rows([{"w": "heavy"}], "w")
    # ok: VC311
    assert rejected == [(0, "heavy")]


def test_fixture_attribute_not_driven(worker):
    # ok: VC311 -- the fixture's own table of cases, the test drove nothing
    for job in worker.defaults:
        assert job["id"]
