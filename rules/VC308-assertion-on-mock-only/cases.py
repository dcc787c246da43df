"""VC308 corpus (checked as a test file): tests that only exercise their own mocks fire."""
import json
import importlib
import runpy
import subprocess
import unittest
from pathlib import Path
from unittest import mock
from unittest.mock import MagicMock, Mock, create_autospec, patch

import pytest

import shop.weather
from shop import PaymentGateway, checkout, make_order, reconcile_day
from shop.gateway import charge
from shop.weather import WeatherClient, fetch_temperature


# expect: VC308
def test_mock_returns_what_it_was_told():
    m = Mock(return_value=3)
    assert m() == 3


# expect: VC308
def test_configured_attribute():
    repository = MagicMock()
    repository.get.return_value = {"id": 1}
    assert repository.get(1) == {"id": 1}


# expect: VC308
def test_only_mock_assert_methods():
    gateway = mock.Mock()
    gateway.charge(7)
    gateway.charge.assert_called_once_with(7)


# expect: VC308
def test_autospec_only():
    gateway = create_autospec(PaymentGateway)
    gateway.charge.return_value = True
    assert gateway.charge(1) is True


# expect: VC308
def test_with_patch_as_mock():
    with patch("shop.gateway.charge") as charge:
        charge.return_value = "ok"
        assert charge() == "ok"


@patch("shop.gateway.charge")
# expect: VC308
def test_decorator_patch_parameter(charge):
    charge.return_value = "ok"
    assert charge(1) == "ok"


# expect: VC308
def test_mocker_fixture(mocker):
    fetch = mocker.patch("shop.http.fetch")
    fetch.return_value = 200
    assert len([fetch()]) == 1


class TestMocks(unittest.TestCase):
    # expect: VC308
    def test_unittest_mock_only(self):
        clock = Mock()
        clock.now.return_value = 5
        self.assertEqual(clock.now(), 5)

    # ok: VC308
    def test_unittest_calls_code_under_test(self):
        gateway = Mock()
        checkout(make_order(), gateway=gateway)
        gateway.charge.assert_called_once()


# ok: VC308
def test_mock_injected_into_code_under_test():
    gateway = Mock()
    gateway.charge.return_value = True
    assert checkout(make_order(), gateway=gateway).paid


# ok: VC308
def test_no_mock_at_all():
    assert make_order().total() == 7


# ok: VC308
def test_patch_around_real_call():
    with patch("shop.gateway.charge") as charge:
        checkout(make_order())
        charge.assert_called_once()


@patch("shop.gateway.charge")
# ok: VC308
def test_patched_and_called(charge):
    checkout(make_order())
    assert charge.called


# ok: VC308
def test_mock_without_assertion_is_another_rule():
    gateway = Mock()
    gateway.charge(1)


# ok: VC308
def test_real_object_method():
    order = make_order()
    spy = Mock(wraps=order.total)
    assert order.total() == spy()


@pytest.mark.parametrize("amount", [1, 2])
# ok: VC308
def test_parametrized_real_call(amount):
    gateway = Mock()
    assert checkout(make_order(amount), gateway=gateway)


# ok: VC308
def test_mocker_spy_on_real_code(mocker):
    charge = mocker.patch("shop.gateway.charge")
    checkout(make_order())
    charge.assert_called_once_with(7)


class GatewayTests(unittest.TestCase):
    def setUp(self):
        self.gateway = MagicMock()
        self.gateway.charge.return_value = {"status": "ok"}

    # expect: VC308
    def test_charge_mock_only(self):
        result = self.gateway.charge(10)
        self.assertEqual(result, {"status": "ok"})

    # ok: VC308
    def test_checkout_uses_gateway(self):
        order = checkout(make_order(), gateway=self.gateway)
        self.assertEqual(order.status, "paid")

    # ok: VC308
    def test_calls_own_helper(self):
        self.gateway.charge(10)
        self.assertTrue(self.charge_recorded())

    def charge_recorded(self):
        return True


