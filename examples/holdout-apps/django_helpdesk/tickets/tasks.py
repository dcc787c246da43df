import logging
import pickle

import redis
import requests
from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail

from .models import Order, Ticket

logger = logging.getLogger(__name__)
cache = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])


def get_ticket_stats(user_id: int) -> dict:
    cached = cache.get(f"ticket-stats:{user_id}")
    if cached:
        # expect: VC406
        return pickle.loads(cached)
    stats = {"open": Ticket.objects.filter(requester_id=user_id, status="open").count()}
    cache.setex(f"ticket-stats:{user_id}", 300, pickle.dumps(stats))
    return stats


# expect: VC109
@shared_task(bind=True, autoretry_for=(Exception,), max_retries=None, retry_backoff=True)
def notify_assignee(self, ticket_id: int) -> None:
    ticket = Ticket.objects.select_related("assignee").get(pk=ticket_id)
    if ticket.assignee and ticket.assignee.email:
        send_mail(f"Ticket #{ticket.id}: {ticket.title}", ticket.description, None, [ticket.assignee.email])


# ok: VC109
@shared_task(bind=True, autoretry_for=(requests.RequestException,), max_retries=5, retry_backoff=True)
def post_to_slack(self, text: str) -> None:
    # ok: VC106, VC107
    resp = requests.post(settings.SLACK_WEBHOOK_URL, json={"text": text}, timeout=10)
    resp.raise_for_status()


@shared_task(bind=True)
def refund_order(self, order_id: int) -> None:
    order = Order.objects.get(pk=order_id)
    try:
        # expect: VC106
        resp = requests.post("https://payments.internal/refunds", json={"order": order.id, "amount": str(order.total)})
        # expect: VC107
        data = resp.json()
        order.refunded = data.get("status") == "ok"
        order.save(update_fields=["refunded"])
    except Exception as exc:
        # expect: VC109
        raise self.retry(exc=exc, countdown=30, max_retries=None)


@shared_task
def sync_ticket_to_crm(ticket_id: int) -> None:
    try:
        ticket = Ticket.objects.get(pk=ticket_id)
        # expect: VC107
        requests.post("https://crm.internal/api/tickets", json={"id": ticket.id, "title": ticket.title}, timeout=5)
    # expect: VC102
    except Exception as e:
        logger.error(f"CRM sync failed for ticket {ticket_id}: {e}")


@shared_task
def close_stale_tickets() -> int:
    closed = 0
    for ticket in Ticket.objects.filter(status="pending"):
        try:
            ticket.status = "closed"
            ticket.save(update_fields=["status"])
            closed += 1
        # ok: VC101/VC102
        except Exception:
            logger.exception("could not close ticket %s", ticket.pk)
    return closed
