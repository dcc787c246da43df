"""Credit transfers between accounts."""
from django.db import transaction
from django.db.models import F

from models import Account


def transfer_credit(sender, recipient_name: str, amount: int) -> None:
    if amount <= 0:
        raise ValueError("amount must be positive")
    with transaction.atomic():
        source = Account.objects.select_for_update().get(owner=sender)
        if source.balance < amount:
            raise ValueError("insufficient credit")
        Account.objects.filter(pk=source.pk).update(balance=F("balance") - amount)
        Account.objects.filter(owner__username=recipient_name).update(balance=F("balance") + amount)
