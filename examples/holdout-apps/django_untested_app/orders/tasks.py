from celery import shared_task
from django.core.mail import send_mail

from orders.models import Order


@shared_task
# ok: VC301
def send_receipt(order_id: int) -> str:
    order = Order.objects.select_related("customer").get(pk=order_id)
    send_mail(
        subject=f"Receipt for order {order.pk}",
        message=f"Total: {order.total_cents / 100:.2f}",
        from_email=None,
        recipient_list=[order.customer.email],
    )
    return order.customer.email


@shared_task(bind=True, max_retries=3)
# ok: VC301
def recalculate_total(self, order_id: int) -> int:
    order = Order.objects.get(pk=order_id)
    order.total_cents = sum(line.price_cents * line.quantity for line in order.lines.all())
    order.save(update_fields=["total_cents"])
    return order.total_cents


@shared_task
# ok: VC301
def expire_open_orders(days: int = 7) -> int:
    from datetime import timedelta

    from django.utils import timezone

    cutoff = timezone.now() - timedelta(days=days)
    return Order.objects.filter(status=Order.Status.OPEN, created__lt=cutoff).update(status=Order.Status.CANCELLED)
