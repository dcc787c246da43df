from django.conf import settings
from django.db import models


class Order(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="orders")
    status = models.CharField(max_length=20, default="pending")
    total_cents = models.IntegerField()
    shipping_address = models.TextField()
    created = models.DateTimeField(auto_now_add=True)


class Coupon(models.Model):
    code = models.CharField(max_length=32, unique=True)
    percent_off = models.IntegerField()
