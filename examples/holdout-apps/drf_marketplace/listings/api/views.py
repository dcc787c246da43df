import json
import logging

import stripe
from django.conf import settings
from django.db import connection, transaction
from django.db.models import F
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.response import Response
from rest_framework.views import APIView

from listings.models import Coupon, Listing, Order, Payout
from listings.permissions import IsSellerOwner, IsVerifiedSeller
from listings.services import pricing
from listings.services.payouts import send_payout
from listings.tasks import notify_seller

from .serializers import ListingSerializer, OrderSerializer, SellerListingSerializer

logger = logging.getLogger(__name__)
stripe.api_key = settings.STRIPE_SECRET_KEY


# expect: VC214 -- any signed-in seller can PATCH or DELETE another seller's listing (reported on the class)
class ListingViewSet(viewsets.ModelViewSet):
    """Public catalogue; sellers create and edit their listings here."""

    queryset = Listing.objects.all()
    serializer_class = ListingSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]

    def perform_create(self, serializer):
        serializer.save(seller=self.request.user)

    # expect: VC201/VC218 -- anyone can feature a listing
    @action(detail=True, methods=["post"], permission_classes=[permissions.AllowAny])
    def feature(self, request, pk=None):
        listing = self.get_object()
        listing.is_featured = True
        listing.save(update_fields=["is_featured"])
        return Response({"featured": True})

    # ok: VC201/VC218
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsAdminUser])
    def unfeature(self, request, pk=None):
        listing = self.get_object()
        listing.is_featured = False
        listing.save(update_fields=["is_featured"])
        return Response({"featured": False})


class MyListingViewSet(viewsets.ModelViewSet):
    serializer_class = SellerListingSerializer
    permission_classes = [permissions.IsAuthenticated, IsVerifiedSeller, IsSellerOwner]

    def get_queryset(self):
        # ok: VC214
        return Listing.objects.filter(seller=self.request.user)

    def perform_create(self, serializer):
        serializer.save(seller=self.request.user)


