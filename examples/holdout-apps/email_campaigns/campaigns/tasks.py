import logging

import requests
from celery import Celery

from . import config
from .mailer import build_message, render_body, send
from .models import Campaign, Subscriber, db
from .unsubscribe import signed_unsubscribe

log = logging.getLogger(__name__)
celery = Celery("newsletter", broker=config.CELERY_BROKER_URL)


@celery.task(bind=True, max_retries=3, default_retry_delay=60)
def send_campaign(self, campaign_id: int) -> int:
    campaign = db.session.get(Campaign, campaign_id)
    sent = 0
    for subscriber in Subscriber.query.filter_by(org_id=campaign.org_id, subscribed=True, bounced=False):
        unsubscribe_url = f"{config.PUBLIC_URL}/u/{signed_unsubscribe(subscriber.id)}"
        html = render_body(campaign.body, {"name": subscriber.name, "email": subscriber.email}, unsubscribe_url)
        send(build_message(subscriber.email, campaign.subject, html, unsubscribe_url))
        sent += 1
    campaign.status = "sent"
    db.session.commit()
    return sent


@celery.task
def send_via_sendgrid(to: str, subject: str, html: str) -> str:
    # expect: VC407
    log.info("sending %r to %s with key %s", subject, to, config.SENDGRID_API_KEY)
    # expect: VC106
    resp = requests.post(
        "https://api.sendgrid.com/v3/mail/send",
        headers={"Authorization": f"Bearer {config.SENDGRID_API_KEY}"},
        json={
            "personalizations": [{"to": [{"email": to}]}],
            "from": {"email": "news@example.com"},
            "subject": subject,
            "content": [{"type": "text/html", "value": html}],
        },
    )
    resp.raise_for_status()
    return resp.headers.get("X-Message-Id", "")
