# expect: VC302
from django.db import models

from orders.models import Order


class Invoice(models.Model):
    order = models.OneToOneField(Order, on_delete=models.PROTECT, related_name="invoice")
    number = models.CharField(max_length=20, unique=True)
    issued = models.DateField()

    def display_number(self) -> str:
        return f"INV-{self.issued:%Y}-{self.number}"
