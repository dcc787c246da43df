from django.conf import settings
from django.db import models


class Organization(models.Model):
    name = models.CharField(max_length=200)
    plan = models.CharField(max_length=20, default="free")
    credit_cents = models.IntegerField(default=0)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    org = models.ForeignKey(Organization, on_delete=models.CASCADE)
    role = models.CharField(max_length=20, default="member")


class ApiKey(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="api_keys")
    prefix = models.CharField(max_length=8, db_index=True)
    key_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked = models.BooleanField(default=False)


class Invoice(models.Model):
    org = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invoices")
    number = models.CharField(max_length=32)
    amount_cents = models.IntegerField()
    status = models.CharField(max_length=20, default="draft")
    pdf_path = models.CharField(max_length=255, blank=True)