class WeatherClientTests(unittest.TestCase):
    def setUp(self):
        with patch("shop.weather.requests"):
            self.client = WeatherClient(api_key="test-key")
        self.client.session = Mock()

    # ok: VC308 -- the real client, with only its session a mock: its own method runs
    def test_parses_the_temperature(self):
        self.assertEqual(self.client.parse({"temp": 21.5}), 21.5)

    # expect: VC308 -- the mock part alone answers
    def test_session_only(self):
        self.client.session.get.return_value = {"temp": 3}
        self.assertEqual(self.client.session.get("/now"), {"temp": 3})



@patch("shop.weather.fetch_temperature")
# expect: VC308
def test_calls_the_patched_function_itself(mock_fetch):
    mock_fetch.return_value = 21
    assert fetch_temperature("Paris") == 21


@patch("shop.weather.fetch_temperature", return_value=21)
# expect: VC308
def test_patched_with_return_value(mock_fetch):
    assert shop.weather.fetch_temperature("Paris") == 21


# expect: VC308
def test_with_patch_then_call_the_target():
    with patch("shop.weather.fetch_temperature") as mock_fetch:
        mock_fetch.return_value = 21
        assert fetch_temperature("Paris") == 21


# expect: VC308
def test_mocker_patch_without_name(mocker):
    mocker.patch("shop.weather.fetch_temperature", return_value=21)
    assert fetch_temperature("Paris") == 21


# expect: VC308
def test_patch_object_then_call_the_attribute():
    with patch.object(WeatherClient, "current", return_value=21):
        assert WeatherClient.current("Paris") == 21


# expect: VC308
def test_mocker_patch_object(mocker):
    mocker.patch.object(WeatherClient, "current", return_value=21)
    assert WeatherClient.current("Paris") == 21


@mock.patch("shop.gateway.charge")
# expect: VC308
def test_module_alias_patch(mock_charge):
    mock_charge.return_value = "ok"
    assert charge(7) == "ok"


# ok: VC308
def test_patched_dependency_real_caller(mocker):
    mocker.patch("shop.weather.http_get", return_value={"temp": 21})
    assert fetch_temperature("Paris") == 21


@patch("shop.weather.http_get")
# ok: VC308
def test_patched_dependency_decorator(http_get):
    http_get.return_value = {"temp": 21}
    assert shop.weather.fetch_temperature("Paris") == 21


@patch("shop.gateway.charge")
# ok: VC308
def test_patched_parameter_then_fixture(charge, api_client):
    charge.return_value = "ok"
    response = api_client.post("/checkout", json={"order": 7})
    assert response.status_code == 200


@patch("shop.gateway.refund")
@patch("shop.gateway.charge")
# expect: VC308
def test_two_patched_parameters_then_fixture(charge, refund, tmp_path):
    refund.return_value = "ok"
    assert refund(tmp_path) == "ok"


# ok: VC308
def test_patch_object_other_attribute():
    with patch.object(WeatherClient, "_http_get", return_value={"temp": 21}):
        assert WeatherClient.current("Paris") == 21


# ok: VC308
def test_patched_name_of_another_module(mocker):
    mocker.patch("shop.cache.fetch_temperature", return_value=21)
    assert fetch_temperature("Paris") == 21


# expect: VC308
def test_patched_unit_called_with_standard_library_data():
    with mock.patch("shop.weather.fetch_temperature") as fetch:
        fetch_temperature(Path("city.txt"), json.loads('{"unit": "C"}'))
        fetch.assert_called_once()


# ok: VC308
def test_standard_library_runs_the_project_module():
    with mock.patch("uvicorn.run") as run:
        runpy.run_module("shop.main", run_name="__main__")
    run.assert_called_once()


# ok: VC308
def test_standard_library_imports_the_project_module():
    with mock.patch("uvicorn.run") as run:
        importlib.import_module("shop.main")
    run.assert_not_called()


# ok: VC308
def test_project_code_with_standard_library_data():
    with mock.patch("shop.weather.fetch_temperature", return_value=21):
        client = WeatherClient(Path("city.txt"))
    assert client.city == "city"


# expect: VC308
def test_monkeypatched_unit_called(monkeypatch):
    monkeypatch.setattr(shop.weather, "fetch_temperature", lambda city: 21)
    assert shop.weather.fetch_temperature("Oslo") == 21


