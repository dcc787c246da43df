"""VC231 price-from-client beyond its corpus: multi-step flows, checks that clear, FastAPI bodies, the command line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.rules.cli_findings import selected_findings
from vibecheck.rules.auth.price_from_client import PriceFromClient, is_money_field
from vibecheck.testing import findings_for

VIEW = """
import stripe
from flask import Flask, abort, request

from shop.models import Order

app = Flask(__name__)

@app.post("/pay")
def pay():
    body = request.get_json()
    {body}
    stripe.PaymentIntent.create(amount=amount, currency="usd")
    return "", 204
"""


@pytest.mark.parametrize(("body", "reported"), [
    ('amount = body["amount"]', True),
    ('raw = body.get("total")\n    cents = int(float(raw) * 100)\n    amount = cents', True),
    ('amount = sum(line["price"] for line in body["lines"])', True),
    ('amount = max(50, int(body["amount"]))', True),
    ('amount = int(body["amount"])\n    if amount < 0:\n        abort(400)', True),
    ('amount = int(body["amount"])\n    order = Order.query.get(body["order_id"])\n    if amount != order.total:\n'
     '        abort(409)', False),
    ('amount = min(int(body["amount"]), request.user.balance)', False),
    ('amount = Order.query.get(body["order_id"]).total_cents', False),
    ('amount = 1999 * int(body["quantity"])', False),
    ('amount = int(body["amount"])\n    validate_amount(amount)', False),
])
def test_multi_step_flows_and_checks(body: str, reported: bool) -> None:
    findings = findings_for(PriceFromClient, VIEW.format(body=body))
    assert bool(findings) is reported, [f.message for f in findings]


FASTAPI = """
import stripe
from fastapi import FastAPI
from pydantic import BaseModel

app = FastAPI()

class Checkout(BaseModel):
    plan: str
    amount_cents: int

@app.post("/checkout")
def checkout(body: Checkout):
    {body}
"""


@pytest.mark.parametrize(("body", "reported"), [
    ('stripe.checkout.Session.create(line_items=[{"price_data": {"unit_amount": body.amount_cents}, "quantity": 1}])',
     True),
    ('return stripe.Charge.create(amount=body.amount_cents, currency="usd")', True),
    ('if not 500 <= body.amount_cents <= 100_000:\n        raise ValueError\n'
     '    return stripe.PaymentIntent.create(amount=body.amount_cents)', False),
    ('return stripe.checkout.Session.create(line_items=[{"price": body.plan, "quantity": 1}])', False),
])
def test_fastapi_body_models(body: str, reported: bool) -> None:
    findings = findings_for(PriceFromClient, FASTAPI.format(body=body))
    assert bool(findings) is reported, [f.message for f in findings]


def test_one_finding_per_client_value_at_its_first_sink() -> None:
    source = VIEW.format(body='amount = body["amount"]\n    Order.objects.create(total_cents=amount)')
    [finding] = findings_for(PriceFromClient, source)
    assert "`total_cents` of `Order.objects.create()`" in finding.message and "request.get_json()" in finding.message
    assert finding.hint is not None and "server" in finding.hint
    assert finding.cwe == (602, 20)


@pytest.mark.parametrize(("name", "money"), [
    ("total", True), ("total_cents", True), ("unit_price", True), ("amountCents", True), ("discount", True),
    ("price_id", False), ("discount_code", False), ("quantity", False), ("currency", False), ("status", False),
])
def test_money_fields(name: str, money: bool) -> None:
    assert is_money_field(name) is money


def test_the_command_line_reports_an_app_and_not_its_tests(tmp_path: Path) -> None:
    view = textwrap.dedent(VIEW.format(body='amount = body["amount"]'))
    (tmp_path / "app.py").write_text(view, encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_app.py").write_text(view, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC231")
    assert [(f["path"], f["code"], f["severity"]) for f in findings] == [("app.py", "VC231", "high")]
