from rest_framework import serializers

from listings.models import Listing, Order


class ListingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Listing
        # expect: VC215 -- seller and is_featured writable by the client
        fields = "__all__"


class SellerListingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Listing
        # ok: VC215
        fields = ["id", "title", "description", "price_cents", "stock", "created_at"]
        read_only_fields = ["id", "created_at"]


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "listing", "quantity", "total_cents", "status", "coupon"]
        # ok: VC215
        read_only_fields = ["total_cents", "status", "coupon"]


class CartItemSerializer(serializers.Serializer):
    listing_id = serializers.IntegerField()
    quantity = serializers.IntegerField(min_value=1, max_value=50)
    price_cents = serializers.IntegerField(required=False)