class ListingPriceView(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def patch(self, request, pk):
        # expect: VC214 -- any seller reprices any listing
        listing = Listing.objects.get(pk=pk)
        listing.price_cents = int(request.data["price_cents"])
        listing.save(update_fields=["price_cents"])
        return Response({"id": listing.pk, "price_cents": listing.price_cents})


class ListingPriceViewV2(APIView):
    permission_classes = [permissions.IsAuthenticated]

    def patch(self, request, pk):
        # ok: VC214
        listing = get_object_or_404(Listing, pk=pk, seller=request.user)
        listing.price_cents = int(request.data["price_cents"])
        listing.save(update_fields=["price_cents"])
        return Response({"id": listing.pk, "price_cents": listing.price_cents})


class OrderViewSet(viewsets.ModelViewSet):
    serializer_class = OrderSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        # ok: VC214
        return Order.objects.filter(buyer=self.request.user)

    @action(detail=True, methods=["post"])
    def set_status(self, request, pk=None):
        order = self.get_object()
        # expect: VC215 -- the buyer marks their own order delivered or refunded
        order.status = request.data["status"]
        order.save(update_fields=["status"])
        notify_seller.delay(order.listing.seller_id, order.pk, order.status)
        return Response(OrderSerializer(order).data)

    @action(detail=True, methods=["post"])
    def confirm_delivery(self, request, pk=None):
        order = self.get_object()
        if order.status != Order.Status.SHIPPED:
            return Response({"detail": "not shipped yet"}, status=status.HTTP_409_CONFLICT)
        # ok: VC215
        order.status = Order.Status.DELIVERED
        order.save(update_fields=["status"])
        return Response(OrderSerializer(order).data)

    @action(detail=True, methods=["post"], url_path="ship")
    def ship(self, request, pk=None):
        # expect: VC214 -- any user can mark any order shipped by id
        order = Order.objects.get(pk=pk)
        order.status = Order.Status.SHIPPED
        order.save(update_fields=["status"])
        return Response({"status": order.status})

    @action(detail=True, methods=["post"], url_path="ship/v2")
    def ship_v2(self, request, pk=None):
        # ok: VC214
        order = get_object_or_404(Order, pk=pk, listing__seller=request.user)
        order.status = Order.Status.SHIPPED
        order.save(update_fields=["status"])
        return Response({"status": order.status})


@api_view(["POST"])
def checkout(request):
    items = request.data.get("items", [])
    total = sum(item["price_cents"] * item["quantity"] for item in items)
    listing = Listing.objects.get(pk=items[0]["listing_id"])
    # expect: VC231 -- the total is summed from the prices in the cart the client sent
    order = Order.objects.create(buyer=request.user, listing=listing, quantity=items[0]["quantity"], total_cents=total)
    intent = stripe.PaymentIntent.create(amount=total, currency="usd", metadata={"order": order.pk})
    order.stripe_payment_intent = intent.id
    order.save(update_fields=["stripe_payment_intent"])
    return Response({"client_secret": intent.client_secret, "total_cents": total})


@api_view(["POST"])
def checkout_v2(request):
    item = request.data.get("items", [])[0]
    listing = get_object_or_404(Listing, pk=item["listing_id"])
    # ok: VC215 -- the price is read from the database
    total = pricing.order_total(listing, int(item["quantity"]))
    # ok: VC231
    order = Order.objects.create(buyer=request.user, listing=listing, quantity=int(item["quantity"]), total_cents=total)
    intent = stripe.PaymentIntent.create(amount=total, currency="usd", metadata={"order": order.pk})
    return Response({"client_secret": intent.client_secret, "total_cents": total})


@api_view(["POST"])
def apply_coupon(request):
    order = get_object_or_404(Order, pk=request.data["order_id"], buyer=request.user)
    coupon = Coupon.objects.get(code=request.data["code"])
    order.total_cents = pricing.apply_percent(order.total_cents, coupon.percent_off)
    order.coupon = coupon
    order.save()
    return Response({"total_cents": order.total_cents})


@api_view(["POST"])
def apply_coupon_v2(request):
    with transaction.atomic():
        order = get_object_or_404(Order.objects.select_for_update(), pk=request.data["order_id"], buyer=request.user)
        coupon = get_object_or_404(Coupon.objects.select_for_update(), code=request.data["code"])
        if order.coupon_id or coupon.redeemed_by.filter(pk=request.user.pk).exists():
            return Response({"detail": "coupon already used"}, status=status.HTTP_409_CONFLICT)
        order.total_cents = pricing.apply_percent(order.total_cents, coupon.percent_off)
        order.coupon = coupon
        order.save(update_fields=["total_cents", "coupon"])
        coupon.redeemed_by.add(request.user)
    return Response({"total_cents": order.total_cents})


@api_view(["POST"])
@permission_classes([permissions.IsAuthenticated, IsVerifiedSeller])
def request_payout(request):
    amount = int(request.data["amount_cents"])
    # expect: VC207/VC215 -- the payout goes to whatever account the client names
    destination = request.data.get("destination") or request.user.seller.stripe_account_id
    # expect: VC231 -- the amount is the client's, never compared with the seller's balance
    payout = Payout.objects.create(seller=request.user, amount_cents=amount, destination=destination)
    send_payout(payout)
    return Response({"id": payout.pk, "status": payout.status}, status=status.HTTP_201_CREATED)


@api_view(["POST"])
@permission_classes([permissions.IsAuthenticated, IsVerifiedSeller])
def request_payout_v2(request):
    profile = request.user.seller
    amount = min(int(request.data["amount_cents"]), profile.balance_cents)
    with transaction.atomic():
        type(profile).objects.filter(pk=profile.pk).update(balance_cents=F("balance_cents") - amount)
        # ok: VC207/VC215/VC231
        payout = Payout.objects.create(seller=request.user, amount_cents=amount, destination=profile.stripe_account_id)
    send_payout(payout)
    return Response({"id": payout.pk, "status": payout.status}, status=status.HTTP_201_CREATED)


@api_view(["GET"])
@permission_classes([permissions.AllowAny])
def search_listings(request):
    term = request.query_params.get("q", "")
    sort = request.query_params.get("sort", "created_at")
    with connection.cursor() as cursor:
        # expect: VC402/VC422
        cursor.execute(f"SELECT id, title, price_cents FROM listings_listing WHERE title ILIKE '%%{term}%%' ORDER BY {sort}")
        rows = cursor.fetchall()
    return Response([{"id": r[0], "title": r[1], "price_cents": r[2]} for r in rows])


# expect: VC201/VC216 -- the event is trusted without checking its signature
@csrf_exempt
def stripe_webhook(request):
    event = json.loads(request.body)
    if event["type"] == "payment_intent.succeeded":
        Order.objects.filter(stripe_payment_intent=event["data"]["object"]["id"]).update(status=Order.Status.PAID)
    return HttpResponse(status=200)


# ok: VC201/VC216
@csrf_exempt
def stripe_webhook_v2(request):
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.META.get("HTTP_STRIPE_SIGNATURE", ""), settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.error.SignatureVerificationError):
        return HttpResponse(status=400)
    if event["type"] == "payment_intent.succeeded":
        Order.objects.filter(stripe_payment_intent=event["data"]["object"]["id"]).update(status=Order.Status.PAID)
    return HttpResponse(status=200)
