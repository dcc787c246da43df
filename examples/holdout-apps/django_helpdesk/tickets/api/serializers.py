from django.contrib.auth import get_user_model
from rest_framework import serializers

from ..models import Order, Ticket

User = get_user_model()


class TicketSerializer(serializers.ModelSerializer):
    class Meta:
        model = Ticket
        fields = ["id", "title", "description", "status", "priority", "requester", "assignee", "created_at"]
        read_only_fields = ["requester", "assignee", "status", "created_at"]


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        # expect: VC215, VC429
        fields = "__all__"


class SignupSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["username", "email", "password"]
        extra_kwargs = {"password": {"write_only": True}}

    def create(self, validated_data):
        # ok: VC410
        return User.objects.create_user(**validated_data)


class OrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "total", "refunded"]
        read_only_fields = ["refunded"]
