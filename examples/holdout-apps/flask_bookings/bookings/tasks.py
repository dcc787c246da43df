import time

import requests
from celery import Celery

from .config import Config

celery = Celery("roombook", broker=Config.CELERY_BROKER_URL)


@celery.task
def send_confirmation(booking_id: int) -> None:
    from . import create_app
    from .models import Booking, User, db

    with create_app().app_context():
        booking = db.session.get(Booking, booking_id)
        user = booking and db.session.get(User, booking.user_id)
        url = user.reminder_webhook if user else None
        if not url:
            return
        # expect: VC109
        while True:
            try:
                # expect: VC106, VC107
                requests.post(url, json={"booking": booking.id, "starts_at": booking.starts_at.isoformat()})
                break
            except requests.RequestException:
                time.sleep(5)


@celery.task(bind=True, max_retries=5, default_retry_delay=30)
def send_reminder(self, booking_id: int, url: str) -> None:
    try:
        # ok: VC106
        resp = requests.post(url, json={"booking": booking_id}, timeout=10)
        resp.raise_for_status()
    except requests.RequestException as exc:
        raise self.retry(exc=exc)