# expect: VC308
def test_monkeypatched_by_path(monkeypatch):
    monkeypatch.setattr("shop.gateway.charge", lambda amount: "ok")
    assert charge(7) == "ok"


# ok: VC308
def test_monkeypatched_dependency(monkeypatch):
    monkeypatch.setattr(shop.weather, "fetch_temperature", lambda city: 21)
    monkeypatch.setenv("UNITS", "metric")
    assert WeatherClient("Oslo").report() == "21 C"


# expect: VC308
async def test_answer_of_a_mock_checked_through_its_methods():
    client = mock.AsyncMock()
    client.post.return_value = MagicMock(json=lambda: {"tracking_number": "TRK9"})
    response = await client.post("/shipments", json={"id": 3})
    assert response.json()["tracking_number"] == "TRK9"


# ok: VC308
def test_answer_of_a_mock_handed_to_the_code_under_test():
    source = MagicMock()
    source.read.return_value = '{"id": 1}'
    payload = source.read()
    assert make_order(payload).id == 1


# expect: VC308
def test_mocked_subprocess_answers_what_it_was_told():
    with patch("shop.deploy.subprocess.run") as run:
        run.return_value = subprocess.CompletedProcess(args="rsync", returncode=0)
        result = run("rsync -az src/ dst")
    assert result.returncode == 0


# expect: VC308
def test_mocked_subprocess_raises_what_it_was_told():
    run = Mock(side_effect=subprocess.CalledProcessError(1, "rsync"))
    with pytest.raises(subprocess.CalledProcessError):
        run("rsync")
    assert run.call_count == 1


# ok: VC308
def test_mocked_subprocess_behind_the_code_under_test():
    with patch("shop.deploy.subprocess.run") as run:
        run.return_value = subprocess.CompletedProcess(args="rsync", returncode=0)
        checkout("cart-1")
    assert run.call_count == 1


# ok: VC308 -- runs a real process
def test_real_subprocess_with_a_mocked_logger():
    logger = Mock()
    result = subprocess.run(["true"], check=False)
    logger.info("done")
    assert result.returncode == 0


# expect: VC308 -- the order built for the mock to answer is the test's data, not code under test
def test_mocked_save_answers_the_order_it_was_given():
    with patch.object(PaymentGateway, "charge") as charge_mock:
        charge_mock.return_value = make_order(total=10)
        assert charge_mock().total == 10


# expect: VC308
def test_mock_built_with_a_project_answer():
    gateway = Mock(return_value=make_order(total=3), side_effect=None)
    assert gateway().total == 3


# ok: VC308 -- the answer feeds the code under test, which runs
def test_project_answer_behind_the_code_under_test():
    gateway = Mock()
    gateway.charge.return_value = make_order(total=10)
    assert checkout("cart-1", gateway=gateway) == 10


# ok: VC308 -- a real object's method answers, and the object's own code runs afterwards
def test_answer_on_a_real_object():
    client = WeatherClient("key")
    client.session = Mock()
    client.session.get.return_value = make_order(total=1)
    assert client.city_temperature("Oslo") == 1


import httpx
import requests
import respx
import responses


@responses.activate
# expect: VC308
def test_requests_answers_what_responses_registered():
    responses.add(responses.GET, "https://api.example.com/weather", json={"temp": 3}, status=200)
    resp = requests.get("https://api.example.com/weather", timeout=5)
    assert resp.json()["temp"] == 3


@responses.activate
# ok: VC308 -- the project's client makes the request the mock answers
def test_project_client_behind_responses():
    responses.get("https://api.example.com/weather", json={"temp": 3})
    assert fetch_temperature("Oslo") == 3
    assert len(responses.calls) == 1


# expect: VC308
def test_requests_mock_fixture_read_back(requests_mock):
    requests_mock.get("https://api.example.com/weather", json={"temp": -4})
    data = requests.get("https://api.example.com/weather", timeout=5).json()
    assert data["temp"] == -4


# ok: VC308 -- the fixture only intercepts the project's own request
def test_requests_mock_fixture_behind_the_project(requests_mock):
    adapter = requests_mock.get("https://api.example.com/weather", json={"temp": -4})
    assert fetch_temperature("Oslo") == -4
    assert adapter.called_once


