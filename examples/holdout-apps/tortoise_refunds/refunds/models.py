"""Tortoise ORM models: customers, invoices, refunds and the Stripe events already processed."""

from tortoise import fields
from tortoise.models import Model


class Customer(Model):
    id = fields.IntField(pk=True)
    email = fields.CharField(max_length=255, unique=True)
    stripe_customer_id = fields.CharField(max_length=64, null=True)
    is_admin = fields.BooleanField(default=False)


class Invoice(Model):
    id = fields.IntField(pk=True)
    customer = fields.ForeignKeyField("models.Customer", related_name="invoices")
    amount = fields.DecimalField(max_digits=12, decimal_places=2)
    amount_refunded = fields.DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = fields.CharField(max_length=3, default="usd")
    status = fields.CharField(max_length=20, default="open")
    payment_intent = fields.CharField(max_length=64, null=True)


class Refund(Model):
    id = fields.IntField(pk=True)
    invoice = fields.ForeignKeyField("models.Invoice", related_name="refunds")
    amount = fields.DecimalField(max_digits=12, decimal_places=2)
    reason = fields.CharField(max_length=255, null=True)
    idempotency_key = fields.CharField(max_length=64, unique=True)
    stripe_refund_id = fields.CharField(max_length=64, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)


class ProcessedEvent(Model):
    id = fields.CharField(pk=True, max_length=64)
    type = fields.CharField(max_length=64)
    received_at = fields.DatetimeField(auto_now_add=True)
