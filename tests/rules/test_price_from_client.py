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


BILLING = """
import stripe

from shop.models import Order, Product


def charge(user, amount):
    return stripe.PaymentIntent.create(amount=amount, currency="usd", customer=user.stripe_id)


def charge_later(user, amount):
    return _create_intent(user.stripe_id, amount)


def _create_intent(customer, cents):
    return stripe.PaymentIntent.create(amount=cents, currency="usd", customer=customer)


def record(user, total):
    order = Order(user=user)
    order.total_cents = total
    order.save()


def charge_capped(user, amount):
    return stripe.PaymentIntent.create(amount=min(amount, user.balance_cents), currency="usd")


def charge_matching(order, amount):
    if amount != order.total_cents:
        raise ValueError("the amount is not the order's")
    return stripe.PaymentIntent.create(amount=amount, currency="usd")


def charge_product(user, product_id):
    product = Product.objects.get(pk=product_id)
    return stripe.PaymentIntent.create(amount=product.price_cents, currency="usd")


def charge_stored(user, cents):
    return stripe.Charge.create(amount=cents, currency="usd", customer=user.stripe_id)


def give(user, amount):
    return stripe.PaymentIntent.create(amount=amount, currency="usd", customer=user.stripe_id)
"""

ROUTES = """
from flask import Flask, request
from flask_login import current_user

from shop.models import Product
from shop.services import billing
from shop.services.billing import charge_capped, record

app = Flask(__name__)


@app.post("/pay")
def pay():
    body = request.get_json()
    amount = body["amount"]
    return {"id": billing.charge(current_user, amount).id}


@app.post("/pay-later")
def pay_later():
    return {"id": billing.charge_later(current_user, int(request.form["amount"])).id}


@app.post("/orders")
def create_order():
    record(current_user, request.json["total"])
    return "", 201


@app.post("/pay-capped")
def pay_capped():
    return {"id": charge_capped(current_user, request.json["amount"]).id}


@app.post("/pay-order")
def pay_order():
    return {"id": billing.charge_matching(current_user.cart, request.json["amount"]).id}


@app.post("/pay-product")
def pay_product():
    return {"id": billing.charge_product(current_user, request.json["product_id"]).id}


@app.post("/pay-stored")
def pay_stored():
    product = Product.objects.get(pk=request.json["product_id"])
    return {"id": billing.charge_stored(current_user, product.price_cents).id}


@app.post("/donate")
def donate():
    return {"id": billing.give(current_user, request.json["amount"]).id}
"""


def test_an_amount_passed_to_a_service_module_is_followed_by_vc417(tmp_path: Path) -> None:
    """A route hands the client's amount to services/billing.py: the payment call it reaches is reported with the
    route and the functions on the way; a service that caps it, compares it with the order's, charges a stored price
    or is handed one, and a donation, are not."""
    (tmp_path / "shop" / "services").mkdir(parents=True)
    for name in ("shop/__init__.py", "shop/services/__init__.py"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "shop" / "models.py").write_text("class Order: ...\nclass Product: ...\n", encoding="utf-8")
    (tmp_path / "shop" / "services" / "billing.py").write_text(BILLING, encoding="utf-8")
    (tmp_path / "shop" / "routes.py").write_text(ROUTES, encoding="utf-8")
    findings = selected_findings(tmp_path, "VC417")
    reported = {(f["path"], str(f["line_text"]).strip()): str(f["message"]) for f in findings}
    assert sorted(reported) == [
        ("shop/services/billing.py", 'order.total_cents = total'),
        ("shop/services/billing.py", 'return stripe.PaymentIntent.create(amount=amount, currency="usd", '
                                     'customer=user.stripe_id)'),
        ("shop/services/billing.py", 'return stripe.PaymentIntent.create(amount=cents, currency="usd", '
                                     'customer=customer)'),
    ], reported
    assert len(findings) == 3 and all(f["cwe"] == ["CWE-602", "CWE-20"] and f["severity"] == "high" for f in findings)
    messages = list(reported.values())
    assert any("`request.get_json()` in `pay()`" in m and "(through `pay()` -> `charge()`)" in m for m in messages)
    assert any("`request.form` in `pay_later()`" in m and "`pay_later()` -> `charge_later()` -> `_create_intent()`" in m
               for m in messages), messages
    assert any("`request.json` in `create_order()`" in m and "`order.total_cents`" in m for m in messages), messages
    assert not selected_findings(tmp_path, "VC231")
