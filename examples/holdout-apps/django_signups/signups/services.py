import logging
import smtplib

import requests
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import Event, EventFull, Registration

logger = logging.getLogger(__name__)


def register(event: Event, user) -> Registration:
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        status = Registration.CONFIRMED if event.spots_left() > 0 else Registration.WAITLISTED
        try:
            return Registration.objects.create(event=event, user=user, status=status)
        except IntegrityError as exc:
            # ok: VC105
            raise EventFull(f"{user} is already registered for {event}") from exc


def send_confirmation(registration: Registration) -> None:
    try:
        send_mail(
            f"You're registered for {registration.event.title}",
            f"See you on {registration.event.starts_at:%d %B}.",
            settings.DEFAULT_FROM_EMAIL,
            [registration.user.email],
        )
    # expect: VC101
    except smtplib.SMTPException:
        pass


def send_reminder(registration: Registration) -> None:
    try:
        send_mail(
            f"Reminder: {registration.event.title}",
            "It's tomorrow!",
            settings.DEFAULT_FROM_EMAIL,
            [registration.user.email],
        )
    # ok: VC101
    except smtplib.SMTPException:
        logger.exception("reminder to %s failed", registration.user.pk)
        raise


def notify_slack(event: Event, text: str) -> None:
    if not settings.SLACK_WEBHOOK_URL:
        return
    # expect: VC106, VC107
    requests.post(settings.SLACK_WEBHOOK_URL, json={"text": f"[{event.title}] {text}"})


def notify_slack_checked(event: Event, text: str) -> None:
    # ok: VC106, VC107
    resp = requests.post(settings.SLACK_WEBHOOK_URL, json={"text": f"[{event.title}] {text}"}, timeout=5)
    resp.raise_for_status()


def promote_waitlist(event: Event) -> int:
    promoted = 0
    waiting = list(event.registrations.filter(status=Registration.WAITLISTED).order_by("created_at"))
    for registration in waiting:
        if event.spots_left() <= 0:
            break
        try:
            registration.status = Registration.CONFIRMED
            registration.save(update_fields=["status"])
            send_confirmation(registration)
            promoted += 1
        # expect: VC101/VC102
        except Exception:
            logger.error("could not promote registration")
            continue
    return promoted


def sync_to_calendar(events: list[Event]) -> int:
    synced = 0
    for event in events:
        try:
            push_calendar_event(event)
            synced += 1
        # ok: VC101
        except requests.RequestException:
            logger.warning("calendar sync failed for event %s", event.pk, exc_info=True)
    return synced


def push_calendar_event(event: Event) -> None:
    # ok: VC106, VC107
    resp = requests.put(
        f"https://calendar.example.com/api/events/{event.pk}",
        json={"title": event.title, "start": event.starts_at.isoformat()},
        timeout=10,
    )
    resp.raise_for_status()


# expect: VC501
def export_ical(event: Event) -> str:
    return ""