@respx.mock
# expect: VC308
async def test_httpx_answers_what_respx_registered():
    respx.get("https://api.example.com/weather").mock(return_value=httpx.Response(200, json={"temp": 1}))
    async with httpx.AsyncClient() as http:
        resp = await http.get("https://api.example.com/weather")
    assert resp.json()["temp"] == 1


# expect: VC308
async def test_httpx_answers_what_pytest_httpx_registered(httpx_mock):
    httpx_mock.add_response(json={"temp": 20})
    async with httpx.AsyncClient() as http:
        resp = await http.get("https://api.example.com/weather")
    assert resp.json()["temp"] == 20


@respx.mock
# expect: VC308
def test_route_registered():
    route = respx.get("https://api.example.com/weather")
    assert route is not None


# ok: VC308 -- no HTTP mock here: `requests` reaches a real server the test started
def test_requests_without_a_mock(live_server):
    resp = requests.get(live_server.url + "/weather", timeout=5)
    assert resp.status_code == 200


# expect: VC308
def test_sync_command_pulls(runner):
    with patch("shop.gateway.charge") as charge_mock:
        runner.invoke(checkout, ["--order", "7"])
    charge_mock.assert_called_once()


# ok: VC308 -- a test client raises the app's exceptions: weak (the response is unchecked), not blind
def test_route_sends_mail_only_mock(client):
    with mock.patch("shop.mail.send") as send:
        client.post("/orders/7/confirm")
    send.assert_called_once_with("ann@example.com")


# expect: VC308
def test_cli_runner_made_in_the_test():
    from click.testing import CliRunner

    cli_runner = CliRunner()
    with patch("shop.gateway.charge") as charge_mock:
        cli_runner.invoke(checkout, ["--order", "7"])
    charge_mock.assert_called()


class OrderViewTests(unittest.TestCase):
    # ok: VC308 -- Django's test client raises the view's exceptions
    def test_confirm_notifies(self):
        with mock.patch("shop.mail.send") as send:
            self.client.post("/orders/7/confirm")
        send.assert_called()

    # ok: VC308 -- the response is checked beside the mock
    def test_confirm_notifies_and_answers(self):
        with mock.patch("shop.mail.send") as send:
            response = self.client.post("/orders/7/confirm")
        send.assert_called_once()
        self.assertEqual(response.status_code, 302)


# ok: VC308 -- the answer is kept and checked
def test_sync_command_pulls_and_exits_cleanly(runner):
    with patch("shop.gateway.charge") as charge_mock:
        result = runner.invoke(checkout, ["--order", "7"])
    charge_mock.assert_called_once()
    assert result.exit_code == 0, result.output


# ok: VC308 -- the state the route left is checked too
def test_route_sends_mail_and_stores(client, db):
    with mock.patch("shop.mail.send") as send:
        client.post("/orders/7/confirm")
    send.assert_called_once()
    assert db.orders[7].confirmed


# ok: VC308 -- a plain call of the project: its effect on the collaborator is what the test is about
def test_close_closes_the_connection():
    connection = Mock()
    PaymentGateway(connection).close()
    connection.close.assert_called_once()


# ok: VC308 -- `client` is a mock here, not a test client: what it answers is the test's own
def test_client_mock_dropped_answer():
    client = Mock()
    checkout(client)
    client.post.assert_called_once()


# expect: VC308 -- the patched class's instance under another name answers what the test told it to
def test_settlements_through_an_alias():
    with patch("recon.psp.PspClient") as client_cls:
        client = client_cls.return_value
        client.settlements.return_value = [{"id": "p9"}]
        items = client.settlements("2024-05-01")
    assert items[0]["id"] == "p9"


# ok: VC308 -- the alias is configured, then the code under test runs with it
def test_reconcile_through_an_alias():
    with patch("recon.psp.PspClient") as client_cls:
        client = client_cls.return_value
        client.settlements.return_value = [{"id": "p9"}]
        result = reconcile_day("2024-05-01")
    assert result["matched"] == 1
