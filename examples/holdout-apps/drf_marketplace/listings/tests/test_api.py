from unittest.mock import MagicMock, patch

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from listings.models import Listing, Order, SellerProfile
from listings.services import pricing


@pytest.fixture
def seller(db):
    user = get_user_model().objects.create_user("seller", password="pw-for-tests")
    SellerProfile.objects.create(user=user, stripe_account_id="acct_1", is_verified=True, balance_cents=5000)
    return user


@pytest.fixture
def buyer(db):
    return get_user_model().objects.create_user("buyer", password="pw-for-tests")


@pytest.fixture
def listing(seller):
    return Listing.objects.create(seller=seller, title="Lamp", price_cents=2500, stock=3)


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_order_total_uses_stored_price(listing):
    assert pricing.order_total(listing, 2) == 5000


def test_order_total_rejects_too_many(listing):
    with pytest.raises(ValueError):
        pricing.order_total(listing, 10)


@patch("listings.api.views.stripe.PaymentIntent.create")
def test_checkout(create_intent, buyer, listing):
    create_intent.return_value = MagicMock(id="pi_1", client_secret="secret_1")
    resp = client_for(buyer).post("/api/checkout/v2/", {"items": [{"listing_id": listing.pk, "quantity": 1}]}, format="json")
    # expect: VC310
    assert resp.data


@patch("listings.api.views.send_payout")
def test_payout(send_payout, seller):
    client_for(seller).post("/api/payouts/v2/", {"amount_cents": 1000}, format="json")
    send_payout.assert_called_once()


# expect: VC303
def test_apply_coupon(buyer, listing):
    order = Order.objects.create(buyer=buyer, listing=listing, total_cents=2500)
    client_for(buyer).post("/api/coupons/apply/v2/", {"order_id": order.pk, "code": "NOPE"}, format="json")


def test_other_seller_cannot_reprice(seller, listing):
    other = get_user_model().objects.create_user("other", password="pw-for-tests")
    resp = client_for(other).patch(f"/api/listings/{listing.pk}/price/v2/", {"price_cents": 1}, format="json")
    assert resp.status_code == 404
    listing.refresh_from_db()
    assert listing.price_cents == 2500


def test_ship_order(seller, buyer, listing):
    order = Order.objects.create(buyer=buyer, listing=listing, total_cents=2500)
    resp = client_for(seller).post(f"/api/orders/{order.pk}/ship/v2/")
    # expect: VC311
    if resp.status_code == 200:
        assert resp.data["status"] == "shipped"


def test_platform_fee():
    fee = pricing.platform_fee(1000)
    # expect: VC304
    assert fee == fee


# expect: VC306
@pytest.mark.skip
def test_refund_flow(buyer, listing):
    assert False
