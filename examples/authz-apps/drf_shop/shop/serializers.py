from rest_framework import serializers

from .models import Order, Product, Profile


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "name", "price"]
        read_only_fields = ["price"]


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        # expect: VC215
        fields = "__all__"


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        # expect: VC215
        fields = ["id", "display_name", "bio", "is_verified"]
