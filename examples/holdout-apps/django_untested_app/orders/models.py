from django.conf import settings
from django.db import models


class Order(models.Model):
    class Status(models.TextChoices):
        OPEN = "open"
        PAID = "paid"
        CANCELLED = "cancelled"

    customer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="orders")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    total_cents = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    # ok: VC301
    def cancel(self) -> None:
        # ok: VC309
        if self.status == self.Status.PAID:
            raise ValueError("paid orders are refunded, not cancelled")
        self.status = self.Status.CANCELLED
        self.save(update_fields=["status"])

    # expect: VC301
    def mark_paid(self) -> None:
        if self.status != self.Status.OPEN:
            raise ValueError(f"cannot pay a {self.status} order")
        self.status = self.Status.PAID
        self.save(update_fields=["status"])
